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
 *
 * Output: `bench-results/<stamp>.json` and `.md` (or --out FILE.json). Options: --audience (default
 * organisation, so every generated marking up to AMBER+STRICT is built), --corpus-root (default
 * .corpus), --keep-dist, --no-search (skip the browser), --label TEXT.
 *   npm run bench -- --search-dist DIR [--words harmonium,container]   (search bytes of a built dist only)
 */
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import pidtree from 'pidtree';
import pidusage from 'pidusage';
import { generateCorpus } from './corpus.mjs';
import { isRedirectHtml, isSearchablePath } from '../src/search/searchable.ts';

export const ROOT = path.resolve(import.meta.dirname, '..');
const BUILD = path.join(ROOT, 'scripts/build.mjs');
const CACHE_DIR = path.join(ROOT, '.cache/astro');
/** The image cache of the images integration (src/integrations/images.ts): one file per encoded variant. */
const IMAGE_CACHE = path.join(CACHE_DIR, 'modus-images');
/**
 * The one summary line the images integration logs after `astro build` (src/integrations/images.ts):
 * "[modus-images] <N> image variants encoded, <M> reused from the cache; <K> files for <I> images in _img/".
 */
const IMAGES_SUMMARY = /\[modus-images\] (\d+) image variants encoded, (\d+) reused from the cache; (\d+) files for (\d+) images in _img\//;
const CLK_TCK = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
  } catch {
    return 100;
  }
})();

/** The performance targets each result is judged against (docs/performance.md). */
export const TARGETS = {
  linearRatio5000to1000: 5.5,
  warmShareOfCold: 0.2,
  peakRssBytes10000: 2 * 1024 ** 3,
  firstSearchBytes: 150 * 1024,
  noticePageGzipBytes: 30 * 1024,
  /** A comparable Astro documentation framework, 1,000 notices, same kind of machine. */
  reference: { coldWithImagesS: 190, warmWithImagesS: 42, coldNoImagesS: 52, warmNoImagesS: 52, peakRssBytes: 1.3 * 1024 ** 3 },
};

/** CPU time (user+sys, seconds) of this process's reaped children, from /proc/self/stat (cutime+cstime). */
function childrenCpuSeconds() {
  const stat = fs.readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // After "pid (comm) ": state is field 3 → index 0; cutime is field 16 → index 13, cstime 17 → 14.
  return (Number(fields[13]) + Number(fields[14])) / CLK_TCK;
}

/** Number of files in a folder (0 when missing). */
function countFiles(dir) {
  try {
    return fs.readdirSync(dir).length;
  } catch {
    return 0;
  }
}

/**
 * Runs `npm run build` (scripts/build.mjs: astro build, search index, dist check) on `contentDir` into `outDir` and measures it. Returns
 * { ok, exitCode, wallS, cpuS, peakRssBytes, encodes, cacheHits, cacheFilesAdded, pages, log }.
 * `encodes` and `cacheHits` come from the images integration's summary line; `expectImages` (the content has
 * images) makes a successful build that printed no such line an error, so a changed log is never counted as 0.
 * Peak RSS is the largest sum of RSS over the process tree seen by polls every 200 ms (pidtree + pidusage;
 * pidtree runs `ps`, so a faster poll would itself cost a noticeable share of a 2-core machine).
 */
export async function measuredBuild({ contentDir, outDir, env = {}, logFile, expectImages = false }) {
  const cacheBefore = countFiles(IMAGE_CACHE);
  const cpu0 = childrenCpuSeconds();
  const t0 = performance.now();
  const child = spawn(process.execPath, [BUILD, '--outDir', outDir], {
    cwd: ROOT,
    env: { ...process.env, MODE: '', NODE_ENV: 'production', FORCE_COLOR: '0', MODUS_CONTENT_DIR: contentDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = fs.createWriteStream(logFile);
  const summaries = [];
  let pages = 0;
  let tail = '';
  const scan = (chunk) => {
    const text = tail + chunk.toString();
    const lines = text.split('\n');
    tail = lines.pop() ?? '';
    for (const raw of lines) {
      // Astro colours parts of its lines even with FORCE_COLOR=0: matched without the colour codes.
      // eslint-disable-next-line no-control-regex
      const line = raw.replace(/\u001b\[[0-9;]*m/g, '');
      // The images integration logs one summary line per build: variants encoded, variants reused.
      const s = IMAGES_SUMMARY.exec(line);
      if (s) summaries.push({ encodes: Number(s[1]), cacheHits: Number(s[2]), line: line.trim() });
      const m = /(\d+) page\(s\) built in/.exec(line);
      if (m) pages = Number(m[1]);
    }
  };
  child.stdout.on('data', (d) => {
    log.write(d);
    scan(d);
  });
  child.stderr.on('data', (d) => {
    log.write(d);
    scan(d);
  });

  let peak = 0;
  let polling = false;
  const poll = async () => {
    if (polling || child.exitCode !== null || child.pid === undefined) return;
    polling = true;
    try {
      const pids = await pidtree(/** @type {number} */ (child.pid), { root: true });
      const usage = await pidusage(pids);
      const sum = Object.values(usage).reduce((s, u) => s + (u?.memory ?? 0), 0);
      if (sum > peak) peak = sum;
    } catch {
      // A process of the tree ended between listing and reading: skip this sample.
    } finally {
      polling = false;
    }
  };
  const timer = setInterval(poll, 200);
  const exitCode = await new Promise((resolve) => child.on('close', (code) => resolve(code ?? 1)));
  clearInterval(timer);
  pidusage.clear();
  const wallS = (performance.now() - t0) / 1000;
  const cpuS = childrenCpuSeconds() - cpu0;
  await new Promise((r) => log.end(r));
  scan('\n');
  const logName = path.relative(ROOT, logFile);
  // A build with images prints exactly one summary line; without it the counts would read as 0.
  if (exitCode === 0 && summaries.length > 1) {
    throw new Error(
      `The build logged ${summaries.length} image summary lines, expected one (${logName}):\n${summaries.map((x) => x.line).join('\n')}`,
    );
  }
  if (exitCode === 0 && summaries.length === 0 && (expectImages || countFiles(path.join(outDir, '_img')) > 0)) {
    throw new Error(
      `The build has images but logged no "[modus-images] … image variants encoded, … reused from the cache" line (${logName}): the image encodes cannot be counted.`,
    );
  }
  const { encodes = 0, cacheHits = 0 } = summaries[0] ?? {};
  return {
    ok: exitCode === 0,
    exitCode,
    wallS: round(wallS, 2),
    cpuS: round(cpuS, 2),
    peakRssBytes: peak,
    encodes,
    cacheHits,
    cacheFilesAdded: countFiles(IMAGE_CACHE) - cacheBefore,
    pagesReported: pages,
    log: logName,
  };
}

function round(x, digits) {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** Every file under `dir` with its size. */
function walk(dir) {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => {
      const abs = path.join(d.parentPath, d.name);
      return { rel: path.relative(dir, abs), bytes: fs.statSync(abs).size };
    });
}

/** Sizes of dist/: total bytes and files, HTML pages, notice pages, search index, images. */
export function distFigures(outDir) {
  const files = walk(outDir);
  const sum = (fs_) => fs_.reduce((s, f) => s + f.bytes, 0);
  const html = files.filter((f) => f.rel.endsWith('.html'));
  // Notice pages: /notices/<slug>/, not the list's pages and not the redirects of former slugs (aliases).
  const noticePages = html.filter(
    (f) =>
      f.rel.startsWith('notices/') &&
      isSearchablePath(f.rel.replace(/index\.html$/, '')) &&
      !isRedirectHtml(fs.readFileSync(path.join(outDir, f.rel), 'utf8')),
  );
  const pagefind = files.filter((f) => f.rel.startsWith('pagefind/'));
  const pagefindIndex = pagefind.filter((f) => /\.(pf_index|pf_meta|pf_filter|pf_fragment)$/.test(f.rel));
  const images = files.filter((f) => /\.(avif|webp|jpe?g|png)$/i.test(f.rel));
  return {
    bytes: sum(files),
    files: files.length,
    htmlPages: html.length,
    noticePages: noticePages.length,
    searchIndexBytes: sum(pagefindIndex),
    searchIndexFiles: pagefindIndex.length,
    pagefindBytes: sum(pagefind),
    imageFiles: images.length,
    imageBytes: sum(images),
    imagesByFormat: Object.fromEntries(
      ['avif', 'webp', 'jpg', 'png'].map((x) => [x, images.filter((f) => f.rel.toLowerCase().endsWith(`.${x}`)).length]),
    ),
  };
}

const gz = (buf) => zlib.gzipSync(buf).length;

/**
 * Weight of one built page: its HTML and the CSS and JS it links, raw and gzipped (images excluded).
 * `scripts` counts every <script> element (inline or not): a content page must have none.
 */
export function pageWeight(outDir, pagePath) {
  const file = path.join(outDir, pagePath, 'index.html');
  const html = fs.readFileSync(file);
  const text = html.toString();
  const hrefs = (re) => [...text.matchAll(re)].map((m) => m[1]).filter((h) => h.startsWith('/'));
  const read = (h) => fs.readFileSync(path.join(outDir, decodeURI(h.split('?')[0])));
  const css = hrefs(/<link[^>]+rel="stylesheet"[^>]*href="([^"]+)"/g).map(read);
  const js = hrefs(/<script[^>]+src="([^"]+)"/g).map(read);
  const scripts = (text.match(/<script\b/g) ?? []).length;
  const total = (bufs) => bufs.reduce((s, b) => s + b.length, 0);
  const totalGz = (bufs) => bufs.reduce((s, b) => s + gz(b), 0);
  return {
    path: `/${pagePath}/`.replace(/\/+/g, '/'),
    html: { raw: html.length, gzip: gz(html) },
    css: { files: css.length, raw: total(css), gzip: totalGz(css) },
    js: { files: js.length, raw: total(js), gzip: totalGz(js) },
    scripts,
    htmlCssGzip: gz(html) + totalGz(css),
  };
}

/** Serves `outDir` with the project's preview server (`astro preview`) on a free port. */
async function serve(outDir) {
  const { preview } = await import('./lib/preview.ts');
  return preview(outDir);
}

/**
 * A TCP proxy in front of `target` (host:port URL) that counts the bytes the server sends to the
 * browser: exactly what went over the wire (headers and compressed bodies), whoever asked for it
 * (page or Pagefind's web worker). Returns { url, bytes(), lastActivity(), close() }.
 */
async function byteCountingProxy(target) {
  const { hostname, port } = new URL(target);
  let bytes = 0;
  let last = Date.now();
  const sockets = new Set();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(port), hostname);
    sockets.add(client).add(upstream);
    upstream.on('data', (d) => {
      bytes += d.length;
      last = Date.now();
    });
    client.on('data', () => {
      last = Date.now();
    });
    client.pipe(upstream).pipe(client);
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    bytes: () => bytes,
    lastActivity: () => last,
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Kind of a request for the breakdown of a search's bytes. */
function requestKind(u) {
  const p = new URL(u).pathname;
  if (p.startsWith('/pagefind/')) {
    if (/\.pf_fragment$/.test(p)) return 'fragments';
    if (/\.pf_index$/.test(p)) return 'index';
    if (/\.pf_filter$/.test(p)) return 'filters';
    if (/\.pf_meta$|entry\.json$/.test(p)) return 'meta';
    if (/wasm/.test(p)) return 'wasm';
    if (/\.css$/.test(p)) return 'css';
    return 'js';
  }
  if (/\.(avif|webp|jpe?g|png|svg)$/.test(p)) return 'images';
  if (/\.css$/.test(p)) return 'css';
  if (/\.js$/.test(p)) return 'js';
  return 'html';
}

/**
 * Opens `/search/?q=<word>` in Chromium (fresh profile, so nothing is cached) through a byte-counting
 * proxy, waits until results are shown and the network has been quiet for 1 s, and returns the bytes
 * the server sent (total, and without the result thumbnails), a split by kind (from Chromium's own
 * request sizes, headers included), the requests, and the results shown.
 */
export async function measureSearch(baseUrl, word) {
  const { launch } = await import('./lib/chromium.ts');
  const proxy = await byteCountingProxy(baseUrl);
  const session = await launch({ viewport: { width: 390, height: 844 } });
  try {
    const page = await session.newPage();
    const requests = [];
    const pending = [];
    session.context.on('requestfinished', (r) => {
      pending.push(
        r
          .sizes()
          .then((z) => requests.push({ url: r.url(), kind: requestKind(r.url()), bytes: z.responseBodySize + z.responseHeadersSize }))
          .catch(() => {}),
      );
    });
    session.context.on('requestfailed', (r) =>
      requests.push({ url: r.url(), kind: requestKind(r.url()), bytes: 0, failed: r.failure()?.errorText ?? 'failed' }),
    );
    await page.goto(`${proxy.url}/search/?q=${encodeURIComponent(word)}`, { waitUntil: 'load' });
    await page.waitForSelector('.pf-result', { timeout: 60_000 });
    const deadline = Date.now() + 30_000;
    while (Date.now() - proxy.lastActivity() < 1000 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    await Promise.all(pending);
    const total = proxy.bytes();
    const results = await page.locator('.pf-result').count();
    const summary = (await page.locator('pagefind-summary').textContent())?.trim() ?? '';
    const byKind = {};
    for (const r of requests) byKind[r.kind] = (byKind[r.kind] ?? 0) + r.bytes;
    const imageBytes = byKind.images ?? 0;
    return {
      word,
      results,
      summary,
      requests: requests.length,
      totalBytes: total,
      bytesWithoutImages: total - imageBytes,
      byKind,
      files: requests.map((r) => ({ path: new URL(r.url).pathname, kind: r.kind, bytes: r.bytes })),
      failed: requests.filter((r) => r.failed).map((r) => `${r.url}: ${r.failed}`),
      consoleErrors: [...session.consoleErrors],
    };
  } finally {
    await session.close();
    await proxy.close();
  }
}

/** Edits one notice's body (appends a sentence). Returns a function that restores the file. */
function editOneNotice(file) {
  const original = fs.readFileSync(file);
  fs.writeFileSync(file, Buffer.concat([original, Buffer.from('\nA benchmark edit added this sentence to the notice.\n')]));
  return () => fs.writeFileSync(file, original);
}

/** Removes Astro's caches so the next build is cold: image cache, content store, generated modules. */
function clearCaches() {
  fs.rmSync(CACHE_DIR, { recursive: true, force: true });
  fs.rmSync(path.join(ROOT, '.astro'), { recursive: true, force: true });
  fs.rmSync(path.join(ROOT, 'node_modules/.astro'), { recursive: true, force: true });
}

/** Generates the corpus unless `dir` already holds one made with the same options. */
async function ensureCorpus(dir, opts) {
  const manifestFile = path.join(dir, 'corpus.json');
  if (fs.existsSync(manifestFile)) {
    const m = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
    if (
      m.notices === opts.notices &&
      m.seed === opts.seed &&
      String(m.imagesPerNotice) === String(opts.images) &&
      m.imageSize === (opts.imageSize ?? '1600x1200')
    )
      return { manifest: m, generatedS: 0 };
  }
  const t0 = performance.now();
  const [imagesMin, imagesMax] = String(opts.images).split('-').map(Number);
  const [width, height] = (opts.imageSize ?? '1600x1200').split('x').map(Number);
  const manifest = await generateCorpus({
    out: dir,
    notices: opts.notices,
    imagesMin,
    imagesMax: imagesMax ?? imagesMin,
    seed: opts.seed,
    width,
    height,
    progress: process.stdout.isTTY === true,
  });
  return { manifest, generatedS: round((performance.now() - t0) / 1000, 1) };
}

/** The machine and its load, for the record. */
function machine() {
  const cpus = os.cpus();
  let commit = '';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT }).toString().trim();
  } catch {
    /* not a git checkout */
  }
  return {
    cpuModel: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryBytes: os.totalmem(),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    commit,
    loadavg: os.loadavg().map((x) => round(x, 2)),
  };
}

/** Runs every figure for one corpus size. */
export async function benchSize(opts, log = console.log) {
  const size = opts.imageSize ?? '1600x1200';
  const name = `n${opts.notices}-i${opts.images}-s${opts.seed}${size === '1600x1200' ? '' : `-${size}`}`;
  const contentDir = path.join(opts.corpusRoot, name);
  const outDir = path.join(opts.corpusRoot, `${name}.dist`);
  const logDir = path.join(opts.corpusRoot, 'logs');
  fs.mkdirSync(logDir, { recursive: true });
  log(`\n== ${opts.notices} notices, ${opts.images} image(s) each: corpus ${path.relative(ROOT, contentDir)}`);
  const { manifest, generatedS } = await ensureCorpus(contentDir, opts);
  const env = { MODUS_AUDIENCE: opts.audience };
  const run = {
    notices: opts.notices,
    images: manifest.images,
    imageSize: manifest.imageSize,
    imagesPerNotice: manifest.imagesPerNotice,
    courses: manifest.courses,
    audience: opts.audience,
    corpusGeneratedS: generatedS,
    loadBefore: os.loadavg().map((x) => round(x, 2)),
    builds: {},
  };
  const build = async (kind) => {
    fs.rmSync(outDir, { recursive: true, force: true });
    const r = await measuredBuild({
      contentDir,
      outDir,
      env,
      logFile: path.join(logDir, `${name}.${kind}.log`),
      expectImages: manifest.images > 0,
    });
    log(
      `   ${kind.padEnd(5)} ${r.ok ? 'ok ' : 'FAILED'} ${r.wallS.toFixed(1)} s wall, ${r.cpuS.toFixed(1)} s CPU, peak ${(r.peakRssBytes / 2 ** 20).toFixed(0)} MiB, ${r.encodes} image encodes, ${r.cacheHits} cache hits`,
    );
    if (!r.ok) throw new Error(`${kind} build of ${name} failed (exit ${r.exitCode}); see ${r.log}`);
    run.builds[kind] = r;
  };
  clearCaches();
  await build('cold');
  await build('warm');
  const restore = editOneNotice(path.join(contentDir, manifest.editTarget));
  try {
    await build('edit');
  } finally {
    restore();
  }
  run.loadAfterBuilds = os.loadavg().map((x) => round(x, 2));
  run.dist = distFigures(outDir);
  const noticeSlug = path.dirname(manifest.editTarget).split('/').pop();
  run.pageWeight = { notice: pageWeight(outDir, `notices/${noticeSlug}`), home: pageWeight(outDir, '') };
  if (opts.search) {
    const server = await serve(outDir);
    try {
      run.search = {
        server: 'astro preview (gzip)',
        rare: await measureSearch(server.url, manifest.words.rare),
        common: await measureSearch(server.url, manifest.words.common),
      };
    } finally {
      await server.stop();
    }
    log(
      `   search (without result thumbnails): "${run.search.rare.word}" ${(run.search.rare.bytesWithoutImages / 1024).toFixed(1)} kB, "${run.search.common.word}" ${(run.search.common.bytesWithoutImages / 1024).toFixed(1)} kB`,
    );
  }
  if (!opts.keepDist) fs.rmSync(outDir, { recursive: true, force: true });
  return run;
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
        value: `${(r.builds.cold.peakRssBytes / 2 ** 20).toFixed(0)} MiB`,
        limit: '< 2 GiB',
        met: Math.max(r.builds.cold.peakRssBytes, r.builds.warm.peakRssBytes, r.builds.edit.peakRssBytes) < TARGETS.peakRssBytes10000,
      });
    if (r.search) {
      for (const w of ['rare', 'common']) {
        t.push({
          target: `${n}: first search "${r.search[w].word}" (without result thumbnails)`,
          value: `${(r.search[w].bytesWithoutImages / 1024).toFixed(1)} kB`,
          limit: '≤ 150 kB',
          met: r.search[w].bytesWithoutImages <= TARGETS.firstSearchBytes,
        });
      }
    }
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
  return t;
}

const mib = (b) => (b < 2 ** 20 ? `${(b / 1024).toFixed(0)} kB` : `${(b / 2 ** 20).toFixed(0)} MiB`);
const kb = (b) => `${(b / 1024).toFixed(1)} kB`;

/** The Markdown report: one column per size, one row per figure, then the targets. */
export function markdown(result) {
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
      'home page: HTML / CSS gzipped (raw)',
      (r) =>
        `${kb(r.pageWeight.home.html.gzip)} / ${kb(r.pageWeight.home.css.gzip)} (${kb(r.pageWeight.home.html.raw)} / ${kb(r.pageWeight.home.css.raw)})`,
    ],
    ['load average before / after builds', (r) => `${r.loadBefore.join(' ')} / ${r.loadAfterBuilds.join(' ')}`],
  ];
  const runs = result.runs;
  const lines = [
    `Benchmark ${result.label ? `"${result.label}" ` : ''}${result.date} — ${result.machine.cores} × ${result.machine.cpuModel}, ${mib(result.machine.memoryBytes)} RAM, Node ${result.machine.node}, commit ${result.machine.commit || '?'}, audience ${runs[0]?.audience ?? '?'}`,
    '',
    `| figure | ${runs.map((r) => `${r.notices.toLocaleString('en')} notices`).join(' | ')} |`,
    `|---|${runs.map(() => '---').join('|')}|`,
    ...rows.map(([label, f]) => `| ${label} | ${runs.map(f).join(' | ')} |`),
    '',
    '| target | value | limit | met |',
    '|---|---|---|---|',
    ...result.targets.map((t) => `| ${t.target} | ${t.value} | ${t.limit} | ${t.met === null ? 'n/a' : t.met ? 'yes' : '**no**'} |`),
    '',
  ];
  return lines.join('\n');
}

/** Side-by-side comparison of two result files (same sizes matched by notice count). */
export function compare(a, b) {
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

/** Runs the benchmark. Returns the result object (also written to `out` and `out.md`). */
export async function bench(opts, log = console.log) {
  const result = { label: opts.label ?? '', date: new Date().toISOString(), machine: machine(), options: { ...opts }, runs: [] };
  // Cold builds empty Astro's cache: the project's own (its encoded images, its content store) is put
  // aside for the run and back afterwards, so benchmarking never costs the next real build its cache.
  const saved = `${CACHE_DIR}.before-bench`;
  fs.rmSync(saved, { recursive: true, force: true });
  if (fs.existsSync(CACHE_DIR)) fs.renameSync(CACHE_DIR, saved);
  try {
    for (const notices of opts.sizes) {
      result.runs.push(await benchSize({ ...opts, notices }, log));
    }
  } finally {
    fs.rmSync(CACHE_DIR, { recursive: true, force: true });
    if (fs.existsSync(saved)) fs.renameSync(saved, CACHE_DIR);
  }
  result.targets = evaluateTargets(result);
  fs.mkdirSync(path.dirname(opts.out), { recursive: true });
  fs.writeFileSync(opts.out, JSON.stringify(result, null, 2) + '\n');
  const md = markdown(result);
  fs.writeFileSync(opts.out.replace(/\.json$/, '') + '.md', md);
  log(`\n${md}\nresult: ${path.relative(ROOT, opts.out)} (+ .md)`);
  return result;
}

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
      'no-search': { type: 'boolean', default: false },
      compare: { type: 'boolean', default: false },
      'search-dist': { type: 'string' },
      report: { type: 'string' },
      words: { type: 'string', default: 'harmonium,container' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(
      'Usage: npm run bench -- --notices 1000,5000 [--images 1] [--seed 7] [--out FILE.json] [--label TEXT] [--smoke] [--no-search] [--keep-dist]\n       npm run bench -- --compare a.json b.json',
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
  const sizes = (values.smoke ? '50' : values.notices).split(',').map((s) => {
    const n = Number(s.trim());
    if (!Number.isInteger(n) || n < 1) throw new Error(`--notices expects sizes such as 1000,5000, got "${s}"`);
    return n;
  });
  if (!/^\d+x\d+$/.test(values['image-size']))
    throw new Error(`--image-size expects WIDTHxHEIGHT such as 1600x1200, got "${values['image-size']}"`);
  if (!/^[1-3](-[1-3])?$/.test(values.images)) throw new Error(`--images expects 1, 2, 3 or a range such as 1-3, got "${values.images}"`);
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
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((err) => {
    console.error(`bench: ${err.message}`);
    process.exit(1);
  });
}
