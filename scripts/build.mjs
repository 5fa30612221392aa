#!/usr/bin/env node
/**
 * npm run build [-- --outDir DIR] [-- --force] [-- --full-check] (`--out-dir` is `--outDir`; any other option is refused): the whole build, in three steps, each in
 * its own process so that their memory never adds up (docs/performance.md: Pagefind inside the Astro
 * process doubled the peak):
 *   1. `astro build` (pages, images, /admin/, headers files), with any arguments given;
 *   2. the search index of the notice and course pages (src/search/search-index.ts, Pagefind);
 *   3. the dist check (src/dist-check/run.ts), last, so it sees dist/ exactly as it will be deployed;
 *      it scans only the files that changed since the last build, or every file with `--full-check`.
 * Incremental (docs/architecture.md, "Incremental build"; what is remembered: src/build/build-state.ts):
 * - nothing to do when the content, the code, the lock files and the settings are those of the last
 *   finished build of the out folder and the out folder is as that build left it;
 * - otherwise the out folder is kept when it is exactly the last build's and Astro's cache is the one
 *   that build left: Astro renders only the pages whose cache key changed, the files this build no
 *   longer makes are then deleted (src/build/sweep-dist.ts), and the search index is made again only
 *   when a searchable page changed. Any doubt empties the out folder first, as a clean build does.
 * `--force` renders every page and remakes everything (Astro's `--force`); `--full-check` also scans
 * every file in the dist check.
 * Settings come from the environment (MODUS_CONTENT_DIR, MODUS_AUDIENCE, …), as for `astro build`.
 * Side by side (src/build/build-dirs.ts): builds into different out folders run at once; each combination
 * of settings has its own Astro cache (`.cache/builds/…`), used by one build at a time (a second build with
 * the same settings waits for it); a second build into the same out folder is refused.
 * `astro build` gets a V8 heap limit that grows with the number of entries (src/build/heap-budget.ts),
 * unless NODE_OPTIONS already sets one.
 * Exits non-zero, with the reason, when any step fails; a failed build never looks like a good one.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fs from 'node:fs';
import { heapBudgetMb, heapExhaustedMessage, setsHeapLimit } from '../src/build/heap-budget.ts';
import {
  clearBuildState,
  fileDigest,
  inputsDigest,
  readBuildState,
  stateFile,
  treeDigest,
  writeBuildState,
} from '../src/build/build-state.ts';
import { astroKeyedOutputs, sweepStaleOutputs } from '../src/build/sweep-dist.ts';
import { outFolderLock, pruneSettingsCaches, recordContentFolder, releaseLock, settingsCache, takeLock } from '../src/build/build-dirs.ts';
import { parseArgsOrExit } from './lib/args.mjs';
import { settingsOrExit } from '../src/build/settings-or-exit.ts';

const ROOT = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const ASTRO = path.join(ROOT, 'node_modules/astro/bin/astro.mjs');
const STATE_DIR = path.join(ROOT, '.cache/modus-build');
// Only the options below: a mistyped one (or `--out-dir` where `--outDir` was meant, before both were
// accepted) would otherwise be ignored and the build would overwrite dist/ without a word.
const { values } = parseArgsOrExit({
  options: {
    outDir: { type: 'string' },
    'out-dir': { type: 'string' },
    force: { type: 'boolean', default: false },
    'full-check': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log(`Usage: npm run build -- [--outDir dist] [--force] [--full-check]
  --outDir DIR   the out folder (also --out-dir); default dist
  --force        render every page and remake everything
  --full-check   the dist check scans every file, not only the changed ones`);
  process.exit(0);
}
const force = values.force;
// A forced build remakes everything it can: the dist check too scans every file.
const fullCheck = force || values['full-check'];
const outDir = path.resolve(ROOT, values.outDir ?? values['out-dir'] ?? 'dist');
// The arguments of `astro build`.
const args = ['--outDir', outDir, ...(force ? ['--force'] : [])];
const time = () => new Date().toTimeString().slice(0, 8);
const say = (message) => console.log(`${time()} [modus-build] ${message}`);

/**
 * Runs a Node script with `argv` (Node flags first) in a child process, output shown as it comes;
 * resolves with its exit code and the signal that ended it, if any.
 */
function runNode(argv, env = process.env) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, argv, { cwd: ROOT, stdio: 'inherit', env });
    running = child;
    child.on('close', (code, signal) => {
      running = undefined;
      resolve({ code, signal });
    });
  });
}
/** The step running now, stopped with the build. */
let running;

// A bad setting stops here with its one-line reason, before Astro starts (and prints a stack trace).
const settings = settingsOrExit();
const { contentDir } = settings;
// The Astro cache of these settings (Astro's cacheDir, passed to astro.config.mjs in MODUS_ASTRO_CACHE_DIR).
const cache = settingsCache(ROOT, settings);
const ASTRO_MANIFEST = path.join(cache.astro, 'incremental-build.json');

/** Stops the build with `message` (one line, no stack trace), exit code 1. */
function refuse(message) {
  console.error(`Modus: ${message}`);
  process.exit(1);
}
// The out folder is emptied: never one that holds the project, its content or its code.
const inside = (dir, parent) => dir === parent || dir.startsWith(parent + path.sep);
const guarded = [
  contentDir,
  ...['src', 'public', 'scripts', 'tests', 'docs', 'content', 'node_modules', '.git', '.cache'].map((d) => path.join(ROOT, d)),
];
if (inside(ROOT, outDir) || guarded.some((dir) => inside(outDir, dir) || inside(dir, outDir))) {
  refuse(
    `--outDir ${outDir} would empty a folder of the project, or its content folder. Build into dist/ (the default) or a folder of its own.`,
  );
}

// One build at a time into an out folder; builds into others run side by side.
const OUT_LOCK = outFolderLock(STATE_DIR, outDir);
const holder = takeLock(OUT_LOCK);
if (holder !== null) {
  refuse(
    `another build (process ${holder}) is writing ${outDir}. Wait for it to end, or stop it, or build into another folder (--outDir).`,
  );
}
const locks = [OUT_LOCK];
process.on('exit', () => locks.forEach(releaseLock));
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    running?.kill(signal);
    process.exit(130);
  });
}
// One build at a time uses the cache of these settings: a build with the same settings into another
// out folder waits for it to end.
for (let waiting = false; ; waiting = true) {
  const pid = takeLock(cache.lock);
  if (pid === null) break;
  if (!waiting) say(`another build with the same settings (process ${pid}) is using their cache: waiting for it to end`);
  await new Promise((r) => setTimeout(r, 500));
}
locks.push(cache.lock);
recordContentFolder(cache, contentDir);
for (const dir of pruneSettingsCaches(ROOT)) say(`cache of a content folder that no longer exists removed: ${path.relative(ROOT, dir)}`);

// Astro writes each page it renders into its cache at once, but the manifest of that cache only when
// it has rendered them all: after an interrupted or failed `astro build`, cached pages and manifest
// disagree, and a later build would copy back pages of the interrupted one. So the cache is dropped.
// (A build that stopped before rendering, e.g. on a content error, or after writing the manifest, left
// them in agreement: the cache is kept.)
const ASTRO_RUNNING = cache.astroRunning;
const ASTRO_PAGES = path.join(cache.astro, 'dist');
const markerTime = fs.statSync(ASTRO_RUNNING, { throwIfNoEntry: false, bigint: true })?.mtimeNs;
if (markerTime !== undefined) {
  const manifestTime = fs.statSync(ASTRO_MANIFEST, { throwIfNoEntry: false, bigint: true })?.mtimeNs ?? 0n;
  if (manifestTime < markerTime && writtenSince(ASTRO_PAGES, markerTime)) {
    say('the last astro build stopped while rendering: its page cache is dropped, every page is rendered');
    fs.rmSync(ASTRO_PAGES, { recursive: true, force: true });
    fs.rmSync(ASTRO_MANIFEST, { force: true });
  }
  fs.rmSync(ASTRO_RUNNING);
}

/** True when a file under `dir` was modified at or after `since` (ns). */
function writtenSince(dir, since) {
  if (!fs.existsSync(dir)) return false;
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .some((d) => d.isFile() && fs.statSync(path.join(d.parentPath, d.name), { bigint: true }).mtimeNs >= since);
}

// Everything the out folder is made from: the settings and MODUS_* variables, the arguments, the content, the code.
// The variables the settings are read from are in `settings` as read (MODUS_SITE_URL with or without its
// trailing slash is the same site, the same build); other MODUS_* variables count as they are.
const SETTING_VARIABLES = [
  'MODUS_CONTENT_DIR',
  'MODUS_AUDIENCE',
  'MODUS_ADMIN',
  'MODUS_SITE_URL',
  'MODUS_IMAGE_MAX_PIXELS',
  'MODUS_CMS_BACKEND',
  'MODUS_PUBLISHER',
  'MODUS_OFFLINE',
];
const modusEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('MODUS_') && !SETTING_VARIABLES.includes(k)));
const inputs = inputsDigest(ROOT, contentDir, { settings, modusEnv, outDir });
const last = readBuildState(STATE_DIR, outDir);
const distAsLeft = last !== null && fs.existsSync(outDir) && treeDigest(outDir) === last.dist;
if (!force && !fullCheck && distAsLeft && last.inputs === inputs) {
  say(`nothing changed since the last build of ${outDir} (content, code, settings and the out folder as it left them): nothing to do`);
  process.exit(0);
}
clearBuildState(STATE_DIR, outDir);
const keep = !force && distAsLeft && fileDigest(ASTRO_MANIFEST) === last.astroManifest;
if (!keep) fs.rmSync(outDir, { recursive: true, force: true });
say(keep ? `keeping ${outDir}: only what changed is made again` : `building ${outDir} from scratch`);
// Files this build writes are modified after this marker; kept files that it did not list are stale.
const marker = path.join(outDir, '.modus-build-started');
fs.mkdirSync(outDir, { recursive: true });
fs.writeFileSync(marker, '');
const started = fs.statSync(marker, { bigint: true }).mtimeNs;
fs.rmSync(marker);

/** Number of entry folders (notices and courses) in the content folder. */
function entryCount() {
  const count = (dir) => (fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).length : 0);
  return count(path.join(contentDir, 'notices')) + count(path.join(contentDir, 'courses'));
}

const budget = heapBudgetMb(entryCount());
const heapFlags = setsHeapLimit(process.env.NODE_OPTIONS) ? [] : [`--max-old-space-size=${budget}`];
fs.writeFileSync(ASTRO_RUNNING, '');
const astro = await runNode([...heapFlags, ASTRO, 'build', ...args], {
  ...process.env,
  MODUS_KEEP_OUT_DIR: keep ? '1' : '',
  MODUS_ASTRO_CACHE_DIR: cache.astro,
});
if (astro.code !== 0) {
  const message = heapFlags.length ? heapExhaustedMessage(astro.code, astro.signal, budget) : null;
  if (message) console.error(`\n${message}\n`);
  process.exit(astro.code || 1);
}
fs.rmSync(ASTRO_RUNNING);
if (keep) {
  // The search index is left to step 2, which makes it again or keeps it whole.
  const deleted = sweepStaleOutputs(outDir, started, astroKeyedOutputs(ASTRO_MANIFEST), ['pagefind']);
  say(`${deleted.length} file${deleted.length === 1 ? '' : 's'} this build no longer makes deleted from ${outDir}`);
}
// Steps 2 and 3 run in a fresh process: the Astro process has exited and given its memory back.
const searchDigestFile = `${stateFile(STATE_DIR, outDir)}.search`;
fs.writeFileSync(searchDigestFile, keep ? last.searchPages : '');
const finish = await runNode([
  path.join(ROOT, 'scripts/lib/finish-build.mjs'),
  outDir,
  '--search-digest',
  searchDigestFile,
  '--check-cache',
  cache.distCheck,
  // The offline copy's build id: what this out folder is made from (content, code, settings).
  '--build-id',
  inputs,
  ...(fullCheck ? ['--full-check'] : []),
]);
if (finish.code !== 0) process.exit(finish.code ?? 1);
writeBuildState(STATE_DIR, outDir, {
  inputs,
  dist: treeDigest(outDir),
  astroManifest: fileDigest(ASTRO_MANIFEST),
  searchPages: fs.readFileSync(searchDigestFile, 'utf8'),
});
fs.rmSync(searchDigestFile, { force: true });
