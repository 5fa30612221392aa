/**
 * A build for a site published under a path (MODUS_SITE_URL=http://127.0.0.1:<port>/any/path, written
 * without the trailing slash), served by `astro preview` under that path and visited in Chromium: home,
 * a notice (and in Arabic), browse, a course and its handout, the search (a result clicked, its thumbnail
 * shown), the /id/ and former-slug redirects, the 404 page, the feed, the JSON exports and the CMS.
 * Every request the browser makes is recorded.
 * Prevents: a page, stylesheet, font, image variant, search bundle, index or result, redirect, export or
 * CMS file addressed at the root of the host (`/…`) instead of under the site's path, which on an intranet
 * portal is another application's address or a 404; and absolute addresses in feeds and exports that
 * lose the path (or carry it twice).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { astroBuild, freePort, listFiles, preview, tempDir, type Served } from '../helpers/site.ts';
import { launch, offMachine, type Session } from '../helpers/chromium.ts';
import { materialise, type Fixture } from '../helpers/fixtures.ts';

const BASE = '/any/path/';
const NOTICE = {
  slug: 'resin-sculptures',
  id: 'MO-2030-0001',
  formerSlug: 'meth-in-statues',
  title: 'Methamphetamine cast inside hollow resin sculptures',
};
const COURSE = 'manufactured-goods';

let fixture: Fixture;
let root: string;
let dist: string;
let served: Served;
let session: Session;
let decap: { stop(): Promise<unknown> } | undefined;
let cmsPort: number;
let page: Page;
let origin: string;
/** The address the build was made for (MODUS_SITE_URL). */
let site: string;
/** Every response the browser got: its address and status. */
const responses: Array<{ url: string; status: number }> = [];
/** Requests that got no response at all (refused, aborted). */
const failed: string[] = [];

beforeAll(async () => {
  fixture = await materialise('courses');
  root = tempDir('base-path');
  dist = path.join(root, 'dist');
  // The port is part of the address only: the build must not depend on it (the server picks its own).
  site = `http://127.0.0.1:${await freePort()}/any/path`;
  const r = await astroBuild(fixture.contentDir, dist, { MODUS_SITE_URL: site });
  if (r.code !== 0) throw new Error(`fixture build failed:\n${r.output}`);
  // The preview server reads the same setting (its Astro base) and forwards <base>api/v1 to decap-server
  // (astro.config.mjs), which serves the fixture's content folder as `npm start` runs it.
  cmsPort = await freePort();
  const { startDecapServer } = await import('../../scripts/lib/servers.mjs');
  decap = await startDecapServer({ port: cmsPort, contentDir: fixture.contentDir, mode: 'fs' });
  served = await preview(dist, { MODUS_SITE_URL: site, MODUS_CMS_PORT: String(cmsPort) }, { base: BASE });
  origin = served.url;
  session = await launch();
  page = await session.newPage();
  session.context.on('response', (res) => responses.push({ url: res.url(), status: res.status() }));
  session.context.on('requestfailed', (req) => failed.push(`${req.url()} (${req.failure()?.errorText ?? 'failed'})`));
}, 600_000);

afterAll(async () => {
  await session?.close();
  await served?.stop();
  await decap?.stop();
  fixture?.remove();
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

const at = (p: string) => `${origin}${BASE}${p.replace(/^\//, '')}`;
const pathname = (u: string) => new URL(u).pathname;

describe('a build served under /any/path/', () => {
  it('dist/ keeps its layout: the home page is dist/index.html', () => {
    expect(fs.existsSync(path.join(dist, 'index.html'))).toBe(true);
    expect(fs.existsSync(path.join(dist, 'any'))).toBe(false);
    expect(fs.existsSync(path.join(dist, `notices/${NOTICE.slug}/index.html`))).toBe(true);
  });

  it('no page, stylesheet or script of dist/ names an address at the root of the host', () => {
    const offenders: string[] = [];
    for (const rel of listFiles(dist).filter(
      (f) => /\.(html|css|js|xml|json|yml)$/.test(f) && !f.startsWith('admin/') && !f.startsWith('pagefind/'),
    )) {
      const text = fs.readFileSync(path.join(dist, rel), 'utf8');
      for (const m of text.matchAll(/(?:href="|src="|action="|url\(['"]?|content="0;url=)\/(?!\/)(?!any\/path\/)[^"')\s]*/g))
        offenders.push(`${rel}: ${m[0]}`);
    }
    // The CMS page and its generated config are checked too (Decap's own bundle is third-party code).
    for (const rel of ['admin/index.html', 'admin/config.yml']) {
      const text = fs.readFileSync(path.join(dist, rel), 'utf8');
      for (const m of text.matchAll(/(?:href="|src="|_url: |_folder: )\/(?!any\/path\/)[^"\s]*/g)) offenders.push(`${rel}: ${m[0]}`);
    }
    expect(offenders).toEqual([]);
  });

  it('home, notice (English and Arabic), browse, course and handout open with their styles and images', async () => {
    for (const p of [
      '',
      `notices/${NOTICE.slug}/`,
      `ar/notices/${NOTICE.slug}/`,
      'browse/',
      `browse/commodity/`,
      `courses/${COURSE}/`,
      `courses/${COURSE}/handout/`,
    ]) {
      const res = await page.goto(at(p), { waitUntil: 'networkidle' });
      expect(res?.status(), p).toBe(200);
      // The site's stylesheet applied (a page without it would use the browser's default serif font).
      expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily), p).not.toMatch(/^"?Times/);
      // Every image shown loaded (the variants are under the path).
      const broken = await page.$$eval('img', (imgs) => imgs.filter((i) => i.complete && i.naturalWidth === 0).map((i) => i.src));
      expect(broken, p).toEqual([]);
    }
    await page.goto(at(`notices/${NOTICE.slug}/`), { waitUntil: 'networkidle' });
    expect(await page.locator('h1').first().textContent()).toContain(NOTICE.title);
    const images = await page.$$eval('img', (imgs) => imgs.map((i) => ({ src: i.currentSrc, w: i.naturalWidth })));
    expect(images.length).toBeGreaterThan(0);
    for (const img of images) expect(pathname(img.src)).toMatch(/^\/any\/path\/_img\//);
    // The language switcher and the alternates point at the same page under the path.
    const alternates = await page.$$eval('link[rel="alternate"][hreflang]', (ls) => ls.map((l) => (l as HTMLLinkElement).href));
    expect(alternates.map(pathname)).toContain(`/any/path/ar/notices/${NOTICE.slug}/`);
    await page.click(`.lang-switch a[hreflang="ar"]`);
    await page.waitForLoadState('networkidle');
    expect(pathname(page.url())).toBe(`/any/path/ar/notices/${NOTICE.slug}/`);
    // The handout's printed permalink is the full address, path included.
    await page.goto(at(`courses/${COURSE}/handout/`), { waitUntil: 'networkidle' });
    expect(await page.content()).toContain(`${site}/id/${NOTICE.id}/`);
  });

  it('the header search form leads to the search page, whose result links and thumbnails are under the path', async () => {
    await page.goto(at(''), { waitUntil: 'networkidle' });
    await page.fill('.site-search input[name="q"]', 'sculptures');
    await Promise.all([page.waitForURL(/\/search\/\?q=/), page.press('.site-search input[name="q"]', 'Enter')]);
    expect(pathname(page.url())).toBe('/any/path/search/');
    const link = page.locator('pagefind-results a.pf-result-link').first();
    await link.waitFor({ timeout: 15_000 });
    await page.waitForFunction(() => !document.querySelector('pagefind-results a.pf-result-link')?.getAttribute('href')?.includes('{{'));
    const thumb = page.locator('pagefind-results img.result__img').first();
    await thumb.waitFor({ timeout: 15_000 });
    await page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('pagefind-results img.result__img');
      return !!img && img.complete && img.naturalWidth > 0;
    });
    expect(pathname(await thumb.evaluate((i: HTMLImageElement) => i.currentSrc))).toMatch(/^\/any\/path\/_img\/[0-9a-f]{20}-\d+\.webp$/);
    expect(await link.textContent()).toContain(NOTICE.title);
    await Promise.all([page.waitForURL(`**/notices/${NOTICE.slug}/`), link.click()]);
    expect(pathname(page.url())).toBe(`/any/path/notices/${NOTICE.slug}/`);
  });

  it('the /id/ and former-slug redirects land on the notice under the path; a missing page gets the 404 page', async () => {
    for (const p of [`id/${NOTICE.id}/`, `notices/${NOTICE.formerSlug}/`]) {
      await page.goto(at(p), { waitUntil: 'networkidle' });
      await page.waitForURL(`**/notices/${NOTICE.slug}/`);
      expect(pathname(page.url()), p).toBe(`/any/path/notices/${NOTICE.slug}/`);
    }
    const res = await page.goto(at('no-such-page/'), { waitUntil: 'networkidle' });
    expect(res?.status()).toBe(404);
    // The 404 page's own links and styles are under the path (its home link leads back into the site).
    expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).not.toMatch(/^"?Times/);
    const links = await page.$$eval('a[href]', (as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(links.length).toBeGreaterThan(0);
    for (const l of links.filter((h) => h.startsWith('http'))) expect(pathname(l), l).toMatch(/^\/any\/path\//);
  });

  it('the feed and the JSON exports give absolute addresses with the path, once', async () => {
    const feed = await (await page.goto(at('feed.xml')))!.text();
    const links = [...feed.matchAll(/<link>([^<]+)<\/link>/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(1);
    for (const l of links) expect(new URL(l).pathname, l).toMatch(/^\/any\/path\//);
    expect(feed).not.toContain('/any/path/any/path/');
    const index = JSON.parse(await (await page.goto(at('data/index.json')))!.text()) as Record<string, unknown>;
    const notice = JSON.parse(await (await page.goto(at(`data/notices/${NOTICE.id}.json`)))!.text()) as {
      urls: Record<string, string>;
      $schema: string;
    };
    const urls = [...JSON.stringify(index).matchAll(/"(https?:\/\/[^"]+)"/g)].map((m) => m[1]!);
    urls.push(...Object.values(notice.urls), notice.$schema);
    expect(urls.length).toBeGreaterThan(5);
    // Each is the site's address itself (`site`, no trailing slash) or an address under it, with the path once.
    for (const u of urls.filter((x) => new URL(x).origin === new URL(site).origin && x !== site))
      expect(new URL(u).pathname, u).toMatch(/^\/any\/path\/(?!any\/)/);
    expect(pathname(notice.urls.page!)).toBe(`/any/path/notices/${NOTICE.slug}/`);
    expect(pathname(notice.urls.permanent!)).toBe(`/any/path/id/${NOTICE.id}/`);
    // Each address the index names is served.
    const document = urls.find((u) => u.endsWith(`/data/notices/${NOTICE.id}.json`))!;
    expect((await page.goto(at(pathname(document).slice(BASE.length))))?.status()).toBe(200);
  });

  it('the CMS loads its config and its bundle from under the path, and lists the notices decap-server serves through <path>api/v1/', async () => {
    await page.goto(at('admin/'));
    // The local backend needs no credentials: Decap shows its login button, then the notices decap-server lists.
    const login = page.getByRole('button', { name: /login/i });
    const inside = page.getByText(/Writing in Notices collection|Collections/).first();
    await login.or(inside).first().waitFor({ timeout: 60_000 });
    if (await login.isVisible()) await login.click();
    await inside.waitFor({ timeout: 60_000 });
    await page.getByText(NOTICE.title).first().waitFor({ timeout: 30_000 });
    const seen = responses.map((r) => pathname(r.url));
    expect(seen).toContain('/any/path/admin/config.yml');
    expect(seen).toContain('/any/path/admin/decap-cms.js');
    expect(seen).toContain('/any/path/api/v1/');
  });

  it('every request the browser made stayed under /any/path/ and none failed', () => {
    expect(responses.length).toBeGreaterThan(40);
    expect(offMachine(session.requests)).toEqual([]);
    const http = responses.filter((r) => r.url.startsWith('http'));
    // Chromium itself asks for /favicon.ico at the host's root when it shows an XML document (the feed):
    // the browser's request, not one the site makes (every page names its icon under the path).
    const outside = http.filter((r) => !pathname(r.url).startsWith(BASE) && pathname(r.url) !== '/favicon.ico');
    expect(outside.map((r) => r.url)).toEqual([]);
    // The page that does not exist is the one 404.
    const bad = http.filter((r) => r.status >= 400 && pathname(r.url) !== '/favicon.ico');
    expect(bad.map((r) => `${r.status} ${pathname(r.url)}`)).toEqual([`404 /any/path/no-such-page/`]);
    expect(failed).toEqual([]);
  });
});

describe('astro dev (npm run cms) for a site under /any/path/', () => {
  // Prevents: the editor's live server answering only at the root (its config, Decap's bundle, the image
  // variants or the proxy to decap-server missing under the path), so editing breaks once the setting has a path.
  it('serves the pages, the CMS config and bundle, the image variants and the proxy to decap-server under the path', async () => {
    const { startSite } = await import('../../scripts/lib/servers.mjs');
    const port = await freePort();
    const dev = await startSite({
      port,
      cmsPort,
      dev: true,
      base: BASE,
      env: { MODUS_CONTENT_DIR: fixture.contentDir, MODUS_SITE_URL: `http://127.0.0.1:${port}/any/path` },
    });
    try {
      const url = (p: string) => `http://127.0.0.1:${port}${BASE}${p}`;
      const notice = await fetch(url(`notices/${NOTICE.slug}/`));
      expect(notice.status).toBe(200);
      const variant = /\/any\/path\/_img\/[0-9a-f]{20}-\d+\.(?:webp|avif)/.exec(await notice.text())?.[0];
      expect(variant).toBeDefined();
      expect((await fetch(`http://127.0.0.1:${port}${variant}`)).status).toBe(200);
      const config = await fetch(url('admin/config.yml'));
      expect(config.status).toBe(200);
      expect(await config.text()).toContain('proxy_url: /any/path/api/v1/');
      expect((await fetch(url('admin/decap-cms.js'))).status).toBe(200);
      // decap-server (started above for the preview) answers through the dev server's proxy.
      const info = await fetch(url('api/v1/'), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{"action":"info"}',
      });
      expect(((await info.json()) as { type?: string }).type).toBe('local_fs');
    } finally {
      await dev.stop();
    }
  }, 180_000);
});
