/**
 * Derived indexes of the knowledge base, computed once per build from the visible notices:
 * lookup by id and slug, facets with their notices, similar notices, resolved related notices.
 * Pure: takes notices, returns maps; pages only read them.
 */
import type { NoticeData } from '../model/notice.ts';
import { computeFacets, type FacetValue } from './facets.ts';
import { computeSimilar } from './similar.ts';
import { compareDates } from './dates.ts';
import { imagesWithinMarking } from '../loading/audience.ts';
import type { Audience } from '../model/tlp.ts';

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
  /**
   * Notice id → the images a card, thumbnail or handout may show of it (`imagesWithinMarking`: visible
   * to the audience and marked no higher than the notice), in frontmatter order; the first is the thumbnail.
   */
  shownImages: Map<string, ShownImage<N>[]>;
}

/** An image of notice type `N` (an entry of its `images`). */
export type ShownImage<N> = N extends { data: { images: ReadonlyArray<infer I> } } ? I : never;

/** Newest first: published date descending, then id descending. */
export function newestFirst(a: { data: { published: string; id: string } }, b: { data: { published: string; id: string } }): number {
  return compareDates(b.data.published, a.data.published) || (a.data.id < b.data.id ? 1 : a.data.id > b.data.id ? -1 : 0);
}

/**
 * Builds every index for `input` (the notices this build may show) for `audience`. `related` keeps
 * only ids that are in `input`, so a link to a notice withheld from this audience is never emitted.
 */
export function buildIndexes<N extends IndexedNotice>(input: readonly N[], audience: Audience): Indexes<N> {
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
  const related = new Map(notices.map((n) => [n.data.id, n.data.related.map((id) => byId.get(id)).filter((x): x is N => x !== undefined)]));
  const shownImages = new Map(notices.map((n) => [n.data.id, imagesWithinMarking(n.data.images, n.data.tlp, audience) as ShownImage<N>[]]));
  return { notices, byId, facets, similar, related, shownImages };
}

/** A value of a facet as a list of values shows it: URL key, label and number of notices. */
export interface FacetCount {
  value: string;
  label: string;
  count: number;
}

/** The values of a facet (an entry of `Indexes.facets`) with their number of notices, in the same order. */
export function facetCounts(values: ReadonlyArray<{ value: string; label: string; notices: readonly unknown[] }>): FacetCount[] {
  return values.map((v) => ({ value: v.value, label: v.label, count: v.notices.length }));
}
