/**
 * Modus's side of the benchmark's builds: `npm run build` (scripts/build.mjs: astro build, search
 * index, dist check) on a content folder, measured with its image encodes; and what makes a build
 * cold (Astro's caches removed).
 */
import fs from 'node:fs';
import path from 'node:path';
import { countFiles, measureProcess } from './process.mjs';

export const ROOT = path.resolve(import.meta.dirname, '../..');
/** Astro's shared cache of a checkout `root` (this one by default): the image cache, and `astro dev`'s. */
const cacheDir = (root) => path.join(root, '.cache/astro');
/** The dist check's manifests of results (scripts/lib/finish-build.mjs), where builds before the settings caches kept them. */
const distCheckCacheDir = (root) => path.join(root, '.cache/modus-dist-check');
/** The caches of `npm run build`, one per combination of settings (src/build/build-dirs.ts): Astro's and the dist check's. */
const settingsCachesDir = (root) => path.join(root, '.cache/builds');
export const CACHE_DIR = cacheDir(ROOT);
export const DIST_CHECK_CACHE_DIR = distCheckCacheDir(ROOT);
export const SETTINGS_CACHES_DIR = settingsCachesDir(ROOT);
/** The image cache of the images integration (src/integrations/images.ts): one file per encoded variant. */
const imageCache = (root) => path.join(cacheDir(root), 'modus-images');
/**
 * The one summary line the images integration logs after `astro build` (src/integrations/images.ts):
 * "[modus-images] <N> image variants encoded, <M> reused from the cache; <K> files for <I> images in _img/".
 */
const IMAGES_SUMMARY = /\[modus-images\] (\d+) image variants encoded, (\d+) reused from the cache; (\d+) files for (\d+) images in _img\//;

/**
 * Runs `npm run build` (scripts/build.mjs: astro build, search index, dist check) on `contentDir` into `outDir` and measures it
 * (the build of the checkout `root`, this one by default: the languages' baseline builds another commit's). Returns
 * { ok, exitCode, wallS, cpuS, peakRssBytes, encodes, cacheHits, cacheFilesAdded, pagesReported, nothingToDo, log }
 * (`nothingToDo`: the build found nothing changed since the last build of `outDir` and ran no step).
 * `encodes` and `cacheHits` come from the images integration's summary line; `expectImages` (the content has
 * images) makes a successful build that printed no such line an error, so a changed log is never counted as 0.
 * Time, CPU and peak memory of the whole process tree: see measureProcess. Throws when the build logs
 * more than one image summary line, or none although it has images.
 */
export async function measuredBuild({ contentDir, outDir, env = {}, logFile, expectImages = false, root = ROOT }) {
  const cacheBefore = countFiles(imageCache(root));
  const summaries = [];
  let pages = 0;
  // A build with nothing to do (scripts/build.mjs) runs no step, so it prints no image summary.
  let nothingToDo = false;
  const measured = await measureProcess({
    command: process.execPath,
    args: [path.join(root, 'scripts/build.mjs'), '--outDir', outDir],
    cwd: root,
    env: { MODE: '', NODE_ENV: 'production', MODUS_CONTENT_DIR: contentDir, ...env },
    logFile,
    onLine: (line) => {
      // The images integration logs one summary line per build: variants encoded, variants reused.
      const s = IMAGES_SUMMARY.exec(line);
      if (s) summaries.push({ encodes: Number(s[1]), cacheHits: Number(s[2]), line: line.trim() });
      if (line.includes('[modus-build] nothing changed since the last build')) nothingToDo = true;
      const m = /(\d+) page\(s\) built in/.exec(line);
      if (m) pages = Number(m[1]);
    },
  });
  const { exitCode } = measured;
  const logName = path.relative(ROOT, logFile);
  // A build with images prints exactly one summary line; without it the counts would read as 0.
  if (exitCode === 0 && summaries.length > 1) {
    throw new Error(
      `The build logged ${summaries.length} image summary lines, expected one (${logName}):\n${summaries.map((x) => x.line).join('\n')}`,
    );
  }
  if (exitCode === 0 && summaries.length === 0 && !nothingToDo && (expectImages || countFiles(path.join(outDir, '_img')) > 0)) {
    throw new Error(
      `The build has images but logged no "[modus-images] … image variants encoded, … reused from the cache" line (${logName}): the image encodes cannot be counted.`,
    );
  }
  const { encodes = 0, cacheHits = 0 } = summaries[0] ?? {};
  return {
    ok: exitCode === 0,
    ...measured,
    encodes,
    cacheHits,
    cacheFilesAdded: countFiles(imageCache(root)) - cacheBefore,
    pagesReported: pages,
    nothingToDo,
    log: logName,
  };
}

/**
 * Removes the caches of the checkout `root` (this one by default) so its next build is cold: Astro's
 * (image cache, content store, incremental build, generated modules) and the dist check's results.
 */
export function clearCaches(root = ROOT) {
  fs.rmSync(distCheckCacheDir(root), { recursive: true, force: true });
  fs.rmSync(settingsCachesDir(root), { recursive: true, force: true });
  fs.rmSync(cacheDir(root), { recursive: true, force: true });
  fs.rmSync(path.join(root, '.astro'), { recursive: true, force: true });
  fs.rmSync(path.join(root, 'node_modules/.astro'), { recursive: true, force: true });
}

/** The sentence the one-edit rebuild appends to a notice's body (the same for Modus and the peer). */
export const EDIT_SENTENCE = '\nA benchmark edit added this sentence to the notice.\n';

/** Edits one file (appends EDIT_SENTENCE). Returns a function that restores the file. */
export function editFile(file) {
  const original = fs.readFileSync(file);
  fs.writeFileSync(file, Buffer.concat([original, Buffer.from(EDIT_SENTENCE)]));
  return () => fs.writeFileSync(file, original);
}
