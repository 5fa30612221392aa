/** The ratios Modus ÷ peer of a benchmark run with a peer (`--peer starlight`), for the report and the targets. */
import { round } from './process.mjs';

/** a ÷ b rounded to 2 decimals (null when either is missing or b is 0). */
function ratio(a, b) {
  return typeof a === 'number' && typeof b === 'number' && b !== 0 ? round(a / b, 2) : null;
}

/**
 * The ratios Modus ÷ peer of one run (null where a figure is missing): wall and CPU time of each build
 * (CPU time of the tree is less sensitive to other jobs on a shared machine than wall time), peak
 * memory of the whole process tree (each build, and the largest of the three), first-search bytes
 * (everything on the wire, and without images) for the rare and the common word, and the slow-link times (a notice
 * page readable, the first search result shown).
 */
export function peerRatios(run) {
  const p = run.peer;
  if (!p) return undefined;
  const kinds = ['cold', 'warm', 'edit'];
  const peak = (b) => Math.max(...kinds.map((k) => b[k]?.peakRssBytes ?? 0));
  const out = {};
  for (const k of kinds) {
    out[`${k}WallS`] = ratio(run.builds[k]?.wallS, p.builds[k]?.wallS);
    out[`${k}CpuS`] = ratio(run.builds[k]?.cpuS, p.builds[k]?.cpuS);
    out[`${k}PeakRss`] = ratio(run.builds[k]?.peakRssBytes, p.builds[k]?.peakRssBytes);
  }
  out.peakRss = ratio(peak(run.builds), peak(p.builds));
  for (const w of ['rare', 'common']) {
    out[`search${w === 'rare' ? 'Rare' : 'Common'}Bytes`] = ratio(run.search?.[w]?.totalBytes, p.search?.[w]?.totalBytes);
    out[`search${w === 'rare' ? 'Rare' : 'Common'}BytesWithoutImages`] = ratio(
      run.search?.[w]?.bytesWithoutImages,
      p.search?.[w]?.bytesWithoutImages,
    );
  }
  out.slowNoticeReadable = ratio(run.slowLink?.notice?.readableMs, p.slowLink?.notice?.readableMs);
  out.slowFirstResult = ratio(run.slowLink?.search?.firstResultMs, p.slowLink?.search?.firstResultMs);
  return out;
}
