#!/usr/bin/env node
/**
 * Benchmark of Modus at scale: build time, CPU, memory, image encodes, dist and search-index size,
 * bytes a browser downloads for a first search, and page weight. Numbers go into a report, never into
 * a test's pass/fail (the smoke mode checks only that every figure is there and plausible).
 *
 *   npm run bench -- --notices 1000,5000 [--images 1] [--seed 7]
 *   npm run bench -- --smoke                      (50 notices, 1 image: quick check, used by npm test)
 *   npm run bench -- --compare a.json b.json       (two result files side by side)
 *   npm run bench -- --report a.json               (a result file as Markdown, targets evaluated again)
 *
 * For each size: generate (or reuse) a corpus in `.corpus/`, then
 *   1. cold build (Astro's cache and content store removed),
 *   2. warm rebuild with no change,
 *   3. rebuild after editing one notice's body,
 * each with wall time, CPU time (user+sys of the whole process tree), peak RSS of the whole process tree
 * (sum over the tree, polled every 200 ms), and image encodes (the images integration's summary line,
 * and files added to its cache `.cache/astro/modus-images/`). Then dist size, pages, search-index size;
 * the site is served with the project's preview server (`astro preview`, gzip) and Chromium opens `/search/?q=<word>` for a rare and a common
 * word with a fresh profile, through a proxy that counts the bytes the server sends (page and Pagefind's
 * web worker alike; Chromium's per-request sizes give the split by kind). Page weight: a notice page and the home page, HTML+CSS+JS raw and gzipped.
 * On an emulated slow link (256 kbit/s, 800 ms, cold cache: scripts/bench/slow-link.mjs), the time until the edited
 * notice's page is readable and until the first search result shows, for Modus and the peer.
 *
 * Output: `bench-results/<stamp>.json` and `.md` (or --out FILE.json). Options: --audience (default
 * organisation, so every generated marking up to AMBER+STRICT is built), --corpus-root (default
 * .corpus), --keep-dist, --no-search (skip the browser), --label TEXT.
 *
 *   npm run bench -- --notices 1000 --image-size 64x48 --peer starlight [--peer-dir DIR]
 * builds the same corpus with a peer in the same run (Starlight: scripts/bench/peer-starlight.mjs, its
 * project in DIR, by default under the system's temporary folder), alternating Modus's and the peer's
 * builds, and reports every figure of both with the ratio Modus ÷ peer.
 *   npm run bench -- --search-dist DIR [--words harmonium,container]   (search bytes of a built dist only)
 *   npm run bench -- --slow-link-dist DIR --notice-path /notices/<slug>/ [--words container] [--slow-link-runs 3]
 * (a built dist on a slow link only: scripts/bench/slow-link.mjs). Every run measures the slow link after the
 * first search (--slow-link-runs N, default 3; --no-slow-link to leave it out).
 *
 * Languages: the corpus holds translations and originals in French, Spanish and Arabic (--translated SHARE,
 * default 0.3; --originals SHARE, default 0.05: scripts/corpus.mjs); the report gives each language's pages,
 * search files and first search.
 *   npm run bench -- --notices 1000 --peer starlight --languages-baseline 9c72d76 [--baseline-dir DIR]
 * also builds the same corpus in English only with a commit before the languages (scripts/bench/baseline.mjs,
 * its checkout in DIR, by default under the system's temporary folder), alternated with the other builds,
 * and reports what the added languages cost in build time, memory, pages and search bytes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { ROOT } from './bench/modus-build.mjs';
import { compare, markdown } from './bench/report.mjs';
import { PEERS } from './bench/peer-run.mjs';
import { bench } from './bench/run.mjs';
import { measureSearch, serve } from './bench/search.mjs';
import { evaluateTargets, slowLinkTargets } from './bench/targets.mjs';
import { MODUS_NOTICE_READABLE, SLOW_LINK_RUNS, measureSlowLink, modusSlowSearchUi } from './bench/slow-link.mjs';

// The benchmark's parts, one job each (scripts/bench/): process.mjs (time, CPU and peak memory of a
// process tree), modus-build.mjs (Modus's build and cold caches), dist.mjs (dist/ and page figures),
// search.mjs (first search on the wire), setup.mjs (corpus, machine), targets.mjs, report.mjs, run.mjs;
// the peer: peer-starlight.mjs (its project, the corpus converted, its build and search UI), peer-run.mjs
// (its side of a run), peer-ratios.mjs and peer-report.mjs (Modus ÷ peer).
export { ROOT, bench, compare, evaluateTargets, markdown };
export { benchSize } from './bench/run.mjs';
export { measuredBuild } from './bench/modus-build.mjs';
export { distFigures, pageWeight } from './bench/dist.mjs';
export { measureSearch } from './bench/search.mjs';
export { languageCost } from './bench/language-cost.mjs';
export { TARGETS, slowLinkTargets } from './bench/targets.mjs';
export { measureSlowLink, slowPageVisit, slowSearch, SLOW_LINK } from './bench/slow-link.mjs';

const kb = (b) => `${(b / 1024).toFixed(1)} kB`;

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      notices: { type: 'string', default: '1000,5000' },
      images: { type: 'string', default: '1' },
      'image-size': { type: 'string', default: '1600x1200' },
      seed: { type: 'string', default: '7' },
      audience: { type: 'string', default: 'organisation' },
      'corpus-root': { type: 'string', default: path.join(ROOT, '.corpus') },
      out: { type: 'string' },
      label: { type: 'string' },
      smoke: { type: 'boolean', default: false },
      'keep-dist': { type: 'boolean', default: false },
      peer: { type: 'string' },
      'peer-dir': { type: 'string' },
      'languages-baseline': { type: 'string' },
      'baseline-dir': { type: 'string' },
      translated: { type: 'string' },
      originals: { type: 'string' },
      'no-search': { type: 'boolean', default: false },
      'no-slow-link': { type: 'boolean', default: false },
      'slow-link-runs': { type: 'string', default: String(SLOW_LINK_RUNS) },
      'slow-link-dist': { type: 'string' },
      'notice-path': { type: 'string' },
      compare: { type: 'boolean', default: false },
      'search-dist': { type: 'string' },
      report: { type: 'string' },
      words: { type: 'string', default: 'harmonium,container' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(
      'Usage: npm run bench -- --notices 1000,5000 [--images 1] [--seed 7] [--out FILE.json] [--label TEXT] [--smoke] [--no-search] [--no-slow-link] [--slow-link-runs 3] [--keep-dist] [--peer starlight [--peer-dir DIR]] [--languages-baseline COMMIT [--baseline-dir DIR]] [--translated 0.3] [--originals 0.05]\n       npm run bench -- --compare a.json b.json\n       npm run bench -- --report a.json\n       npm run bench -- --slow-link-dist DIR --notice-path /notices/<slug>/ [--words container]',
    );
    return;
  }
  if (values.compare) {
    if (positionals.length !== 2) throw new Error('--compare needs two result files: --compare a.json b.json');
    const [a, b] = positionals.map((f) => JSON.parse(fs.readFileSync(f, 'utf8')));
    console.log(compare(a, b));
    return;
  }
  if (values.report) {
    // Re-renders a result file's Markdown with the current target evaluation.
    const result = JSON.parse(fs.readFileSync(values.report, 'utf8'));
    result.targets = evaluateTargets(result);
    console.log(markdown(result));
    return;
  }
  if (values['search-dist']) {
    const server = await serve(path.resolve(values['search-dist']));
    try {
      for (const w of values.words.split(',')) {
        const r = await measureSearch(server.url, w);
        console.log(
          `${w}: ${kb(r.bytesWithoutImages)} without result thumbnails (the figure in the tables), ${kb(r.totalBytes)} with them, ${r.requests} requests, ${r.summary}`,
        );
        console.log(
          Object.entries(r.byKind)
            .map(([k, v]) => `  ${k} ${kb(v)}`)
            .join('\n'),
        );
      }
    } finally {
      await server.stop();
    }
    return;
  }
  const slowLinkRuns = Number(values['slow-link-runs']);
  if (!Number.isInteger(slowLinkRuns) || slowLinkRuns < 1)
    throw new Error(`--slow-link-runs expects a whole number of runs such as 3, got "${values['slow-link-runs']}"`);
  if (values['slow-link-dist']) {
    // A built site on the slow link only: a notice page readable and a first search (the first word of --words).
    if (!values['notice-path']) throw new Error('--slow-link-dist needs --notice-path (a notice page, e.g. /notices/<slug>/)');
    const server = await serve(path.resolve(values['slow-link-dist']));
    try {
      const word = values.words.split(',')[0];
      const [r] = await measureSlowLink(
        [{ url: server.url, noticePath: values['notice-path'], readable: MODUS_NOTICE_READABLE, searchUi: modusSlowSearchUi('en'), word }],
        { runs: slowLinkRuns },
      );
      console.log(JSON.stringify(r, null, 2));
      for (const t of slowLinkTargets(r, 'site')) console.log(`${t.target}: ${t.value} (${t.limit}) ${t.met ? 'met' : 'NOT MET'}`);
    } finally {
      await server.stop();
    }
    return;
  }
  const sizes = (values.smoke ? '50' : values.notices).split(',').map((s) => {
    const n = Number(s.trim());
    if (!Number.isInteger(n) || n < 1) throw new Error(`--notices expects sizes such as 1000,5000, got "${s}"`);
    return n;
  });
  if (!/^\d+x\d+$/.test(values['image-size']))
    throw new Error(`--image-size expects WIDTHxHEIGHT such as 1600x1200, got "${values['image-size']}"`);
  if (!/^[1-3](-[1-3])?$/.test(values.images)) throw new Error(`--images expects 1, 2, 3 or a range such as 1-3, got "${values.images}"`);
  if (values.peer !== undefined && !PEERS.includes(values.peer))
    throw new Error(`--peer expects one of ${PEERS.join(', ')}, got "${values.peer}"`);
  if (values['peer-dir'] && values.peer === undefined) throw new Error('--peer-dir needs --peer (e.g. --peer starlight)');
  if (values['baseline-dir'] && values['languages-baseline'] === undefined)
    throw new Error('--baseline-dir needs --languages-baseline (a commit before the languages, e.g. --languages-baseline 9c72d76)');
  const share = (name, max) => {
    const v = values[name];
    if (v === undefined) return undefined;
    const x = Number(v);
    if (v.trim() === '' || !(x >= 0 && x <= max)) throw new Error(`--${name} must be a share from 0 to ${max}, got "${v}"`);
    return x;
  };
  const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
  await bench({
    sizes,
    images: values.images,
    imageSize: values['image-size'],
    seed: Number(values.seed),
    audience: values.audience,
    corpusRoot: path.resolve(values['corpus-root']),
    out: path.resolve(values.out ?? path.join(ROOT, 'bench-results', `${values.smoke ? 'smoke-' : ''}${stamp}.json`)),
    label: values.label ?? (values.smoke ? 'smoke' : ''),
    keepDist: values['keep-dist'],
    search: !values['no-search'],
    slowLink: !values['no-slow-link'],
    slowLinkRuns,
    peer: values.peer,
    peerDir: values['peer-dir'] ? path.resolve(values['peer-dir']) : undefined,
    baseline: values['languages-baseline'],
    baselineDir: values['baseline-dir'] ? path.resolve(values['baseline-dir']) : undefined,
    translated: share('translated', 1),
    originals: share('originals', 0.33),
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((err) => {
    console.error(`bench: ${err.message}`);
    process.exit(1);
  });
}
