/**
 * A benchmark run: for each corpus size, Modus's cold, no-change and one-edit builds, the figures of
 * the built site, and the first search (in each language), alternated step by step with the peer's when
 * one is asked for (scripts/bench/peer-run.mjs) and with the languages' baseline's (Modus before the
 * languages, scripts/bench/baseline.mjs); the result written as JSON and Markdown.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { distFigures, pageWeight } from './dist.mjs';
import { CACHE_DIR, DIST_CHECK_CACHE_DIR, ROOT, SETTINGS_CACHES_DIR, clearCaches, editFile, measuredBuild } from './modus-build.mjs';
import { round } from './process.mjs';
import { markdown } from './report.mjs';
import { peerRatios } from './peer-ratios.mjs';
import { peerSide } from './peer-run.mjs';
import { baselineSide } from './baseline.mjs';
import { languageCost } from './language-cost.mjs';
import { measureSearch, modusSearchUi, modusSearchUiIn, serve } from './search.mjs';
import { MODUS_NOTICE_READABLE, SLOW_LINK_RUNS, measureSlowLink, modusSlowSearchUi } from './slow-link.mjs';
import { ensureCorpus, machine } from './setup.mjs';
import { evaluateTargets } from './targets.mjs';

/**
 * Modus's side of a run: build(kind) runs `npm run build` on the corpus ("cold" clears Astro's caches
 * first) and records its figures in `run.builds`; edit() edits the corpus's edit target and returns
 * a function that restores it; measureDist() and serve() work on the built site.
 */
function modusSide(run, { contentDir, outDir, manifest, logDir, name, audience }, log) {
  return {
    async build(kind) {
      // A rebuild keeps the out folder, as an editor's `npm run build` does (scripts/build.mjs).
      if (kind === 'cold') {
        clearCaches();
        fs.rmSync(outDir, { recursive: true, force: true });
      }
      const r = await measuredBuild({
        contentDir,
        outDir,
        env: { MODUS_AUDIENCE: audience },
        logFile: path.join(logDir, `${name}.${kind}.log`),
        expectImages: manifest.images > 0,
      });
      log(
        `   ${kind.padEnd(5)} ${r.ok ? 'ok ' : 'FAILED'} ${r.wallS.toFixed(1)} s wall, ${r.cpuS.toFixed(1)} s CPU, peak ${(r.peakRssBytes / 2 ** 20).toFixed(0)} MiB, ${r.encodes} image encodes, ${r.cacheHits} cache hits`,
      );
      if (!r.ok) throw new Error(`${kind} build of ${name} failed (exit ${r.exitCode}); see ${r.log}`);
      run.builds[kind] = r;
    },
    edit: () => editFile(path.join(contentDir, manifest.editTarget)),
    measureDist() {
      run.dist = distFigures(outDir);
      const noticeSlug = path.dirname(manifest.editTarget).split('/').pop();
      run.pageWeight = { notice: pageWeight(outDir, `notices/${noticeSlug}`), home: pageWeight(outDir, '') };
    },
    serve: () => serve(outDir),
    searchUi: modusSearchUi,
    slowLinkUi: { readable: MODUS_NOTICE_READABLE, search: modusSlowSearchUi('en') },
  };
}

const kB = (b) => `${(b / 1024).toFixed(1)} kB`;

/**
 * Runs every figure for one corpus size (`opts.notices`): Modus's cold, no-change and one-edit builds,
 * dist figures (per language too), first search of a rare and a common word (at /search/, then in each
 * other language's search page with that language's words), then on a slow link (scripts/bench/slow-link.mjs: the
 * edited notice's page readable and a first search, `opts.slowLinkRuns` times; not with `opts.slowLink` false). With `opts.peer` (e.g. "starlight") the peer
 * builds the same corpus in the same run, each of its steps right after Modus's (Modus cold, peer cold,
 * Modus no-change, peer no-change, …), and its figures and the ratios go under `peer` and `ratios`. With
 * `opts.baseline` (a commit before the languages) that commit builds the corpus in English only, each step
 * after the others', and its figures and what the added languages cost go under `baseline` and `languageCost`.
 * Returns the run's figures; throws when a build fails.
 */
export async function benchSize(opts, log = console.log) {
  const size = opts.imageSize ?? '1600x1200';
  const name = `n${opts.notices}-i${opts.images}-s${opts.seed}${size === '1600x1200' ? '' : `-${size}`}`;
  const contentDir = path.join(opts.corpusRoot, name);
  const outDir = path.join(opts.corpusRoot, `${name}.dist`);
  const logDir = path.join(opts.corpusRoot, 'logs');
  fs.mkdirSync(logDir, { recursive: true });
  log(`\n== ${opts.notices} notices, ${opts.images} image(s) each: corpus ${path.relative(ROOT, contentDir)}`);
  const { manifest, generatedS } = await ensureCorpus(contentDir, opts);
  const run = {
    notices: opts.notices,
    images: manifest.images,
    imageSize: manifest.imageSize,
    imagesPerNotice: manifest.imagesPerNotice,
    courses: manifest.courses,
    audience: opts.audience,
    corpusGeneratedS: generatedS,
    languages: manifest.languages,
    loadBefore: os.loadavg().map((x) => round(x, 2)),
    builds: {},
    /** Set with the languages' baseline: what the added languages cost (language-cost.mjs). */
    languageCost: undefined,
  };
  const where = { contentDir, outDir, manifest, logDir, name, audience: opts.audience };
  const modus = modusSide(run, where, log);
  const peer = opts.peer ? await peerSide(opts, where, log) : undefined;
  if (peer) run.peer = peer.figures;
  const baseline = opts.baseline ? baselineSide(opts, where, log) : undefined;
  if (baseline) run.baseline = baseline.figures;
  const sides = [modus, peer, baseline].filter((side) => side !== undefined);
  const searched = sides.filter((side) => side.searchUi);
  for (const kind of ['cold', 'warm', 'edit']) {
    for (const side of sides) {
      const restore = kind === 'edit' ? side.edit() : () => {};
      try {
        await side.build(kind);
      } finally {
        restore();
      }
    }
  }
  run.loadAfterBuilds = os.loadavg().map((x) => round(x, 2));
  for (const side of sides) side.measureDist();
  if (opts.search) {
    const servers = [];
    try {
      for (const side of searched) servers.push(await side.serve());
      const searches = searched.map((side) => ({ server: 'astro preview (gzip)', ui: side.searchUi.name }));
      for (const w of ['rare', 'common'])
        for (const [i, side] of searched.entries()) searches[i][w] = await measureSearch(servers[i].url, manifest.words[w], side.searchUi);
      run.search = searches[0];
      if (run.peer) run.peer.search = searches[1];
      // Each other language's search page, with that language's words (the corpus's manifest names them);
      // English is `search`.
      const others = Object.keys(run.dist.byLanguage).filter((l) => l !== 'en' && manifest.languages?.words[l]);
      if (others.length) run.searchByLanguage = {};
      for (const lang of others) {
        const ui = modusSearchUiIn(lang);
        const words = manifest.languages.words[lang];
        run.searchByLanguage[lang] = { server: 'astro preview (gzip)', ui: ui.name };
        for (const w of ['rare', 'common']) run.searchByLanguage[lang][w] = await measureSearch(servers[0].url, words[w], ui);
      }
      // On a slow link: the edited notice's page and a first search of the common word, each site in turn.
      if (opts.slowLink !== false) {
        const noticePath = `/notices/${path.basename(path.dirname(manifest.editTarget))}/`;
        const sites = searched.map((side, i) => ({
          url: servers[i].url,
          noticePath,
          readable: side.slowLinkUi.readable,
          searchUi: side.slowLinkUi.search,
          word: manifest.words.common,
        }));
        const slow = await measureSlowLink(sites, { runs: opts.slowLinkRuns ?? SLOW_LINK_RUNS });
        run.slowLink = slow[0];
        if (run.peer) run.peer.slowLink = slow[1];
      }
    } finally {
      for (const s of servers) await s.stop();
    }
    log(
      `   search (without result thumbnails): "${run.search.rare.word}" ${kB(run.search.rare.bytesWithoutImages)}, "${run.search.common.word}" ${kB(run.search.common.bytesWithoutImages)}` +
        (run.peer
          ? `; ${run.peer.name}: ${kB(run.peer.search.rare.bytesWithoutImages)}, ${kB(run.peer.search.common.bytesWithoutImages)}`
          : ''),
    );
    if (run.slowLink)
      log(
        `   slow link: notice page readable ${(run.slowLink.notice.readableMs / 1000).toFixed(2)} s, first search result ${(run.slowLink.search.firstResultMs / 1000).toFixed(2)} s` +
          (run.peer?.slowLink
            ? `; ${run.peer.name}: ${(run.peer.slowLink.notice.readableMs / 1000).toFixed(2)} s, ${(run.peer.slowLink.search.firstResultMs / 1000).toFixed(2)} s`
            : ''),
      );
  }
  if (run.searchByLanguage)
    log(
      `   search per language (rare / common): ${Object.entries({ en: run.search, ...run.searchByLanguage })
        .map(([l, s]) => `${l} ${kB(s.rare.bytesWithoutImages)} / ${kB(s.common.bytesWithoutImages)}`)
        .join(', ')}`,
    );
  if (run.peer) run.ratios = peerRatios(run);
  if (run.baseline) run.languageCost = languageCost(run);
  if (!opts.keepDist) {
    fs.rmSync(outDir, { recursive: true, force: true });
    if (run.peer) fs.rmSync(path.join(run.peer.dir, 'dist'), { recursive: true, force: true });
    if (baseline) fs.rmSync(baseline.outDir, { recursive: true, force: true });
  }
  return run;
}

/**
 * Runs the benchmark over `opts.sizes`. Returns the result object (also written to `opts.out` and, as
 * Markdown, next to it). The project's own caches are put aside for the run and back afterwards.
 */
export async function bench(opts, log = console.log) {
  const result = { label: opts.label ?? '', date: new Date().toISOString(), machine: machine(ROOT), options: { ...opts }, runs: [] };
  // Cold builds empty the caches: the project's own (Astro's encoded images and content store, the dist
  // check's results) are put aside for the run and back afterwards, so benchmarking never costs the next
  // real build its caches.
  const caches = [CACHE_DIR, DIST_CHECK_CACHE_DIR, SETTINGS_CACHES_DIR];
  for (const dir of caches) {
    fs.rmSync(`${dir}.before-bench`, { recursive: true, force: true });
    if (fs.existsSync(dir)) fs.renameSync(dir, `${dir}.before-bench`);
  }
  try {
    for (const notices of opts.sizes) {
      result.runs.push(await benchSize({ ...opts, notices }, log));
    }
  } finally {
    for (const dir of caches) {
      fs.rmSync(dir, { recursive: true, force: true });
      if (fs.existsSync(`${dir}.before-bench`)) fs.renameSync(`${dir}.before-bench`, dir);
    }
  }
  result.targets = evaluateTargets(result);
  fs.mkdirSync(path.dirname(opts.out), { recursive: true });
  fs.writeFileSync(opts.out, JSON.stringify(result, null, 2) + '\n');
  const md = markdown(result);
  fs.writeFileSync(opts.out.replace(/\.json$/, '') + '.md', md);
  log(`\n${md}\nresult: ${path.relative(ROOT, opts.out)} (+ .md)`);
  return result;
}
