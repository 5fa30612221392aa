/**
 * computeSimilar (src/knowledge/similar.ts) must give exactly what the plain definition gives — score every
 * other notice, drop those below minScore or already related, sort by score, newer, id — while doing
 * bounded work per notice (field case F12). Prevents: the fast similar-notices index listing other
 * notices than the definition (a notice recommending itself or one it already relates to), and a
 * quadratic build at 10,000 notices.
 */
import { describe, expect, it } from 'vitest';
import { computeSimilar, SIMILARITY_WEIGHTS, type SimilarNotice } from '../../src/knowledge/similar.ts';
import { noticeCountries, operationKey } from '../../src/knowledge/facets.ts';

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomNotices(n: number, seed: number): SimilarNotice[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const ids = Array.from({ length: n }, (_, i) => `MO-20${10 + (i % 10)}-${String(i).padStart(4, '0')}`);
  return ids.map((id) => ({
    id,
    published: `20${10 + Math.floor(r() * 10)}-0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 9)}`,
    related: r() < 0.3 ? [pick(ids), pick(ids)] : [],
    requestingCountry: r() < 0.5 ? pick(['NL', 'BE', 'ES']) : undefined,
    operation: r() < 0.2 ? pick(['LIONFISH', 'ORCA']) : undefined,
    crimeAreas: [pick(['drug-trafficking', 'environmental-crime'])],
    commodities: [pick(['cocaine', 'heroin-opioids', 'ivory'])],
    concealment: { category: pick(['inside-goods', 'false-compartment', 'among-goods']), object: 'x' },
    antiDetection: r() < 0.5 ? [pick(['odour-masking', 'false-declaration'])] : [],
    transportModes: [pick(['maritime-container', 'air-cargo', 'postal'])],
    route: { origin: [pick(['CO', 'EC'])], transit: [], destination: [pick(['NL', 'DE'])] },
    seizures: r() < 0.5 ? [{ country: pick(['NL', 'FR']), year: 2020 }] : [],
    detection: [pick(['xray-nii', 'detector-dog'])],
  })) as unknown as SimilarNotice[];
}

/** The definition, written plainly (quadratic): used only as the reference here. */
function reference(notices: readonly SimilarNotice[], limit = 4, minScore = 3): number[][] {
  const w = SIMILARITY_WEIGHTS;
  const feats = notices.map((n) => {
    const f = new Map<string, number>([[`c:${n.concealment.category}`, w.concealment]]);
    if (n.operation) f.set(`o:${operationKey(n.operation)}`, w.operation);
    for (const v of n.commodities) f.set(`m:${v}`, w.commodity);
    for (const v of n.transportModes) f.set(`t:${v}`, w.transport);
    for (const v of noticeCountries(n)) f.set(`k:${v}`, w.country);
    for (const v of n.detection) f.set(`d:${v}`, w.detection);
    for (const v of n.antiDetection) f.set(`a:${v}`, w.antiDetection);
    for (const v of n.crimeAreas) f.set(`r:${v}`, w.crimeArea);
    return f;
  });
  return notices.map((n, i) => {
    const scored = notices
      .map((m, j) => ({ j, m, s: [...feats[i]!].reduce((sum, [k, wt]) => sum + (feats[j]!.has(k) ? wt : 0), 0) }))
      .filter(({ j, m, s }) => j !== i && s >= minScore && !n.related.includes(m.id));
    scored.sort((a, b) => b.s - a.s || (a.m.published > b.m.published ? -1 : a.m.published < b.m.published ? 1 : a.m.id < b.m.id ? -1 : 1));
    return scored.slice(0, limit).map((x) => x.j);
  });
}

describe('computeSimilar', () => {
  it('equals the plain definition on random collections (ties, related exclusions, thresholds)', () => {
    for (const seed of [1, 2, 3]) {
      const notices = randomNotices(300, seed);
      const expected = reference(notices);
      expect(expected.flat().length, 'similar notices to compare').toBeGreaterThan(0);
      expect(computeSimilar(notices)).toEqual(expected);
      expect(computeSimilar(notices, 2, 4)).toEqual(reference(notices, 2, 4));
      // With the defaults every list is full, so minScore never bites; at 8 it cuts some lists short.
      const cut = reference(notices, 4, 8);
      expect([cut.some((l) => l.length === 4), cut.some((l) => l.length < 4)], `seed ${seed}: full and cut lists`).toEqual([true, true]);
      expect(computeSimilar(notices, 4, 8)).toEqual(cut);
    }
  });

  it('never lists a notice itself or a notice it already relates to', () => {
    const notices = randomNotices(500, 9);
    const result = computeSimilar(notices);
    expect(result.flat().length).toBeGreaterThan(0);
    result.forEach((sim, i) => {
      expect(sim).not.toContain(i);
      for (const j of sim) expect(notices[i]!.related).not.toContain(notices[j]!.id);
      expect(new Set(sim).size).toBe(sim.length);
    });
  });
});
