#!/usr/bin/env node
/**
 * npm run build [-- --outDir DIR] [-- --full-check]: the whole build, in three steps, each in its own process so that
 * their memory never adds up (docs/performance.md: Pagefind inside the Astro process doubled the peak):
 *   1. `astro build` (pages, images, /admin/, headers files), with any arguments given;
 *   2. the search index of the notice and course pages (src/search/search-index.ts, Pagefind);
 *   3. the dist check (src/dist-check/run.ts), last, so it sees dist/ exactly as it will be deployed;
 *      it scans only the files that changed since the last build, or every file with `--full-check`.
 * Settings come from the environment (MODUS_CONTENT_DIR, MODUS_AUDIENCE, …), as for `astro build`.
 * `astro build` gets a V8 heap limit that grows with the number of entries (src/build/heap-budget.ts),
 * unless NODE_OPTIONS already sets one.
 * Exits non-zero, with the reason, when any step fails; a failed build never looks like a good one.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import fs from 'node:fs';
import { heapBudgetMb, heapExhaustedMessage, setsHeapLimit } from '../src/build/heap-budget.ts';
import { settingsOrExit } from './lib/settings.mjs';

const ROOT = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const ASTRO = path.join(ROOT, 'node_modules/astro/bin/astro.mjs');
const fullCheck = process.argv.includes('--full-check');
const args = process.argv.slice(2).filter((a) => a !== '--full-check');
const { values } = parseArgs({ args, options: { outDir: { type: 'string' } }, strict: false });
const outDir = path.resolve(ROOT, typeof values.outDir === 'string' ? values.outDir : 'dist');

/**
 * Runs a Node script with `argv` (Node flags first) in a child process, output shown as it comes;
 * resolves with its exit code and the signal that ended it, if any.
 */
function runNode(argv) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, argv, { cwd: ROOT, stdio: 'inherit', env: process.env });
    child.on('close', (code, signal) => resolve({ code, signal }));
  });
}

// A bad setting stops here with its one-line reason, before Astro starts (and prints a stack trace).
const { contentDir } = settingsOrExit();

/** Number of entry folders (notices and courses) in the content folder. */
function entryCount() {
  const count = (dir) => (fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).length : 0);
  return count(path.join(contentDir, 'notices')) + count(path.join(contentDir, 'courses'));
}

const budget = heapBudgetMb(entryCount());
const heapFlags = setsHeapLimit(process.env.NODE_OPTIONS) ? [] : [`--max-old-space-size=${budget}`];
const astro = await runNode([...heapFlags, ASTRO, 'build', ...args]);
if (astro.code !== 0) {
  const message = heapFlags.length ? heapExhaustedMessage(astro.code, astro.signal, budget) : null;
  if (message) console.error(`\n${message}\n`);
  process.exit(astro.code || 1);
}
// Steps 2 and 3 run in a fresh process: the Astro process has exited and given its memory back.
const finish = await runNode([path.join(ROOT, 'scripts/lib/finish-build.mjs'), outDir, ...(fullCheck ? ['--full-check'] : [])]);
process.exit(finish.code ?? 1);
