/**
 * The performance targets a benchmark result is judged against (docs/performance.md), and their
 * evaluation on a result.
 */
import { peerRatios } from './peer-ratios.mjs';
import { round } from './process.mjs';

/** The performance targets each result is judged against (docs/performance.md). */
export const TARGETS = {
  linearRatio5000to1000: 5.5,
  warmShareOfCold: 0.2,
  peakRssBytes10000: 1.5 * 1024 ** 3,
  firstSearchBytes: 120 * 1024,
  noticePageGzipBytes: 30 * 1024,
  /** A comparable Astro documentation framework, 1,000 notices, same kind of machine. */
  reference: { coldWithImagesS: 190, warmWithImagesS: 42, coldNoImagesS: 52, warmNoImagesS: 52, peakRssBytes: 1.3 * 1024 ** 3 },
  /**
   * Against the peer measured in the same run (`--peer starlight`), as ratios Modus ÷ peer: one notice
   * edited, no change, cold (tiny images; full-size photos with their variants), peak memory of the tree.
   */
  peer: { editWall: 0.25, warmWall: 0.1, coldWallTinyImages: 1.0, coldWallPhotos: 0.75, peakRss: 0.6 },
  /**
   * On a slow link (256 kbit/s, 800 ms latency, cold cache: scripts/bench/slow-link.mjs), medians in ms: a notice
   * page readable (marking and text painted), the first search result shown (from opening the search page).
   */
  slowLink: { noticeReadableMs: 3000, firstResultMs: 6000 },
};

/**
 * The slow-link targets of one site's figures (`run.slowLink`, scripts/bench/slow-link.mjs), labelled with `n`
 * (the corpus size as text): a notice page readable in < 3 s, the first search result in < 6 s. Each entry:
 * { target, value (seconds, as text), limit, met } (met null when the figure is missing).
 */
export function slowLinkTargets(slowLink, n) {
  const entry = (what, ms, limitMs) => ({
    target: `${n}: slow link (256 kbit/s, 800 ms), ${what}, median of ${slowLink.runs}`,
    value: typeof ms === 'number' ? `${(ms / 1000).toFixed(2)} s` : 'not measured',
    limit: `< ${limitMs / 1000} s`,
    met: typeof ms === 'number' ? ms < limitMs : null,
  });
  return [
    entry('notice page readable (marking and text painted)', slowLink.notice?.readableMs, TARGETS.slowLink.noticeReadableMs),
    entry('first search result shown', slowLink.search?.firstResultMs, TARGETS.slowLink.firstResultMs),
  ];
}

/** The targets against the peer for one run with a peer (`run.peer`): one entry per ratio of TARGETS.peer. */
function peerTargets(r) {
  const q = peerRatios(r);
  const n = r.notices.toLocaleString('en');
  const peer = r.peer.name;
  const photos = (r.imageSize ?? '1600x1200') === '1600x1200';
  const entry = (target, value, limit) => ({
    target: `${n}: ${target} ÷ ${peer}'s`,
    value,
    limit: `≤ ${limit}`,
    met: value === null ? null : value <= limit,
  });
  return [
    entry('one notice edited, rebuild time', q.editWallS, TARGETS.peer.editWall),
    entry('no-change rebuild time', q.warmWallS, TARGETS.peer.warmWall),
    entry(
      `cold build time (${photos ? 'photos' : 'small images'})`,
      q.coldWallS,
      photos ? TARGETS.peer.coldWallPhotos : TARGETS.peer.coldWallTinyImages,
    ),
    entry('peak memory of the process tree', q.peakRss, TARGETS.peer.peakRss),
  ];
}

/** Evaluates the performance targets on a result; each entry: { target, value, limit, met } (met null = not measured). */
export function evaluateTargets(result) {
  const t = [];
  const fullSize = (r) => (r.imageSize ?? '1600x1200') === '1600x1200';
  // Linear growth (field case F12): each size against the smallest one built with the same images; the
  // limit is 5.5 for 5,000 ÷ 1,000, i.e. 1.1 × the ratio of sizes.
  for (const r of result.runs) {
    const base = result.runs.find((b) => b.notices < r.notices && (b.imageSize ?? '') === (r.imageSize ?? ''));
    if (!base) continue;
    const ratio = r.builds.cold.wallS / base.builds.cold.wallS;
    const limit = round((TARGETS.linearRatio5000to1000 / 5) * (r.notices / base.notices), 2);
    const cpuRatio = round(r.builds.cold.cpuS / base.builds.cold.cpuS, 2);
    t.push({
      target: `cold build ${r.notices.toLocaleString('en')} ÷ ${base.notices.toLocaleString('en')} (linear; CPU time ratio ${cpuRatio})`,
      value: round(ratio, 2),
      limit: `≤ ${limit}`,
      met: ratio <= limit,
    });
  }
  for (const r of result.runs) {
    const n = r.notices.toLocaleString('en');
    t.push({ target: `${n}: no-change rebuild encodes`, value: r.builds.warm.encodes, limit: '0', met: r.builds.warm.encodes === 0 });
    // The 20% target is for the image corpus: with 64×48 images a cold build has almost no image work to save.
    if (fullSize(r))
      t.push({
        target: `${n}: no-change rebuild ÷ cold`,
        value: round(r.builds.warm.wallS / r.builds.cold.wallS, 2),
        limit: `≤ ${TARGETS.warmShareOfCold}`,
        met: r.builds.warm.wallS / r.builds.cold.wallS <= TARGETS.warmShareOfCold,
      });
    if (r.notices >= 10000)
      t.push({
        target: `${n}: peak RSS`,
        value: `${(Math.max(r.builds.cold.peakRssBytes, r.builds.warm.peakRssBytes, r.builds.edit.peakRssBytes) / 2 ** 20).toFixed(0)} MiB`,
        limit: '< 1.5 GiB',
        met: Math.max(r.builds.cold.peakRssBytes, r.builds.warm.peakRssBytes, r.builds.edit.peakRssBytes) < TARGETS.peakRssBytes10000,
      });
    if (r.search) {
      for (const w of ['rare', 'common']) {
        t.push({
          target: `${n}: first search "${r.search[w].word}" (without result thumbnails)`,
          value: `${(r.search[w].bytesWithoutImages / 1024).toFixed(1)} kB`,
          limit: '≤ 120 kB',
          met: r.search[w].bytesWithoutImages <= TARGETS.firstSearchBytes,
        });
      }
    }
    if (r.slowLink) t.push(...slowLinkTargets(r.slowLink, n));
    t.push({
      target: `${n}: notice page JavaScript`,
      value: r.pageWeight.notice.scripts,
      limit: '0 scripts',
      met: r.pageWeight.notice.scripts === 0 && r.pageWeight.notice.js.files === 0,
    });
    t.push({
      target: `${n}: notice page HTML+CSS gzipped`,
      value: `${(r.pageWeight.notice.htmlCssGzip / 1024).toFixed(1)} kB`,
      limit: '≤ 30 kB',
      met: r.pageWeight.notice.htmlCssGzip <= TARGETS.noticePageGzipBytes,
    });
    if (r.notices === 1000) {
      const ref = TARGETS.reference;
      const withImages = fullSize(r);
      const coldRef = withImages ? ref.coldWithImagesS : ref.coldNoImagesS;
      const warmRef = withImages ? ref.warmWithImagesS : ref.warmNoImagesS;
      t.push({
        target: `1,000: cold build vs reference ${coldRef} s`,
        value: `${r.builds.cold.wallS} s`,
        limit: `< ${coldRef} s`,
        met: r.builds.cold.wallS < coldRef,
      });
      t.push({
        target: `1,000: warm build vs reference ${warmRef} s`,
        value: `${r.builds.warm.wallS} s`,
        limit: `< ${warmRef} s`,
        met: r.builds.warm.wallS < warmRef,
      });
      const peak = Math.max(r.builds.cold.peakRssBytes, r.builds.warm.peakRssBytes, r.builds.edit.peakRssBytes);
      t.push({
        target: '1,000: peak RSS vs reference 1.3 GB',
        value: `${(peak / 2 ** 20).toFixed(0)} MiB`,
        limit: '< 1.3 GiB',
        met: peak < ref.peakRssBytes,
      });
    }
  }
  for (const r of result.runs) if (r.peer) t.push(...peerTargets(r));
  return t;
}
