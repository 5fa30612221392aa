/**
 * Serving a built site with the project's preview server (`astro preview`) on a free loopback port,
 * for the benchmark's first-search measurement (scripts/bench.mjs) and for the tests that open built
 * pages.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** A free TCP port on 127.0.0.1 (the OS picks one; it is released before this resolves). */
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

/** A running server: its origin (`url`, no trailing slash), the path the site is served under (`base`) and a stop function. */
export interface Served {
  url: string;
  /** The site's base path: `/`, or `/any/path/` for a build made with MODUS_SITE_URL=http://host/any/path; the home page is at `${url}${base}`. */
  base: string;
  stop(): Promise<void>;
}

/**
 * Serves `outDir` with `astro preview` on a free loopback port and waits until it answers with
 * this very build (the served home page must equal `outDir/index.html`, so a stale server on
 * the same port can never be measured or tested). `env` is added to the server's environment.
 * `project` serves with the `astro` of another Astro project (`root`, and its `config` file), such as
 * the benchmark's peer; by default this project's. `project.base` is the path the build is served
 * under (a build made with MODUS_SITE_URL=http://host/any/path: `/any/path/`, the default `/`); give the
 * server the same MODUS_SITE_URL in `env`, as its configuration reads it. The home page is awaited there.
 * Throws when the server exits, serves another build, or does not answer within 30 s.
 */
export async function preview(
  outDir: string,
  env: Record<string, string> = {},
  project: { root?: string; config?: string; base?: string } = {},
): Promise<Served> {
  const root = project.root ?? ROOT;
  const base = project.base ?? '/';
  const port = await freePort();
  // --ignore-lock: Astro 7 keeps one preview per project in .astro/preview.json; a stale lock whose pid
  // was reused by another astro process made the next test's preview refuse to start.
  const child = spawn(
    process.execPath,
    [
      path.join(root, 'node_modules/astro/bin/astro.mjs'),
      'preview',
      '--ignore-lock',
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--outDir',
      outDir,
      ...(project.config ? ['--config', project.config] : []),
    ],
    {
      cwd: root,
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
      const body = await (await fetch(`${url}${base}`)).text();
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
    base,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('close', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
