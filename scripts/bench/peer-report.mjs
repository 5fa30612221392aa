/**
 * The side-by-side part of the benchmark's report (`--peer starlight`): per corpus size, each figure
 * of Modus and of the peer, measured in the same run, and the ratio Modus ÷ peer. Raw figures are
 * always shown next to the ratio: on a shared machine a ratio is only as good as the two runs behind it.
 */
import { peerRatios } from './peer-ratios.mjs';

const mib = (b) => `${(b / 2 ** 20).toFixed(0)} MiB`;
const kb = (b) => `${(b / 1024).toFixed(1)} kB`;
const seconds = (b) => `${b.wallS} s (CPU ${b.cpuS} s)`;
const fmt = (x) => (x === null || x === undefined ? 'n/a' : x.toFixed(2));
const PEER_NAMES = { starlight: 'Starlight' };

/** The Markdown table of one run with a peer: figure | Modus | peer | Modus ÷ peer. */
function runTable(r) {
  const p = r.peer;
  const q = peerRatios(r) ?? {};
  const peerName = PEER_NAMES[p.name] ?? p.name;
  const peak = (b) => Math.max(b.cold.peakRssBytes, b.warm.peakRssBytes, b.edit.peakRssBytes);
  const search = (s, w) =>
    s?.[w] ? `${kb(s[w].totalBytes)} (${kb(s[w].bytesWithoutImages)} without images; ${s[w].requests} requests)` : 'not measured';
  const rows = [
    ['cold build: wall (CPU)', seconds(r.builds.cold), seconds(p.builds.cold), `${fmt(q.coldWallS)} (CPU ${fmt(q.coldCpuS)})`],
    ['no-change rebuild: wall (CPU)', seconds(r.builds.warm), seconds(p.builds.warm), `${fmt(q.warmWallS)} (CPU ${fmt(q.warmCpuS)})`],
    ['one notice edited: wall (CPU)', seconds(r.builds.edit), seconds(p.builds.edit), `${fmt(q.editWallS)} (CPU ${fmt(q.editCpuS)})`],
    [
      'image files encoded: cold / no-change / one edit',
      `${r.builds.cold.encodes} / ${r.builds.warm.encodes} / ${r.builds.edit.encodes}`,
      `${p.builds.cold.imagesGenerated} / ${p.builds.warm.imagesGenerated} / ${p.builds.edit.imagesGenerated}`,
      '',
    ],
    ['peak memory, whole process tree: cold', mib(r.builds.cold.peakRssBytes), mib(p.builds.cold.peakRssBytes), fmt(q.coldPeakRss)],
    ['peak memory: no-change rebuild', mib(r.builds.warm.peakRssBytes), mib(p.builds.warm.peakRssBytes), fmt(q.warmPeakRss)],
    ['peak memory: one notice edited', mib(r.builds.edit.peakRssBytes), mib(p.builds.edit.peakRssBytes), fmt(q.editPeakRss)],
    ['peak memory: largest of the three', mib(peak(r.builds)), mib(peak(p.builds)), fmt(q.peakRss)],
  ];
  for (const w of ['rare', 'common']) {
    const word = r.search?.[w]?.word ?? w;
    const key = w === 'rare' ? 'Rare' : 'Common';
    rows.push([
      `first search "${word}" (${w} word): bytes on the wire, everything`,
      search(r.search, w),
      search(p.search, w),
      `${fmt(q[`search${key}Bytes`])} (${fmt(q[`search${key}BytesWithoutImages`])} without images)`,
    ]);
  }
  const slow = (x) => (typeof x === 'number' ? `${(x / 1000).toFixed(2)} s` : 'not measured');
  rows.push(
    [
      'slow link (256 kbit/s, 800 ms, cold): notice page readable, median',
      slow(r.slowLink?.notice?.readableMs),
      slow(p.slowLink?.notice?.readableMs),
      fmt(q.slowNoticeReadable),
    ],
    [
      `slow link: first search result shown ("${r.slowLink?.search?.word ?? ''}"), median`,
      slow(r.slowLink?.search?.firstResultMs),
      slow(p.slowLink?.search?.firstResultMs),
      fmt(q.slowFirstResult),
    ],
  );
  const results = (s) => (s ? `${s.rare.summary || s.rare.results} / ${s.common.summary || s.common.results}` : 'not measured');
  rows.push(
    ['search results shown (rare / common)', results(r.search), results(p.search), ''],
    [
      'pages (HTML files) / notice pages',
      `${r.dist.htmlPages.toLocaleString('en')} / ${r.dist.noticePages.toLocaleString('en')}`,
      `${p.dist.htmlPages.toLocaleString('en')} / ${p.dist.noticePages.toLocaleString('en')}`,
      '',
    ],
    [
      'images in dist/: files, size',
      `${r.dist.imageFiles.toLocaleString('en')}, ${mib(r.dist.imageBytes)}`,
      `${p.dist.imageFiles.toLocaleString('en')}, ${mib(p.dist.imageBytes)}`,
      '',
    ],
    [
      'dist size / search index (Pagefind, all files)',
      `${mib(r.dist.bytes)} / ${mib(r.dist.pagefindBytes)}`,
      `${mib(p.dist.bytes)} / ${mib(p.dist.pagefindBytes)}`,
      '',
    ],
    [
      'notice page: HTML + CSS gzipped, scripts',
      `${kb(r.pageWeight.notice.htmlCssGzip)}, ${r.pageWeight.notice.scripts}`,
      `${kb(p.pageWeight.notice.htmlCssGzip)}, ${p.pageWeight.notice.scripts}`,
      '',
    ],
  );
  return [
    `### ${r.notices.toLocaleString('en')} notices, ${r.images.toLocaleString('en')} images of ${(r.imageSize ?? '1600x1200').replace('x', '×')}: Modus and ${peerName}`,
    '',
    `Peer: ${peerName} ${p.versions['@astrojs/starlight'] ?? ''} on Astro ${p.versions.astro}, Pagefind ${p.versions.pagefind}, sharp ${p.versions.sharp} ` +
      `(\`astro build --config ${p.config}\`); builds alternated Modus, ${peerName}, Modus, …; load average before / after the builds ${r.loadBefore.join(' ')} / ${r.loadAfterBuilds.join(' ')}.`,
    '',
    `| figure | Modus | ${peerName} | Modus ÷ ${peerName} |`,
    '|---|---|---|---|',
    ...rows.map((row) => `| ${row.join(' | ')} |`),
    '',
  ].join('\n');
}

/** The side-by-side section of a result's report, or '' when no run of it has a peer. */
export function peerMarkdown(result) {
  const runs = result.runs.filter((r) => r.peer);
  if (runs.length === 0) return '';
  return ['## Side by side with the peer', '', ...runs.map(runTable)].join('\n');
}
