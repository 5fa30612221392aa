/**
 * Debian's nginx for the tests (tests/site/nginx.test.ts): a built dist/ served with the
 * `nginx-modus.conf` the build wrote, by an nginx running as the test's own user on a free loopback
 * port, with every file it writes (pid, logs, temp folders) in a temporary folder.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { freePort, tempDir, type Served } from './site.ts';

/** The nginx binary: $NGINX_PATH, or Debian's /usr/sbin/nginx (not on a non-root user's PATH). */
export const NGINX_PATH = process.env.NGINX_PATH || '/usr/sbin/nginx';

/** Throws with the install command when nginx is missing (the test fails; it never skips). */
export function requireNginx(): void {
  if (!fs.existsSync(NGINX_PATH))
    throw new Error(`nginx not found at ${NGINX_PATH} (or set NGINX_PATH): install it with "apt-get install -y nginx" (see .ci/run).`);
}

/**
 * A whole nginx.conf serving `root` on 127.0.0.1:`port` with `include` (a build's nginx-modus.conf),
 * writing only into `prefix`. As root (a CI container) the workers stay root, so they can read the
 * test's private temporary folders; as any other user nginx runs as that user.
 */
export function nginxConf(prefix: string, server: { port: number; root: string; include: string }): string {
  const p = (name: string) => path.join(prefix, name);
  return [
    'daemon off;',
    'worker_processes 1;',
    ...(process.getuid?.() === 0 ? ['user root;'] : []),
    `pid ${p('nginx.pid')};`,
    `error_log ${p('error.log')} warn;`,
    'events { worker_connections 64; }',
    'http {',
    '    include /etc/nginx/mime.types;',
    `    access_log ${p('access.log')};`,
    ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `    ${t}_temp_path ${p(`${t}_temp`)};`),
    '    server {',
    `        listen 127.0.0.1:${server.port};`,
    `        root ${server.root};`,
    `        include ${server.include};`,
    '    }',
    '}',
    '',
  ].join('\n');
}

/** `nginx -t` of a snippet (included into nginxConf's server block): its exit code and output. */
export function nginxSyntax(snippet: string): { code: number; output: string } {
  requireNginx();
  const prefix = tempDir('nginx-t');
  try {
    fs.writeFileSync(path.join(prefix, 'modus.conf'), snippet);
    const conf = path.join(prefix, 'nginx.conf');
    fs.writeFileSync(conf, nginxConf(prefix, { port: 1, root: prefix, include: path.join(prefix, 'modus.conf') }));
    const r = spawnSync(NGINX_PATH, ['-t', '-e', 'stderr', '-p', prefix, '-c', conf], { encoding: 'utf8' });
    return { code: r.status ?? 1, output: `${r.stdout}${r.stderr}` };
  } finally {
    fs.rmSync(prefix, { recursive: true, force: true });
  }
}

/**
 * Serves `dist` with nginx and the snippet `include` (default: the build's own `dist/nginx-modus.conf`)
 * at `base` (default `/`; another base is served from a root in which `<root><base>` links to dist/).
 * Waits until `<base>` answers with dist/index.html. Throws with nginx's output when it does not start
 * within 15 s. `stop()` ends this nginx and removes its folder.
 */
export async function serveNginx(dist: string, options: { base?: string; include?: string } = {}): Promise<Served> {
  requireNginx();
  const base = options.base ?? '/';
  const prefix = tempDir('nginx');
  let root = dist;
  if (base !== '/') {
    root = path.join(prefix, 'root');
    const at = path.join(root, base);
    fs.mkdirSync(path.dirname(at.replace(/\/$/, '')), { recursive: true });
    fs.symlinkSync(dist, at.replace(/\/$/, ''));
  }
  const port = await freePort();
  const conf = path.join(prefix, 'nginx.conf');
  fs.writeFileSync(conf, nginxConf(prefix, { port, root, include: options.include ?? path.join(dist, 'nginx-modus.conf') }));
  const child = spawn(NGINX_PATH, ['-e', 'stderr', '-p', prefix, '-c', conf], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  const url = `http://127.0.0.1:${port}`;
  const expected = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    fs.rmSync(prefix, { recursive: true, force: true });
  };
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) {
      const errors = fs.existsSync(path.join(prefix, 'error.log')) ? fs.readFileSync(path.join(prefix, 'error.log'), 'utf8') : '';
      await stop();
      throw new Error(`nginx exited (${child.exitCode}):\n${log}${errors}`);
    }
    try {
      if ((await (await fetch(`${url}${base}`)).text()) === expected) return { url, base, stop };
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`nginx did not serve ${dist} at ${url}${base} within 15 s:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
