#!/usr/bin/env node
/**
 * npm run build [-- --outDir DIR]: the whole build, in three steps, each in its own process so that
 * their memory never adds up (issue 6: Pagefind inside the Astro process doubled the peak):
 *   1. `astro build` (pages, images, /admin/, headers files), with any arguments given;
 *   2. the search index of the notice and course pages (src/build/search-index.ts, Pagefind);
 *   3. the dist check (src/build/dist-check.ts), last, so it sees dist/ exactly as it will be deployed.
 * Settings come from the environment (MODUS_CONTENT_DIR, MODUS_AUDIENCE, …), as for `astro build`.
 * Exits non-zero, with the reason, when any step fails; a failed build never looks like a good one.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const ASTRO = path.join(ROOT, 'node_modules/astro/bin/astro.mjs');
const args = process.argv.slice(2);
const { values } = parseArgs({ args, options: { outDir: { type: 'string' } }, strict: false });
const outDir = path.resolve(ROOT, typeof values.outDir === 'string' ? values.outDir : 'dist');

/** Runs a Node script with `argv` in a child process (output shown as it comes); resolves with its exit code. */
function runNode(argv) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, argv, { cwd: ROOT, stdio: 'inherit', env: process.env });
    child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const astroCode = await runNode([ASTRO, 'build', ...args]);
if (astroCode !== 0) process.exit(astroCode);
// Steps 2 and 3 run in a fresh process: the Astro process has exited and given its memory back.
process.exit(await runNode([path.join(ROOT, 'scripts/lib/finish-build.mjs'), outDir]));
