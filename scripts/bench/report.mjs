/** The benchmark's reports: a result as Markdown, and two results side by side. */
import { peerMarkdown } from './peer-report.mjs';
import { languagesMarkdown } from './language-report.mjs';
import { round } from './process.mjs';

const mib = (b) => (b < 2 ** 20 ? `${(b / 1024).toFixed(0)} kB` : `${(b / 2 ** 20).toFixed(0)} MiB`);
const kb = (b) => `${(b / 1024).toFixed(1)} kB`;
const secs = (ms) => `${(ms / 1000).toFixed(2)} s`;
/** A slow-link median with its runs, e.g. "1.86 s (1.84, 1.86, 1.90)"; "not measured" without it. */
const slowFigure = (ms, runs) =>
  typeof ms === 'number'
    ? `${secs(ms)} (${(runs ?? []).map((x) => (typeof x === 'number' ? (x / 1000).toFixed(2) : 'none')).join(', ')})`
    : 'not measured';
const slowSearch = (s) =>
  s && typeof s.firstResultMs === 'number'
    ? `${slowFigure(s.firstResultMs, s.runsMs)} ("${s.word}"; ${secs(s.afterTypingMs)} after typing)`
    : 'not measured';

/**
 * The Markdown report: one column per size, one row per figure, then Modus and the peer side by side (when
 * measured), then each language and what the added languages cost (when measured), then the targets.
 */
export function markdown(result) {
  /** @type {Array<[string, (run: any) => string]>} */
  const rows = [
    ['notices', (r) => r.notices.toLocaleString('en')],
    ['images (JPEG)', (r) => `${r.images.toLocaleString('en')} × ${(r.imageSize ?? '1600x1200').replace('x', '×')}`],
    ['cold build: wall / CPU', (r) => `${r.builds.cold.wallS} s / ${r.builds.cold.cpuS} s`],
    ['cold build: peak RSS (tree)', (r) => mib(r.builds.cold.peakRssBytes)],
    ['cold build: image encodes', (r) => String(r.builds.cold.encodes)],
    ['no-change rebuild: wall / CPU', (r) => `${r.builds.warm.wallS} s / ${r.builds.warm.cpuS} s`],
    ['no-change rebuild: peak RSS', (r) => mib(r.builds.warm.peakRssBytes)],
    ['no-change rebuild: image encodes', (r) => String(r.builds.warm.encodes)],
    ['one notice edited: wall / CPU', (r) => `${r.builds.edit.wallS} s / ${r.builds.edit.cpuS} s`],
    ['one notice edited: peak RSS / encodes', (r) => `${mib(r.builds.edit.peakRssBytes)} / ${r.builds.edit.encodes}`],
    ['pages (HTML files) / notice pages', (r) => `${r.dist.htmlPages.toLocaleString('en')} / ${r.dist.noticePages.toLocaleString('en')}`],
    ['dist size', (r) => mib(r.dist.bytes)],
    ['search index (chunks, filters, fragments)', (r) => mib(r.dist.searchIndexBytes)],
    [
      'first search, rare word: bytes (requests)',
      (r) =>
        r.search
          ? `${kb(r.search.rare.bytesWithoutImages)} (${r.search.rare.requests}) + ${kb(r.search.rare.byKind.images ?? 0)} thumbnails`
          : 'not measured',
    ],
    [
      'first search, common word: bytes (requests)',
      (r) =>
        r.search
          ? `${kb(r.search.common.bytesWithoutImages)} (${r.search.common.requests}) + ${kb(r.search.common.byKind.images ?? 0)} thumbnails`
          : 'not measured',
    ],
    [
      'notice page: HTML / CSS gzipped (raw)',
      (r) =>
        `${kb(r.pageWeight.notice.html.gzip)} / ${kb(r.pageWeight.notice.css.gzip)} (${kb(r.pageWeight.notice.html.raw)} / ${kb(r.pageWeight.notice.css.raw)})`,
    ],
    ['notice page: scripts', (r) => String(r.pageWeight.notice.scripts)],
    [
      'slow link (256 kbit/s, 800 ms, cold): notice page readable',
      (r) => slowFigure(r.slowLink?.notice?.readableMs, r.slowLink?.notice?.runsMs),
    ],
    ['slow link: first search result shown (after typing)', (r) => slowSearch(r.slowLink?.search)],
    [
      'home page: HTML / CSS gzipped (raw)',
      (r) =>
        `${kb(r.pageWeight.home.html.gzip)} / ${kb(r.pageWeight.home.css.gzip)} (${kb(r.pageWeight.home.html.raw)} / ${kb(r.pageWeight.home.css.raw)})`,
    ],
    ['load average before / after builds', (r) => `${r.loadBefore.join(' ')} / ${r.loadAfterBuilds.join(' ')}`],
  ];
  const runs = result.runs;
  const peer = peerMarkdown(result);
  const languages = languagesMarkdown(result);
  const lines = [
    `Benchmark ${result.label ? `"${result.label}" ` : ''}${result.date} — ${result.machine.cores} × ${result.machine.cpuModel}, ${mib(result.machine.memoryBytes)} RAM, Node ${result.machine.node}, commit ${result.machine.commit || '?'}, audience ${runs[0]?.audience ?? '?'}`,
    '',
    `| figure | ${runs.map((r) => `${r.notices.toLocaleString('en')} notices`).join(' | ')} |`,
    `|---|${runs.map(() => '---').join('|')}|`,
    ...rows.map(([label, f]) => `| ${label} | ${runs.map(f).join(' | ')} |`),
    '',
    ...(peer ? [peer] : []),
    ...(languages ? [languages] : []),
    '| target | value | limit | met |',
    '|---|---|---|---|',
    ...result.targets.map((t) => `| ${t.target} | ${t.value} | ${t.limit} | ${t.met === null ? 'n/a' : t.met ? 'yes' : '**no**'} |`),
    '',
  ];
  return lines.join('\n');
}

/** Side-by-side comparison of two result files (same sizes matched by notice count). */
export function compare(a, b) {
  /** @type {Array<[string, (run: any) => number]>} */
  const figures = [
    ['cold wall s', (r) => r.builds.cold.wallS],
    ['cold CPU s', (r) => r.builds.cold.cpuS],
    ['cold peak MiB', (r) => r.builds.cold.peakRssBytes / 2 ** 20],
    ['cold encodes', (r) => r.builds.cold.encodes],
    ['warm wall s', (r) => r.builds.warm.wallS],
    ['warm encodes', (r) => r.builds.warm.encodes],
    ['edit wall s', (r) => r.builds.edit.wallS],
    ['dist MiB', (r) => r.dist.bytes / 2 ** 20],
    ['search index MiB', (r) => r.dist.searchIndexBytes / 2 ** 20],
    ['search rare kB', (r) => (r.search ? r.search.rare.bytesWithoutImages / 1024 : NaN)],
    ['search common kB', (r) => (r.search ? r.search.common.bytesWithoutImages / 1024 : NaN)],
    ['notice HTML+CSS gz kB', (r) => r.pageWeight.notice.htmlCssGzip / 1024],
  ];
  const out = [`| notices | figure | ${a.label || a.date} | ${b.label || b.date} | change |`, '|---|---|---|---|---|'];
  for (const ra of a.runs) {
    const rb = b.runs.find((r) => r.notices === ra.notices && r.images === ra.images) ?? b.runs.find((r) => r.notices === ra.notices);
    if (!rb) continue;
    for (const [label, f] of figures) {
      const va = f(ra);
      const vb = f(rb);
      const change = Number.isFinite(va) && Number.isFinite(vb) && va !== 0 ? `${(((vb - va) / va) * 100).toFixed(0)}%` : '';
      out.push(`| ${ra.notices.toLocaleString('en')} | ${label} | ${round(va, 1)} | ${round(vb, 1)} | ${change} |`);
    }
  }
  if (out.length === 2) {
    const sizes = (r) => r.runs.map((x) => x.notices.toLocaleString('en')).join(', ');
    return `The two results share no corpus size (${sizes(a)} against ${sizes(b)}): nothing to compare.`;
  }
  return out.join('\n');
}
