/**
 * Steps 2 and 3 of `npm run build` (scripts/build.mjs), run after `astro build` has exited:
 * `node scripts/lib/finish-build.mjs OUTDIR [--search-digest FILE] [--check-cache DIR] [--build-id ID] [--full-check]`
 * writes the search index of OUTDIR, then the offline files (src/offline/write.ts: the manifest of an offline
 * copy, the build's id — ID, by default a digest of the search index's pages and of OUTDIR — and time, the
 * service worker), then runs the dist check on it.
 * - The search index is made again only when the searchable pages (their addresses and bytes), the lock
 *   file or the search index's code changed since the index in OUTDIR was made: FILE holds the digest of
 *   what that index was made from ('' when unknown, e.g. a fresh out folder); the new digest is written
 *   back to FILE. A remade index replaces the whole `pagefind/` folder (no fragment of an old page stays).
 * - The check keeps its results per file in DIR (the build's settings cache, src/build/build-dirs.ts; by
 *   default `.cache/modus-dist-check/`) and scans only the files that changed since the last build with
 *   it of the same audience; `--full-check` scans every file.
 * Reads the build's settings once, here, and hands them to the dist check. Prints one line per step; on
 * failure prints the reason and exits 1.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildSearchIndex, builtPagePaths, searchablePagesDigest } from '../../src/search/search-index.ts';
import { runDistCheck } from '../../src/dist-check/run.ts';
import { readSettings } from '../../src/settings.ts';
import { fileDigest, treeDigest } from '../../src/build/build-state.ts';
import { writeOfflineFiles } from '../../src/offline/write.ts';

const ROOT = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
const { values, positionals } = parseArgs({
  options: {
    'search-digest': { type: 'string' },
    'check-cache': { type: 'string' },
    'build-id': { type: 'string' },
    'full-check': { type: 'boolean' },
  },
  allowPositionals: true,
});
const outDir = positionals[0];
const time = () => new Date().toTimeString().slice(0, 8);
try {
  if (!outDir)
    throw new Error(
      'Usage: node scripts/lib/finish-build.mjs OUTDIR [--search-digest FILE] [--check-cache DIR] [--build-id ID] [--full-check]',
    );
  const settings = readSettings();
  const pathnames = builtPagePaths(outDir);
  const digest = createHash('sha256')
    .update(fileDigest(path.join(ROOT, 'package-lock.json')))
    .update(treeDigest(path.join(ROOT, 'src/search')))
    .update(await searchablePagesDigest(outDir, pathnames))
    .digest('hex');
  const digestFile = values['search-digest'];
  const previous = digestFile && fs.existsSync(digestFile) ? fs.readFileSync(digestFile, 'utf8') : '';
  if (previous === digest && fs.existsSync(path.join(outDir, 'pagefind/pagefind-entry.json'))) {
    console.log(`${time()} [modus-search] search index kept: no searchable page changed`);
  } else {
    fs.rmSync(path.join(outDir, 'pagefind'), { recursive: true, force: true });
    const pages = await buildSearchIndex(outDir, (message) => console.warn(`${time()} [modus-search] ${message}`), pathnames);
    console.log(`${time()} [modus-search] indexed ${pages} pages for search`);
  }
  if (digestFile) fs.writeFileSync(digestFile, digest);
  const offline = writeOfflineFiles(outDir, {
    enabled: settings.offline,
    base: settings.base,
    id: (
      values['build-id'] ||
      createHash('sha256')
        .update(`${digest}\n${treeDigest(outDir)}`)
        .digest('hex')
    ).slice(0, 16),
    time: new Date().toISOString(),
  });
  console.log(
    `${time()} [modus-offline] ${
      offline
        ? `offline copy: ${offline.notices} notices, ${offline.courses} courses, ${(offline.bytes / 1e6).toFixed(1)} MB in all`
        : 'offline copy off (MODUS_OFFLINE=off): sw.js removes copies kept earlier'
    }`,
  );
  console.log(
    `${time()} [modus-dist-check] ${await runDistCheck(outDir, settings, { dir: values['check-cache'] ?? path.join(ROOT, '.cache/modus-dist-check'), full: values['full-check'] })}`,
  );
} catch (err) {
  console.error(`\n${time()} [modus-build] The build failed after astro build:\n${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
}
