/**
 * Derived indexes of the knowledge base, computed once per build from the visible notices:
 * lookup by id and slug, facets with their notices, similar notices, resolved related notices.
 * Pure: takes notices, returns maps; pages only read them.
 */
import type { NoticeData } from '../schema/notice.ts';
import { computeFacets, type FacetValue } from './facets.ts';
import { computeSimilar } from './similar.ts';
import { compareDates } from './dates.ts';

/** A notice as the indexes see it: its slug (folder name) and validated frontmatter. */
export interface IndexedNotice<Img = unknown> {
  id: string;
  data: NoticeData<Img>;
}

/** The derived indexes. Every list of notices is newest first (published, then id). */
export interface Indexes<N> {
  notices: N[];
  byId: Map<string, N>;
  facets: Map<string, Array<Omit<FacetValue, 'items'> & { notices: N[] }>>;
  similar: Map<string, N[]>;
  related: Map<string, N[]>;
}

/** Newest first: published date descending, then id descending. */
export function newestFirst(a: { data: { published: string; id: string } }, b: { data: { published: string; id: string } }): number {
  return compareDates(b.data.published, a.data.published) || (a.data.id < b.data.id ? 1 : a.data.id > b.data.id ? -1 : 0);
}

/**
 * Builds every index for `input` (the notices this build may show). `related` keeps only ids that
 * are in `input`, so a link to a notice withheld from this audience is never emitted.
 */
export function buildIndexes<N extends IndexedNotice>(input: readonly N[]): Indexes<N> {
  const notices = [...input].sort(newestFirst);
  const byId = new Map(notices.map((n) => [n.data.id, n]));
  const facets = new Map(
    [...computeFacets(notices.map((n) => n.data))].map(([key, values]) => [
      key,
      values.map(({ items, ...v }) => ({ ...v, notices: items.map((i) => notices[i]!) })),
    ]),
  );
  const similarIdx = computeSimilar(notices.map((n) => ({ ...n.data, related: n.data.related })));
  const similar = new Map(notices.map((n, i) => [n.data.id, similarIdx[i]!.map((j) => notices[j]!)]));
  const related = new Map(
    notices.map((n) => [n.data.id, n.data.related.map((id) => byId.get(id)).filter((x): x is N => x !== undefined)]),
  );
  return { notices, byId, facets, similar, related };
}
