/**
 * "Similar notices": notices that share facets with a notice, computed once per build for the
 * whole collection through an inverted index (no per-page scan of the collection).
 *
 * Score = sum over shared values of the facet weight. Concealment category weighs most because
 * officers look for the same trick in other goods; ties go to the newer notice, then the id.
 */
import { noticeCountries, operationKey, type FacetNotice } from './facets.ts';

/** What similarity reads from a notice. */
export type SimilarNotice = FacetNotice & { id: string; published: string; related: readonly string[] };

/** Facet weights used by the score. */
export const SIMILARITY_WEIGHTS = {
  concealment: 3, operation: 2, commodity: 2, transport: 1, country: 1, detection: 0.5, antiDetection: 0.5, crimeArea: 0.25,
} as const;

function features(n: SimilarNotice): Array<[string, number]> {
  const w = SIMILARITY_WEIGHTS;
  const f: Array<[string, number]> = [[`c:${n.concealment.category}`, w.concealment]];
  if (n.operation) f.push([`o:${operationKey(n.operation)}`, w.operation]);
  for (const v of new Set(n.commodities)) f.push([`m:${v}`, w.commodity]);
  for (const v of new Set(n.transportModes)) f.push([`t:${v}`, w.transport]);
  for (const v of noticeCountries(n)) f.push([`k:${v}`, w.country]);
  for (const v of new Set(n.detection)) f.push([`d:${v}`, w.detection]);
  for (const v of new Set(n.antiDetection)) f.push([`a:${v}`, w.antiDetection]);
  for (const v of new Set(n.crimeAreas)) f.push([`r:${v}`, w.crimeArea]);
  return f;
}

/**
 * For each notice (by index), the indexes of up to `limit` most similar other notices, excluding
 * itself and the notices it already lists in `related`. Notices scoring below `minScore` are left out.
 */
export function computeSimilar(notices: readonly SimilarNotice[], limit = 4, minScore = 3): number[][] {
  const postings = new Map<string, number[]>();
  const feats = notices.map(features);
  feats.forEach((fs, i) => {
    for (const [key] of fs) {
      const list = postings.get(key);
      if (list) list.push(i);
      else postings.set(key, [i]);
    }
  });
  const idIndex = new Map(notices.map((n, i) => [n.id, i]));
  const scores = new Float64Array(notices.length);
  return notices.map((n, i) => {
    const touched: number[] = [];
    for (const [key, weight] of feats[i]!) {
      for (const j of postings.get(key)!) {
        if (j === i) continue;
        if (scores[j] === 0) touched.push(j);
        scores[j]! += weight;
      }
    }
    const excluded = new Set(n.related.map((id) => idIndex.get(id)).filter((x): x is number => x !== undefined));
    const ranked = touched
      .filter((j) => scores[j]! >= minScore && !excluded.has(j))
      .sort((a, b) => scores[b]! - scores[a]! || (notices[b]!.published < notices[a]!.published ? -1 : notices[b]!.published > notices[a]!.published ? 1 : 0) || (notices[a]!.id < notices[b]!.id ? -1 : 1))
      .slice(0, limit);
    for (const j of touched) scores[j] = 0;
    return ranked;
  });
}
