/**
 * STIX 2.1 bundles (docs/exchange.md, "STIX 2.1"): one per notice and one of every notice of a build.
 * A bundle holds the objects of its notices, the shared objects they refer to (the publisher's identity,
 * the Modus extension definition, the countries) and the TLP 2.0 marking definitions they are marked
 * with, each object once, sorted by id. Its id is the UUIDv5 of its objects' ids and versions, so the same
 * content always gets the same id, and no bundle holds a generation time: an unchanged export is
 * byte-identical.
 */
import type { Tlp } from '../../model/tlp.ts';
import { stixId } from './ids.ts';
import { TLP_MARKING_IDS, tlpMarkingDefinition } from './markings.ts';
import { noticeObjects, type StixNoticeInput } from './notice-objects.ts';
import { modusExtensionDefinition, publisherIdentity, type StixPublisher } from './publisher.ts';
import type { StixBundle, StixObject } from './types.ts';

/** Code-point order of two strings (never the locale's). */
const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A bundle of `objects` and the marking definitions they refer to: each id once (the first object of an
 * id is kept: shared objects are equal), sorted by id.
 */
export function bundleOf(objects: Iterable<StixObject>): StixBundle {
  const byId = new Map<string, StixObject>();
  for (const o of objects) if (!byId.has(o.id)) byId.set(o.id, o);
  const markingIds = new Set<string>();
  for (const o of byId.values()) for (const m of 'object_marking_refs' in o ? o.object_marking_refs : []) markingIds.add(m);
  for (const [tlp, id] of Object.entries(TLP_MARKING_IDS)) {
    if (markingIds.has(id) && !byId.has(id)) byId.set(id, tlpMarkingDefinition(tlp as Tlp));
  }
  const sorted = [...byId.values()].sort((a, b) => byCodePoint(a.id, b.id));
  const versions = sorted.map((o) => `${o.id}@${'modified' in o ? o.modified : o.created}`).join('\n');
  return { type: 'bundle', id: stixId('bundle', `bundle/${versions}`), objects: sorted };
}

/** The objects every bundle of the publisher holds: its identity and the Modus extension definition. */
function sharedObjects(p: StixPublisher): StixObject[] {
  return [publisherIdentity(p), modusExtensionDefinition(p)];
}

/** The bundle of one notice. */
export function noticeBundle(notice: StixNoticeInput, p: StixPublisher): StixBundle {
  return bundleOf([...sharedObjects(p), ...noticeObjects(notice, p)]);
}

/** The bundle of every notice of a build (`notices`: what the build's audience may see). */
export function buildBundle(notices: Iterable<StixNoticeInput>, p: StixPublisher): StixBundle {
  const objects = sharedObjects(p);
  for (const n of notices) objects.push(...noticeObjects(n, p));
  return bundleOf(objects);
}

/** A bundle as published: JSON with two-space indents and a final newline (keys in the order the objects were made). */
export function serialiseBundle(bundle: StixBundle): string {
  return `${JSON.stringify(bundle, null, 2)}\n`;
}
