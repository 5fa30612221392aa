// The processes behind `npm start` and `npm run cms`, started in one place: the static site
// (astro preview), the dev site (astro dev), decap-server, and `astro build`. Every server binds to
// 127.0.0.1, refuses a port that is already taken, and is stopped with the others (Ctrl-C).
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cmsPaths } from '../../src/cms/node/paths.ts';

export const ROOT = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
const ASTRO = path.join(ROOT, 'node_modules/astro/bin/astro.mjs');
const BUILD = path.join(ROOT, 'scripts/build.mjs');
const DECAP_SERVER = path.join(ROOT, 'node_modules/decap-server/dist/index.js');
export const HOST = '127.0.0.1';

/** Resolves when nothing listens on HOST:port; rejects with an editor-readable message otherwise. */
export function assertPortFree(port, what) {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', () =>
      reject(
        new Error(
          `Port ${port} on ${HOST} is already in use, so ${what} cannot start. Stop the other server, or choose another port (see --help).`,
        ),
      ),
    );
    srv.listen(port, HOST, () => srv.close(() => resolve()));
  });
}

/** Polls `check` until it resolves true, or throws after `ms` naming `what` (with the log so far). */
async function waitFor(check, what, child, log, ms = 60_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${what} exited (code ${child.exitCode}):\n${log()}`);
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`${what} did not answer within ${ms / 1000} s:\n${log()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function run(args, env, { inherit = false, cwd = ROOT } = {}) {
  const childEnv = { ...process.env, ...env };
  // A test runner's flags must not leak into the servers: with VITEST set, astro dev skips
  // injected routes (/admin/ answers 404).
  for (const key of Object.keys(childEnv)) if (key.startsWith('VITEST')) delete childEnv[key];
  const child = spawn(process.execPath, args, {
    cwd,
    env: childEnv,
    stdio: inherit ? 'inherit' : ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  if (!inherit) {
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
  }
  return { child, log: () => out.slice(-4000) };
}

/** Runs `npm run build` (scripts/build.mjs: site, /admin/, search index, dist check) into `outDir`; resolves on success, rejects otherwise. */
export function build({ outDir, env = {}, inherit = true }) {
  return new Promise((resolve, reject) => {
    const { child, log } = run([BUILD, '--outDir', outDir], { MODE: '', NODE_ENV: 'production', ...env }, { inherit });
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`The build failed (exit code ${code}).${inherit ? '' : `\n${log()}`}`)),
    );
  });
}

/**
 * Checks what decap-server needs in `mode` for `contentDir`, before anything is built or started:
 * git mode needs a git repository and a clean checkout. Throws with what to do.
 */
export function assertCmsBackendReady(contentDir, mode) {
  const { root } = cmsPaths(contentDir);
  if (mode !== 'git') return;
  if (!fs.existsSync(path.join(root, '.git'))) {
    throw new Error(
      `The editorial workflow needs the content in a git repository, but ${contentDir} is not in one. Use "git init" there, or start without --workflow.`,
    );
  }
  // decap-server switches branches in this checkout for every draft (uncommitted changes make its
  // saves fail) and commits with `git add .` (an untracked file, say an original evidence photo,
  // would be committed and published with the next entry).
  const changed = execFileSync('git', ['status', '--porcelain', '--untracked-files=all'], { cwd: root, encoding: 'utf8' }).trim();
  if (changed) {
    const files = changed
      .split('\n')
      .slice(0, 10)
      .map((l) => `  ${l}`)
      .join('\n');
    throw new Error(
      `The editorial workflow switches git branches in ${root} and commits every file in it, so it needs a clean checkout. ` +
        `Commit, remove or git-ignore these files first (git stash -u keeps them aside), then start again:\n${files}`,
    );
  }
}

/**
 * Starts decap-server on HOST:port for the content folder `contentDir` (MODUS_CONTENT_DIR):
 * `mode` "fs" writes straight into the folder; "git" commits, and supports the editorial workflow
 * (draft → in review → ready → published as branches of the repository holding the content).
 */
export async function startDecapServer({ port, contentDir, mode = 'fs', env = {}, inherit = false }) {
  const { root } = cmsPaths(contentDir);
  assertCmsBackendReady(contentDir, mode);
  await assertPortFree(port, 'decap-server');
  // MODE is set explicitly: test runners set MODE=test, which decap-server refuses.
  const { child, log } = run(
    [DECAP_SERVER],
    { ...env, PORT: String(port), BIND_HOST: HOST, MODE: mode, GIT_REPO_DIRECTORY: root, LOG_LEVEL: env.LOG_LEVEL ?? 'warn' },
    { inherit },
  );
  const url = `http://${HOST}:${port}/api/v1`;
  await waitFor(
    async () => {
      const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"action":"info"}' });
      return res.ok;
    },
    'decap-server',
    child,
    log,
  );
  return { child, url, root, log, stop: () => stop(child) };
}

/**
 * Serves the site on HOST:port: the built `outDir` with `astro preview`, or the sources with
 * `astro dev` (live reload). `<base>api/v1` is forwarded to decap-server on `cmsPort`.
 * @param {{ port: number, cmsPort: number, outDir?: string, dev?: boolean, env?: Record<string, string>, inherit?: boolean, base?: string }} options
 *   `outDir` is needed unless `dev`; `base` is the path the site is served under (Settings `base`, default `/`):
 *   the server is ready when its home page there answers.
 */
export async function startSite({ port, cmsPort, outDir, dev = false, env = {}, inherit = false, base = '/' }) {
  await assertPortFree(port, dev ? 'astro dev' : 'the site server');
  const args = dev
    ? [ASTRO, 'dev', '--host', HOST, '--port', String(port)]
    : // --ignore-lock: Astro keeps one preview per project (.astro/preview.json); previews side by side are each on their own port.
      [ASTRO, 'preview', '--host', HOST, '--port', String(port), '--outDir', outDir, '--ignore-lock'];
  const { child, log } = run(
    args,
    { MODUS_CMS_PORT: String(cmsPort), MODE: '', NODE_ENV: dev ? 'development' : 'production', ...env },
    { inherit },
  );
  const url = `http://${HOST}:${port}`;
  await waitFor(
    async () => (await fetch(`${url}${base}`)).status < 500,
    dev ? 'astro dev' : 'astro preview',
    child,
    log,
    dev ? 120_000 : 60_000,
  );
  return { child, url, log, stop: () => stop(child) };
}

/** Stops a child process (SIGTERM, then SIGKILL after 5 s); resolves when it has exited. */
export function stop(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * Keeps the given servers running until Ctrl-C (SIGINT/SIGTERM) or until one of them exits, then
 * stops all of them. Resolves with the exit code to use.
 */
export function runUntilStopped(servers) {
  return new Promise((resolve) => {
    let stopping = false;
    const stopAll = async (code) => {
      if (stopping) return;
      stopping = true;
      await Promise.all(servers.map((s) => s.stop()));
      resolve(code);
    };
    for (const sig of ['SIGINT', 'SIGTERM']) process.once(sig, () => void stopAll(0));
    for (const s of servers) {
      s.child.once('exit', (code) => {
        if (!stopping) {
          console.error(`A server stopped unexpectedly (exit code ${code}); stopping the others.${s.log ? `\n${s.log()}` : ''}`);
          void stopAll(1);
        }
      });
    }
  });
}
