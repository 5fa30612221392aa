/**
 * The CMS around the build: MODUS_ADMIN=off leaves /admin/ out; `npm run cms` (astro dev +
 * decap-server) serves the editor with live config; the servers refuse a taken port; the build
 * names both files of a duplicate id; a malformed Call-out fails with file:line:col and a hint.
 * Prevents: /admin/ shipped in a build meant to have none, `npm run cms` not serving a working editor,
 * a server started on a port another one holds, and CMS-written content refused without its place.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { launch, offMachine } from '../helpers/chromium.ts';
import { ROOT, astroBuild, astroSync, freePort, listFiles, tempDir } from '../helpers/site.ts';
import { copyFixture, openCms } from '../helpers/cms.ts';

const cleanup: string[] = [];
afterAll(() => {
  for (const d of cleanup) fs.rmSync(d, { recursive: true, force: true });
});
const fixture = () => {
  const f = copyFixture('cms');
  cleanup.push(f.dir);
  return f;
};

/** Runs a script in scripts/ with env; resolves with its output once `ready` appears (or it exits). */
function runScript(args: string[], env: Record<string, string>, ready: string) {
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, FORCE_COLOR: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const started = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out:\n${out}`)), 180_000);
    const check = () => out.includes(ready) && (clearTimeout(timer), resolve(out));
    child.stdout.on('data', check);
    child.stderr.on('data', check);
    child.once('exit', () => (clearTimeout(timer), resolve(out)));
  });
  const stop = () =>
    new Promise<number | null>((resolve) =>
      child.exitCode !== null ? resolve(child.exitCode) : (child.once('exit', resolve), child.kill('SIGTERM')),
    );
  return { child, started, stop, output: () => out };
}

describe('MODUS_ADMIN', () => {
  test('off: the build holds no /admin/ at all; on (default): the editor, its config and bundle', async () => {
    const { contentDir } = fixture();
    const off = tempDir('admin-off');
    const on = tempDir('admin-on');
    cleanup.push(off, on);
    const offBuild = await astroBuild(contentDir, off, { MODUS_ADMIN: 'off' });
    expect(offBuild.code, offBuild.output).toBe(0);
    expect(offBuild.output).toContain('MODUS_ADMIN=off: no /admin/ in this build');
    expect(listFiles(off).filter((f) => f.startsWith('admin') || /decap/i.test(f))).toEqual([]);
    expect(listFiles(off).some((f) => /AdminPage/.test(f))).toBe(false);

    const onBuild = await astroBuild(contentDir, on);
    expect(onBuild.code, onBuild.output).toBe(0);
    const admin = listFiles(on).filter((f) => f.startsWith('admin/'));
    expect(admin).toEqual(expect.arrayContaining(['admin/index.html', 'admin/config.yml', 'admin/decap-cms.js']));
    expect(admin.filter((f) => /^admin\/\d+\.decap-cms\.js$/.test(f)).length).toBeGreaterThan(50);
    expect(admin.some((f) => f.endsWith('.map'))).toBe(false);
    const html = fs.readFileSync(path.join(on, 'admin/index.html'), 'utf8');
    // The only script is the site's own module (it loads /admin/decap-cms.js into <body>); nothing from another host.
    expect(html.match(/<script[^>]*>/g)).toEqual([expect.stringMatching(/^<script type="module" src="\/_astro\/[^"]+\.js">$/)]);
    expect(html).not.toMatch(/https?:\/\//);
    const config = fs.readFileSync(path.join(on, 'admin/config.yml'), 'utf8');
    expect(config).toContain('folder: notices'); // outside git, decap-server serves the content folder itself
    expect(config).toContain('default: MO-');
  });
});

describe('npm run cms (astro dev + decap-server)', () => {
  test('serves the editor, a live config and the bundle, and reaches decap-server through /api/v1/', async () => {
    const { contentDir } = fixture();
    const port = await freePort();
    const cmsPort = await freePort();
    const cms = runScript(
      ['scripts/cms.mjs', '--port', String(port), '--cms-port', String(cmsPort)],
      { MODUS_CONTENT_DIR: contentDir },
      'Press Ctrl-C to stop.',
    );
    try {
      expect(await cms.started).toContain(`http://127.0.0.1:${port}/admin/`);
      const url = `http://127.0.0.1:${port}`;
      expect((await fetch(`${url}/admin/`)).status).toBe(200);
      const config = await fetch(`${url}/admin/config.yml`);
      expect(config.headers.get('content-type')).toMatch(/yaml/);
      expect(await config.text()).toContain('folder: notices');
      const bundle = await fetch(`${url}/admin/decap-cms.js`);
      expect(bundle.headers.get('content-type')).toMatch(/javascript/);
      const info: unknown = await (
        await fetch(`${url}/api/v1/`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"action":"info"}' })
      ).json();
      expect(info).toMatchObject({ type: 'local_fs' });

      const session = await launch();
      try {
        const page = await session.newPage();
        await openCms(page, url);
        await page.getByText('Methamphetamine inside resin animal statues').waitFor({ timeout: 60_000 });
        expect(offMachine(session.requests)).toEqual([]);
      } finally {
        await session.close();
      }
    } finally {
      expect(await cms.stop()).toBe(0);
    }
    // Ctrl-C stopped both servers: their ports are free again.
    for (const p of [port, cmsPort]) {
      await new Promise<void>((resolve, reject) => {
        const srv = net
          .createServer()
          .once('error', reject)
          .listen(p, '127.0.0.1', () => srv.close(() => resolve()));
      });
    }
  });

  test('a taken port is refused with a clear message, and nothing is left running', async () => {
    const { contentDir } = fixture();
    const blocker = net.createServer();
    const port = await new Promise<number>((resolve) =>
      blocker.listen(0, '127.0.0.1', () => resolve((blocker.address() as net.AddressInfo).port)),
    );
    // The other server of each command gets a free port, so only the taken one can be refused.
    const free = await freePort();
    try {
      const cms = runScript(
        ['scripts/cms.mjs', '--port', String(free), '--cms-port', String(port)],
        { MODUS_CONTENT_DIR: contentDir },
        'never',
      );
      const out = await cms.started;
      expect(out).toContain(`Port ${port} on 127.0.0.1 is already in use, so decap-server cannot start.`);
      expect(cms.child.exitCode).toBe(1);
      // npm start checks its ports before building (a build takes minutes on a large collection).
      const start = runScript(
        ['scripts/start.mjs', '--port', String(port), '--cms-port', String(free), '--out-dir', tempDir('start-taken')],
        { MODUS_CONTENT_DIR: contentDir },
        'never',
      );
      const startOut = await start.started;
      expect(startOut).toContain(`Port ${port} on 127.0.0.1 is already in use, so the site server cannot start.`);
      expect(startOut).not.toContain('Building the site');
      expect(start.child.exitCode).toBe(1);
    } finally {
      blocker.close();
    }
  });
});

describe('what the build refuses, and how it says so', () => {
  test('two notices with the same id: both files are named', async () => {
    const { contentDir } = fixture();
    const file = path.join(contentDir, 'notices/cocaine-in-sea-chest/index.mdx');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('id: MO-2025-0002', 'id: MO-2025-0001'));
    const sync = await astroSync(contentDir);
    expect(sync.code).not.toBe(0);
    const line = sync.output.split('\n').find((l) => l.includes('Duplicate id MO-2025-0001'));
    expect(line).toBeDefined();
    // The message sits under one file and names the other.
    const named = ['cocaine-in-sea-chest', 'meth-in-resin-statues'].filter((slug) => line!.includes(`notices/${slug}/index.mdx`));
    expect(named).toHaveLength(1);
    const other = named[0] === 'cocaine-in-sea-chest' ? 'meth-in-resin-statues' : 'cocaine-in-sea-chest';
    expect(sync.output).toMatch(new RegExp(`notices/${other}/index\\.mdx\\n\\s+id: Duplicate id MO-2025-0001`));
  });

  test('a Call-out of an unknown kind: in the content report with file:line:col and a hint, nothing built', async () => {
    const { contentDir } = fixture();
    const file = path.join(contentDir, 'notices/meth-in-resin-statues/index.mdx');
    const text = fs.readFileSync(file, 'utf8').replace('<Callout type="warning" title="Safety">', '<Callout type="danger" title="Safety">');
    fs.writeFileSync(file, text);
    const line = text.split('\n').findIndex((l) => l.startsWith('<Callout')) + 1;
    const out = tempDir('bad-callout');
    cleanup.push(out);
    const build = await astroBuild(contentDir, out);
    expect(build.code).not.toBe(0);
    expect(build.output).toContain('1 problem in the content; nothing was built:');
    expect(build.output).toContain(
      `notices/meth-in-resin-statues/index.mdx:${line}:1 body: Callout type "danger" is not one of indicator, warning, note. Hint: in the CMS, open the call-out and choose its kind`,
    );
  });
});
