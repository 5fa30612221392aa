/**
 * Deterministic STIX 2.1 identifiers (docs/exchange.md, "STIX 2.1"): every object Modus exports gets the
 * UUIDv5 of a stable name in the Modus namespace, so exporting an unchanged notice again gives the same
 * ids, and a changed one keeps its ids (with a new `modified`).
 */
import { v5 as uuidv5 } from 'uuid';

/** The namespace of every Modus STIX id (a fixed random UUID; never change it, or every id changes). */
export const MODUS_STIX_NAMESPACE = 'd06eb0ca-beaf-4c4f-b78a-360d9ee36c25';

/** A STIX id: `<type>--<UUIDv5 of name in the Modus namespace>`, e.g. `attack-pattern--…` for name `MO-2025-0001`. */
export function stixId(type: string, name: string): string {
  return `${type}--${uuidv5(name, MODUS_STIX_NAMESPACE)}`;
}

/** The stable names the ids are made from, one per kind of object. */
export const idNames = {
  /** The attack-pattern of a notice: its id. */
  attackPattern: (noticeId: string) => noticeId,
  /** Recommended action `n` (1-based) of a notice. */
  courseOfAction: (noticeId: string, n: number) => `${noticeId}/action/${n}`,
  /** A country, shared by every notice: its ISO 3166-1 alpha-2 code. */
  location: (country: string) => `country/${country}`,
  /** A relationship: its source id, type and target id. */
  relationship: (sourceId: string, type: string, targetId: string) => `${sourceId}/${type}/${targetId}`,
  /** The publishing organisation: its name. */
  identity: (publisher: string) => `publisher/${publisher}`,
  /** The Modus notice extension of one publisher at one site (its schema's address). */
  extension: (publisher: string, schemaUrl: string) => `extension/modus-notice/${publisher}/${schemaUrl}`,
} as const;

/** The type part of a STIX id (`attack-pattern` of `attack-pattern--…`), or undefined when `id` has no `--`. */
export function typeOfId(id: string): string | undefined {
  const i = id.indexOf('--');
  return i > 0 ? id.slice(0, i) : undefined;
}

/** Shape of a STIX 2.1 identifier: `<type>--<UUID>` (lower-case type, RFC 4122 UUID). */
export const STIX_ID = /^[a-z][a-z0-9-]*[a-z0-9]--[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
