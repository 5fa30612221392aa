/**
 * What a withheld entry (a notice or course above the build's audience, or a draft) is known by in dist/: how
 * findings name it, its id, and the addresses of its pages. Shared by the rules that find its traces.
 */
import { audienceMaySee, tlpLabel, type Audience } from '../model/tlp.ts';
import type { ManifestEntry } from './content-manifest.ts';

/** True when `audience`'s build must hold nothing of `e`: a draft, or an entry marked above the audience. */
export function isWithheld(e: ManifestEntry, audience: Audience): boolean {
  return e.draft || !audienceMaySee(audience, e.tlp);
}

/** A reference to a withheld entry, for messages: kind, id, marking (and "draft") and content file. */
export function describeEntry(e: ManifestEntry): string {
  return `${e.kind} ${e.id ? `${e.id} ` : ''}(${e.draft ? 'draft, ' : ''}${tlpLabel(e.tlp)}, ${e.file})`;
}

/** Withheld entries by their notice id (upper case), for those that have one. */
export function withheldById(withheld: readonly ManifestEntry[]): Map<string, ManifestEntry> {
  return new Map(withheld.filter((e) => e.id).map((e) => [e.id!, e]));
}

/** Withheld entries by the address of each of their pages, slug and aliases: `notices/<slug>`, `courses/<slug>`. */
export function withheldByPagePath(withheld: readonly ManifestEntry[]): Map<string, ManifestEntry> {
  const out = new Map<string, ManifestEntry>();
  for (const e of withheld) {
    for (const s of [e.slug, ...e.aliases]) out.set(`${e.kind === 'notice' ? 'notices' : 'courses'}/${s}`, e);
  }
  return out;
}
