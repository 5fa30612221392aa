/**
 * Steps 2 and 3 of `npm run build` (scripts/build.mjs), run after `astro build` has exited:
 * `node scripts/lib/finish-build.mjs OUTDIR [--full-check]` writes the search index of OUTDIR, then
 * runs the dist check on it. The check keeps its results per file in `.cache/modus-dist-check/` and
 * scans only the files that changed since the last build of the same audience; `--full-check`
 * scans every file. Reads the build's settings once, here, and hands them to the
 * dist check. Prints one line per step; on failure prints the reason and exits 1.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSearchIndex } from '../../src/search/search-index.ts';
import { runDistCheck } from '../../src/dist-check/run.ts';
import { readSettings } from '../../src/settings.ts';

const ROOT = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
const outDir = process.argv[2];
const full = process.argv.includes('--full-check');
const time = () => new Date().toTimeString().slice(0, 8);
try {
  if (!outDir) throw new Error('Usage: node scripts/lib/finish-build.mjs OUTDIR');
  const settings = readSettings();
  const pages = await buildSearchIndex(outDir, (message) => console.warn(`${time()} [modus-search] ${message}`));
  console.log(`${time()} [modus-search] indexed ${pages} pages for search`);
  console.log(
    `${time()} [modus-dist-check] ${await runDistCheck(outDir, settings, { dir: path.join(ROOT, '.cache/modus-dist-check'), full })}`,
  );
} catch (err) {
  console.error(`\n${time()} [modus-build] The build failed after astro build:\n${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
}
