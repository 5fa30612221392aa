/**
 * The languages' part of the benchmark's report: per corpus size, the pages, search files and first search
 * of each language, and, with the languages' baseline (`--languages-baseline`), what the added languages
 * cost in build time, memory, pages and search bytes against the same corpus built in English only.
 */
import { languageCost } from './language-cost.mjs';

const NAMES = { en: 'English', fr: 'French', es: 'Spanish', ar: 'Arabic' };
const mib = (b) => `${(b / 2 ** 20).toFixed(1)} MiB`;
const kb = (b) => `${(b / 1024).toFixed(1)} kB`;
const n = (x) => x.toLocaleString('en');
const sign = (x, f) => `${x >= 0 ? '+' : '−'}${f(Math.abs(x))}`;

/** The table of each language of one run: what the corpus holds in it, its pages, search files, first search. */
function perLanguage(r) {
  const by = r.dist.byLanguage;
  const langs = Object.keys(by);
  const l = r.languages;
  const search = (lang) => (lang === 'en' ? r.search : r.searchByLanguage?.[lang]);
  const first = (w) => (lang) => {
    const s = search(lang)?.[w];
    if (!s) return 'not measured';
    const fonts = s.byKind.fonts ? `, fonts ${kb(s.byKind.fonts)}` : '';
    return `"${s.word}" ${kb(s.bytesWithoutImages)} (${s.requests} requests${fonts}; ${s.summary || `${s.results} results`})`;
  };
  const total = (f) => langs.reduce((t, lang) => t + f(by[lang]), 0);
  /** @type {Array<[string, (lang: string) => string, string]>} */
  const rows = [
    [
      'notices written in it / translated into it / courses translated into it',
      (lang) =>
        l ? `${n(l.originalsByLanguage[lang] ?? 0)} / ${n(l.noticeTranslations[lang] ?? 0)} / ${n(l.courseTranslations[lang] ?? 0)}` : '?',
      l
        ? `${n(r.notices)} / ${n(Object.values(l.noticeTranslations).reduce((a, b) => a + b, 0))} / ${n(Object.values(l.courseTranslations).reduce((a, b) => a + b, 0))}`
        : '',
    ],
    ['pages (HTML files)', (lang) => n(by[lang].htmlPages), n(r.dist.htmlPages)],
    [
      'notice pages / pages in its search index',
      (lang) => `${n(by[lang].noticePages)} / ${n(by[lang].searchPages)}`,
      `${n(total((x) => x.noticePages))} / ${n(total((x) => x.searchPages))}`,
    ],
    [
      'search files: metadata / index chunks / filter chunks / fragments',
      (lang) => ['meta', 'index', 'filter', 'fragment'].map((k) => kb(by[lang].byKind[k])).join(' / '),
      '',
    ],
    [
      'search index (those files)',
      (lang) => `${mib(by[lang].searchBytes)} (${n(by[lang].searchFiles)} files)`,
      mib(r.dist.searchIndexBytes),
    ],
    ["Pagefind's WebAssembly for the language", (lang) => kb(by[lang].byKind.wasm), ''],
    ['first search, rare word: bytes without result thumbnails', first('rare'), ''],
    ['first search, common word: bytes without result thumbnails', first('common'), ''],
  ];
  const shares = l
    ? ` (each notice and course translated into each other language with a chance of ${l.translated}; ${l.originals} of the notices written in each of French, Spanish and Arabic; ${n(l.staleNoticeTranslations)} notice translations older than their original's update)`
    : '';
  return [
    `### ${n(r.notices)} notices: each language`,
    '',
    `The corpus${shares}; pages and search files of the four-language build; first search on each language's search page with that language's words.`,
    '',
    `| figure | ${langs.map((x) => NAMES[x] ?? x).join(' | ')} | all |`,
    `|---|${langs.map(() => '---').join('|')}|---|`,
    ...rows.map(([label, f, all]) => `| ${label} | ${langs.map(f).join(' | ')} | ${all} |`),
    '',
  ].join('\n');
}

/** The table of what the added languages cost in one run with the baseline. */
function costTable(r) {
  const c = r.languageCost ?? languageCost(r);
  const b = r.baseline;
  const k = c.languages;
  const s = (x) => `${x.toFixed(1)} s`;
  const row = (label, e, f) =>
    e
      ? `| ${label} | ${f(e.all)} | ${f(e.one)} | ${sign(e.added, f)} | ${e.perLanguage === null ? 'n/a' : sign(e.perLanguage, f)} | ${e.ratio ?? 'n/a'} |`
      : `| ${label} | not measured | | | | |`;
  const lines = [
    `### ${n(r.notices)} notices: what the ${k} added languages cost`,
    '',
    `This checkout builds every language; the commit before the languages, ${b.commit.slice(0, 7)} ("${b.subject.length > 72 ? `${b.subject.slice(0, 70)}…` : b.subject}"), builds the same corpus in English only ` +
      `(its copy without the ${n(b.copied.translationsLeftOut)} translation files, \`language:\` removed from ${n(b.copied.languageLines)} originals), ` +
      `from ${b.dir}, measured the same way and alternated with the other builds. "Per added language" is the difference ÷ ${k}.`,
    '',
    `| figure | all languages | English only (${b.commit.slice(0, 7)}) | added | per added language | ratio |`,
    '|---|---|---|---|---|---|',
    row('cold build: wall', c.builds.cold.wallS, s),
    row('cold build: CPU', c.builds.cold.cpuS, s),
    row('no-change rebuild: wall', c.builds.warm.wallS, s),
    row('one notice edited: wall', c.builds.edit.wallS, s),
    row('one notice edited: CPU', c.builds.edit.cpuS, s),
    row('peak memory of the tree: cold', c.builds.cold.peakRssBytes, mib),
    row('peak memory: one notice edited', c.builds.edit.peakRssBytes, mib),
    row('peak memory: largest of the three', c.peakRssBytes, mib),
    row('pages (HTML files)', c.htmlPages, n),
    row('search index (chunks, filters, fragments, metadata)', c.searchIndexBytes, mib),
    row('Pagefind, all files', c.pagefindBytes, mib),
    row('dist size', c.distBytes, mib),
    '',
  ];
  // A no-change rebuild that found an input changed (e.g. the ctime of a hard-linked file in node_modules,
  // moved by another checkout's `cp -al`) rebuilt every page's key: said, so it is not read as a no-change figure.
  const rebuilt = [
    ['all languages', r.builds.warm],
    ['English only', b.builds.warm],
  ].filter(([, w]) => w && !w.nothingToDo);
  if (rebuilt.length)
    lines.push(
      `The no-change rebuild of ${rebuilt.map(([name]) => name).join(' and ')} found an input changed and rebuilt (keeping the out folder): its time is not that of a build with nothing to do.`,
      '',
    );
  if (r.peer?.builds?.cold)
    lines.push(
      `For scale, ${r.peer.name === 'starlight' ? 'Starlight' : r.peer.name} (one language) on the same notices in the same run: cold ${s(r.peer.builds.cold.wallS)}, one notice edited ${s(r.peer.builds.edit.wallS)}, ` +
        `peak ${mib(Math.max(r.peer.builds.cold.peakRssBytes, r.peer.builds.warm.peakRssBytes, r.peer.builds.edit.peakRssBytes))} (the side-by-side table above).`,
      '',
    );
  return lines.join('\n');
}

/** The languages' section of a result's report, or '' when no run of it has pages in more than one language. */
export function languagesMarkdown(result) {
  const runs = result.runs.filter((r) => r.dist?.byLanguage && Object.keys(r.dist.byLanguage).length > 1);
  if (runs.length === 0) return '';
  const unmeasured =
    'What the added languages cost in build time and memory was not measured in this run: `--languages-baseline <commit>` builds the same corpus in English only with a commit before the languages.\n';
  return ['## Languages', '', ...runs.flatMap((r) => [perLanguage(r), r.baseline?.builds?.cold ? costTable(r) : unmeasured])].join('\n');
}
