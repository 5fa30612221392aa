/**
 * Test helpers for building and serving the site: real `astro build` and `astro preview` in child
 * processes (on the Node that runs the tests), on fixture content chosen with MODUS_CONTENT_DIR.
 * Serving (preview, freePort) is the project's own (scripts/lib/preview.ts, shared with the benchmark).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
const BUILD = path.join(ROOT, 'scripts/build.mjs');
const ASTRO = path.join(ROOT, 'node_modules/astro/bin/astro.mjs');

export { freePort, preview, type Served } from '../../scripts/lib/preview.ts';

/** Result of a command: exit code and combined output (ANSI colours removed). */
export interface RunResult {
  code: number;
  output: string;
}

/** Runs `node <args>` in the project root (or in `cwd`) with extra env; resolves when it exits. */
export function runNode(args: string[], env: Record<string, string> = {}, timeoutMs = 600_000, cwd = ROOT): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd,
      env: { ...process.env, MODE: '', NODE_ENV: 'production', FORCE_COLOR: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`timed out: node ${args.join(' ')}\n${output}`));
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      // eslint-disable-next-line no-control-regex
      resolve({ code: code ?? 1, output: output.replace(/\u001b\[[0-9;]*m/g, '') });
    });
  });
}

/** A fresh temporary folder under the OS temp dir. */
export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `modus-${prefix}-`));
}

/**
 * Builds the site from `contentDir` into `outDir` as `npm run build` does (scripts/build.mjs: `astro
 * build`, then the search index and the dist check). `env` adds settings such as MODUS_AUDIENCE.
 */
export function astroBuild(contentDir: string, outDir: string, env: Record<string, string> = {}): Promise<RunResult> {
  return runNode([BUILD, '--outDir', outDir], { MODUS_CONTENT_DIR: contentDir, ...env });
}

/** Runs `astro sync` on `contentDir`: loads and validates the content without building pages. */
export function astroSync(contentDir: string, env: Record<string, string> = {}): Promise<RunResult> {
  return runNode([ASTRO, 'sync'], { MODUS_CONTENT_DIR: contentDir, ...env });
}

/** Every file under `dir`, as paths relative to it. */
export function listFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.relative(dir, path.join(d.parentPath, d.name)));
}
