/**
 * The offline copy in Chromium (docs/offline.md), on the `basic` fixture built three times: A, then B (one
 * notice's text changed), then C (B with MODUS_OFFLINE=off), each served in turn on the same port by a small
 * static server this test starts and stops (a stopped server is a network that is down, whatever Chromium's
 * emulation covers). Save the whole knowledge base, go offline, open a notice (text, image and a banner
 * naming the build, in the page's language), search, open the offline page (it says saving needs the
 * network); serve B: pages say a newer build is published, and
 * "Update" brings B's text offline; remove the copy in one action; serve C: its sw.js removes a copy kept
 * earlier on the next visit.
 *
 * Prevents: a copy that does not open offline, images or search missing from it, a page that does not say
 * which build it is from, a reader never told of a newer build or unable to update, a removal that leaves
 * caches or the worker behind, an offline page that greys out its save button offline without saying why,
 * a shared terminal that keeps a copy after offline was turned off, and script
 * on content pages.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { astroBuild, listFiles, tempDir } from '../helpers/site.ts';
import { launch, type Session } from '../helpers/chromium.ts';
import { materialise, type Fixture } from '../helpers/fixtures.ts';
import { staticServer, type StaticServer } from '../helpers/static-server.ts';

const MARKER = 'Rewritten for the newer build: the lining was glued, not sewn.';
let fixture: Fixture;
const dist = { a: '', b: '', c: '' };
let server: StaticServer;
let browser: Session;
let tab: Page;
const buildId = (d: string) => (JSON.parse(fs.readFileSync(path.join(d, 'offline/build.json'), 'utf8')) as { id: string }).id;

beforeAll(async () => {
  fixture = await materialise('basic');
  for (const [key, env, edit] of [
    ['a', {}, false],
    ['b', {}, true],
    ['c', { MODUS_OFFLINE: 'off' }, true],
  ] as const) {
    if (edit) {
      const file = path.join(fixture.contentDir, 'notices/minimal/index.mdx');
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('The lining was cut and sewn back over flat packages.', MARKER));
    }
    dist[key] = tempDir(`dist-offline-${key}`);
    const r = await astroBuild(fixture.contentDir, dist[key], env);
    if (r.code !== 0) throw new Error(`fixture build ${key} failed:\n${r.output}`);
  }
  server = await staticServer(dist.a);
  browser = await launch();
  tab = await browser.newPage();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  fixture?.remove();
  for (const d of Object.values(dist)) if (d) fs.rmSync(d, { recursive: true, force: true });
});

/** Sets the browser and the server offline (server stopped) or online (serving `root`). */
async function network(online: boolean, root = dist.a): Promise<void> {
  if (online) await server.start(root);
  else await server.stop();
  await browser.context.setOffline(!online);
}

/** Opens the offline page, waits for the worker, clicks `button` and waits until the copy is saved. */
async function saveWith(button: string): Promise<void> {
  await tab.goto(`${server.url}/offline/`);
  await tab.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await tab.locator(`${button}:not([disabled])`).click();
  await tab.waitForFunction(() => document.getElementById('offline-progress')?.textContent?.startsWith('Saved'), null, { timeout: 60_000 });
}

const banner = () => tab.locator('.offline-banner').innerText();
const cachesAndWorkers = () =>
  tab.evaluate(async () => ({ caches: await caches.keys(), workers: (await navigator.serviceWorker.getRegistrations()).length }));

describe('offline copy', () => {
  it('content pages carry no <script>; the offline page loads its script from a file (none inline)', () => {
    const pages = listFiles(dist.a).filter((f) => f.endsWith('.html'));
    const scripted = (f: string) => /^(?:[a-z]{2}\/)?(?:search|offline)\//.test(f) || f.startsWith('admin/');
    const content = pages.filter((f) => !scripted(f));
    expect(content.length).toBeGreaterThan(50);
    expect(content.filter((f) => /<script/i.test(fs.readFileSync(path.join(dist.a, f), 'utf8')))).toEqual([]);
    for (const f of ['offline/index.html', 'ar/offline/index.html']) {
      const scripts = [...fs.readFileSync(path.join(dist.a, f), 'utf8').matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      expect(scripts.length, f).toBeGreaterThan(0);
      for (const s of scripts) expect(s, f).toMatch(/\ssrc="\/_astro\/[^"]+\.js"/);
    }
  });

  it('saves the whole knowledge base and says what the copy holds', async () => {
    await saveWith('#offline-save-all');
    const summary = await tab.locator('#offline-summary').innerText();
    expect(summary).toContain('the whole knowledge base: 6 notices');
    expect(summary).toContain(`build ${buildId(dist.a).slice(0, 12)}`);
    expect(await tab.locator('#offline-newer').innerText()).toBe('This copy is of the latest build.');
  });

  it('offline (server stopped): a notice opens from the copy with its image and a banner naming the build, in its language', async () => {
    await network(false);
    await tab.goto(`${server.url}/notices/sculptures/`);
    expect(await tab.locator('h1').innerText()).toBe('Methamphetamine inside animal sculptures');
    expect(await banner()).toBe(`Offline copy — build ${buildId(dist.a).slice(0, 12)} of ${new Date().toISOString().slice(0, 10)}.`);
    await tab.waitForFunction(() => [...document.querySelectorAll('main img')].some((i) => (i as HTMLImageElement).naturalWidth > 0));
    await tab.goto(`${server.url}/ar/notices/sculptures/`);
    expect(await banner()).toContain('نسخة دون اتصال');
    expect(await tab.locator('html').getAttribute('dir')).toBe('rtl');
  });

  it('offline: the offline page says saving needs the network, in its language, and offers no save button without a size', async () => {
    for (const [page, line] of [
      ['/offline/', 'You are offline: saving and updating need the network.'],
      ['/fr/offline/', 'Vous êtes hors ligne'],
    ] as const) {
      await tab.goto(`${server.url}${page}`);
      await tab.locator('#offline-no-network', { hasText: line }).waitFor({ timeout: 10_000 });
      expect(await tab.locator('#offline-save-all').isVisible()).toBe(false);
      await tab.locator('#offline-summary', { hasText: buildId(dist.a).slice(0, 12) }).waitFor({ timeout: 10_000 });
    }
  });

  it('offline: the search page finds a notice in the saved index', async () => {
    await tab.goto(`${server.url}/search/?q=sculptures`);
    const first = tab.locator('pagefind-results .pf-result a.pf-result-link').first();
    await first.waitFor({ timeout: 30_000 });
    expect(await first.innerText()).toBe('Methamphetamine inside animal sculptures');
  });

  it('a newer build published: pages say so, and "Update" brings its text offline', async () => {
    await network(true, dist.b);
    await tab.goto(`${server.url}/notices/gearbox/`);
    expect(await banner()).toContain('A newer build of this knowledge base is published.');
    await tab.locator('.offline-banner a').click();
    await tab.waitForURL(`${server.url}/offline/`);
    await tab.locator('#offline-update:visible').waitFor();
    expect(await tab.locator('#offline-newer').innerText()).toContain(`A newer build is published: build ${buildId(dist.b).slice(0, 12)}`);
    await saveWith('#offline-update');
    expect(await tab.locator('#offline-summary').innerText()).toContain(`build ${buildId(dist.b).slice(0, 12)}`);
    await network(false);
    await tab.goto(`${server.url}/notices/minimal/`);
    expect(await tab.locator('main').innerText()).toContain(MARKER);
    expect(await banner()).toContain(`build ${buildId(dist.b).slice(0, 12)}`);
  });

  it('"Remove the offline copy" leaves no cache and no service worker, in one action', async () => {
    await network(true, dist.b);
    await tab.goto(`${server.url}/offline/`);
    expect((await cachesAndWorkers()).caches.length).toBeGreaterThan(0);
    await tab.locator('#offline-remove').click();
    await tab.waitForFunction(
      () => document.getElementById('offline-progress')?.textContent === 'The offline copy is removed from this device.',
    );
    expect(await cachesAndWorkers()).toEqual({ caches: [], workers: 0 });
  });

  it('MODUS_OFFLINE=off: no offline page nor link, and its sw.js removes a copy saved earlier on the next visit', async () => {
    expect(fs.existsSync(path.join(dist.c, 'offline/index.html'))).toBe(false);
    expect(fs.existsSync(path.join(dist.c, 'offline/manifest.json'))).toBe(false);
    expect(fs.readFileSync(path.join(dist.c, 'notices/minimal/index.html'), 'utf8')).not.toContain('/offline/');
    await saveWith('#offline-save-all');
    expect((await cachesAndWorkers()).caches.length).toBeGreaterThan(0);
    await network(false);
    await network(true, dist.c);
    await tab.goto(`${server.url}/notices/minimal/`);
    await tab.waitForFunction(
      async () => (await caches.keys()).length === 0 && (await navigator.serviceWorker.getRegistrations()).length === 0,
      null,
      { timeout: 30_000, polling: 250 },
    );
  });
});
