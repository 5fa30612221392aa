/**
 * Test helpers for building and serving the site: real `astro build` and `astro preview` in child
 * processes (on the Node that runs the tests), on fixture content chosen with MODUS_CONTENT_DIR.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
const BUILD = path.join(ROOT, 'scripts/build.mjs');
const ASTRO = path.join(ROOT, 'node_modules/astro/bin/astro.mjs');

/** Result of a command: exit code and combined output (ANSI colours removed). */
export interface RunResult {
  code: number;
  output: string;
}

/** Runs `node <args>` in the project root with extra env; resolves when it exits. */
export function runNode(args: string[], env: Record<string, string> = {}, timeoutMs = 600_000): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
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

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** A running server: its base URL (no trailing slash) and a stop function. */
export interface Served {
  url: string;
  stop(): Promise<void>;
}

/**
 * Serves `outDir` with `astro preview` on a free loopback port and waits until it answers with
 * this very build (the served home page must equal `outDir/index.html`, so a stale server on
 * the same port can never make a test pass).
 */
export async function preview(outDir: string, env: Record<string, string> = {}): Promise<Served> {
  const port = await freePort();
  // --ignore-lock: Astro 7 keeps one preview per project in .astro/preview.json; a stale lock whose pid
  // was reused by another astro process made the next test's preview refuse to start.
  const child = spawn(
    process.execPath,
    [ASTRO, 'preview', '--ignore-lock', '--host', '127.0.0.1', '--port', String(port), '--outDir', outDir],
    {
      cwd: ROOT,
      env: { ...process.env, FORCE_COLOR: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let log = '';
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  const url = `http://127.0.0.1:${port}`;
  const expected = fs.readFileSync(path.join(outDir, 'index.html'), 'utf8');
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`astro preview exited:\n${log}`);
    try {
      const body = await (await fetch(`${url}/`)).text();
      if (body !== expected) throw new Error(`server on port ${port} is not serving ${outDir}`);
      break;
    } catch (err) {
      if ((err as Error).message.startsWith('server on port')) throw err;
      if (Date.now() > deadline) throw new Error(`astro preview did not answer on ${url}:\n${log}`, { cause: err });
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('close', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Every file under `dir`, as paths relative to it. */
export function listFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.relative(dir, path.join(d.parentPath, d.name)));
}
