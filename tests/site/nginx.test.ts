/**
 * A build served by Debian's nginx with the configuration the build wrote (dist/nginx-modus.conf),
 * nginx running unprivileged on a free loopback port (tests/helpers/nginx.ts).
 * Prevents: a response (page, file, 404, redirect) without the security headers or with another page
 * type's policy; a page or an un-hashed file cached for a year (readers kept on an old build) or a
 * content-addressed one re-downloaded on every visit; text sent uncompressed over a slow link;
 * Pagefind's files, CSV or feeds served with a type the browser mishandles; the headers files served
 * to readers; a notice page or the search broken under the served headers; /admin/ served by a build
 * without the CMS; and a snippet nginx refuses, or a build published under a path whose pages, styles,
 * image variants, search or 404 page ask nginx for an address outside that path (or get no headers).
 * Two builds of the `basic` fixture: at the root with the CMS (the default); and without the CMS
 * (MODUS_ADMIN=off) for MODUS_SITE_URL=http://127.0.0.1:<port>/any/path, served under /any/path/ with
 * the snippet that build wrote.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { astroBuild, freePort, tempDir, type Served } from '../helpers/site.ts';
import { materialise, type Fixture } from '../helpers/fixtures.ts';
import { launch, offMachine, type Session } from '../helpers/chromium.ts';
import { nginxSyntax, serveNginx } from '../helpers/nginx.ts';
import { COMMON_HEADERS, cspHeader, type PageType } from '../../src/render/csp.ts';
import { CACHE_IMMUTABLE, CACHE_REVALIDATE, nginxHeaders } from '../../src/render/headers/nginx.ts';

let fixture: Fixture;
let out: string;
const dist = { on: '', off: '' };
let served: Served;
/** The build without the CMS, published under a path: nginx's root holds any/path → that dist/. */
let servedOff: Served;
let session: Session;
/** Where the MODUS_ADMIN=off build is published: its base, and its address there (no trailing slash). */
const BASE = '/any/path/';
let offUrl: string;

beforeAll(async () => {
  fixture = await materialise('basic');
  out = tempDir('nginx-dist');
  // The port is part of the address only (feeds, exports): nginx picks its own, the pages do not depend on it.
  const site = `http://127.0.0.1:${await freePort()}/any/path`;
  for (const admin of ['on', 'off'] as const) {
    dist[admin] = path.join(out, admin);
    const r = await astroBuild(fixture.contentDir, dist[admin], admin === 'off' ? { MODUS_ADMIN: 'off', MODUS_SITE_URL: site } : {});
    if (r.code !== 0) throw new Error(`fixture build (MODUS_ADMIN=${admin}) failed:\n${r.output}`);
  }
  served = await serveNginx(dist.on);
  // With the snippet the build wrote (dist/nginx-modus.conf, for its base).
  servedOff = await serveNginx(dist.off, { base: BASE });
  offUrl = `${servedOff.url}${BASE.slice(0, -1)}`;
  session = await launch();
  await session.context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`),
    );
  });
}, 300_000);

afterAll(async () => {
  await session?.close();
  await Promise.all([served, servedOff].map((s) => s?.stop()));
  fixture?.remove();
  if (out) fs.rmSync(out, { recursive: true, force: true });
});

/** A file of `build`/`folder` (default: the root build) whose name matches `pattern` (as a URL path below the base). */
function fileIn(folder: string, pattern: RegExp, build = dist.on): string {
  const name = fs.readdirSync(path.join(build, folder)).find((f) => pattern.test(f));
  if (!name) throw new Error(`no file matching ${pattern} in ${folder}`);
  return `${folder}/${name}`;
}

/** GET asking for gzip; redirects are not followed. */
const get = (url: string) => fetch(url, { headers: { 'Accept-Encoding': 'gzip' }, redirect: 'manual' });

/** Asserts the common headers and the policy of `type` on a response. */
function expectHeaders(r: Response, type: PageType, what: string): void {
  for (const [k, v] of COMMON_HEADERS) {
    const want = k === 'X-Frame-Options' && type === 'admin' ? 'SAMEORIGIN' : v;
    expect(r.headers.get(k), `${what}: ${k}`).toBe(want);
  }
  expect(r.headers.get('Content-Security-Policy'), what).toBe(cspHeader(type));
}

interface Case {
  path: string;
  type: PageType;
  cache: string;
  contentType: string;
  gzip: boolean;
}

describe('a build served by nginx', () => {
  it('every kind of file has its headers, policy, cache lifetime, type and compression', async () => {
    const cases: Case[] = [
      { path: '/', type: 'content', cache: CACHE_REVALIDATE, contentType: 'text/html; charset=utf-8', gzip: true },
      { path: '/notices/sculptures/', type: 'content', cache: CACHE_REVALIDATE, contentType: 'text/html; charset=utf-8', gzip: true },
      { path: '/fr/notices/sculptures/', type: 'content', cache: CACHE_REVALIDATE, contentType: 'text/html; charset=utf-8', gzip: true },
      { path: '/search/', type: 'search', cache: CACHE_REVALIDATE, contentType: 'text/html; charset=utf-8', gzip: true },
      { path: '/ar/search/', type: 'search', cache: CACHE_REVALIDATE, contentType: 'text/html; charset=utf-8', gzip: true },
      { path: '/offline/', type: 'offline', cache: CACHE_REVALIDATE, contentType: 'text/html; charset=utf-8', gzip: true },
      // The service worker: its own requests obey this policy; revalidated, so a changed worker reaches readers.
      { path: '/sw.js', type: 'offline', cache: CACHE_REVALIDATE, contentType: 'application/javascript; charset=utf-8', gzip: true },
      { path: '/admin/', type: 'admin', cache: CACHE_REVALIDATE, contentType: 'text/html; charset=utf-8', gzip: true },
      {
        path: `/${fileIn('_astro', /^Base\..*\.css$/)}`,
        type: 'content',
        cache: CACHE_IMMUTABLE,
        contentType: 'text/css; charset=utf-8',
        gzip: true,
      },
      {
        path: `/${fileIn('_astro', /^search.*\.js$/)}`,
        type: 'content',
        cache: CACHE_IMMUTABLE,
        contentType: 'application/javascript; charset=utf-8',
        gzip: true,
      },
      { path: `/${fileIn('_img', /-480\.avif$/)}`, type: 'content', cache: CACHE_IMMUTABLE, contentType: 'image/avif', gzip: false },
      { path: `/${fileIn('_img', /-960\.webp$/)}`, type: 'content', cache: CACHE_IMMUTABLE, contentType: 'image/webp', gzip: false },
      {
        path: '/pagefind/pagefind.js',
        type: 'search',
        cache: CACHE_REVALIDATE,
        contentType: 'application/javascript; charset=utf-8',
        gzip: true,
      },
      {
        path: '/pagefind/pagefind-worker.js',
        type: 'search',
        cache: CACHE_REVALIDATE,
        contentType: 'application/javascript; charset=utf-8',
        gzip: true,
      },
      { path: '/pagefind/wasm.en.pagefind', type: 'search', cache: CACHE_REVALIDATE, contentType: 'application/octet-stream', gzip: false },
      {
        path: `/${fileIn('pagefind', /^pagefind\.en_.*\.pf_meta$/)}`,
        type: 'search',
        cache: CACHE_IMMUTABLE,
        contentType: 'application/octet-stream',
        gzip: false,
      },
      {
        path: `/${fileIn('pagefind/fragment', /^en_/)}`,
        type: 'search',
        cache: CACHE_IMMUTABLE,
        contentType: 'application/octet-stream',
        gzip: false,
      },
      {
        path: `/${fileIn('pagefind/index', /^en_/)}`,
        type: 'search',
        cache: CACHE_IMMUTABLE,
        contentType: 'application/octet-stream',
        gzip: false,
      },
      { path: '/feed.xml', type: 'content', cache: CACHE_REVALIDATE, contentType: 'application/xml; charset=utf-8', gzip: true },
      { path: '/data/notices.csv', type: 'content', cache: CACHE_REVALIDATE, contentType: 'text/csv; charset=utf-8', gzip: true },
      { path: '/data/index.json', type: 'content', cache: CACHE_REVALIDATE, contentType: 'application/json; charset=utf-8', gzip: true },
      // Under gzip_min_length (256 bytes): compressing would gain nothing (larger SVGs are compressed).
      { path: '/favicon.svg', type: 'content', cache: CACHE_REVALIDATE, contentType: 'image/svg+xml; charset=utf-8', gzip: false },
    ];
    for (const c of cases) {
      const r = await get(served.url + c.path);
      const what = `${c.path} (${r.status})`;
      expect(r.status, what).toBe(200);
      expectHeaders(r, c.type, what);
      expect(r.headers.get('Cache-Control'), what).toBe(c.cache);
      expect(r.headers.get('Content-Type'), what).toBe(c.contentType);
      expect(r.headers.get('Content-Encoding'), what).toBe(c.gzip ? 'gzip' : null);
      // What nginx sends is the file of dist/ (fetch undoes the gzip).
      const file = path.join(dist.on, c.path.endsWith('/') ? `${c.path}index.html` : c.path);
      expect(Buffer.from(await r.arrayBuffer()).equals(fs.readFileSync(file)), what).toBe(true);
    }
  });

  it('files cached for a year are named by their content', () => {
    // Astro's assets: name.<8-character hash>.ext; image variants: <20 hex digits of the photo's hash>-<width>.<format>;
    // Pagefind's index files: <language>_<hex hash>.pf_*.
    for (const f of fs.readdirSync(path.join(dist.on, '_astro'))) expect(f).toMatch(/\.[\w-]{8}\.\w+$/);
    for (const f of fs.readdirSync(path.join(dist.on, '_img'))) expect(f).toMatch(/^[0-9a-f]{20}-\d+\.(avif|webp)$/);
    const pagefind = fs.readdirSync(path.join(dist.on, 'pagefind'), { recursive: true, encoding: 'utf8' });
    const indexFiles = pagefind.filter((f) => /\.pf_\w+$/.test(f));
    expect(indexFiles.length).toBeGreaterThan(4);
    for (const f of indexFiles) expect(f).toMatch(/(^|\/)(pagefind\.)?[a-z]+_[0-9a-f]{7,}\.pf_(fragment|index|filter|meta)$/);
  });

  it('a missing page answers 404 with the 404 page and the headers, never cached for long', async () => {
    const notFound = fs.readFileSync(path.join(dist.on, '404.html'), 'utf8');
    for (const p of [
      '/no-such-notice/',
      '/notices/no-such-notice/',
      '/_astro/no-such-asset.css',
      '/_img/0000-480.avif',
      '/pagefind/fragment/en_0000000.pf_fragment',
    ]) {
      const r = await get(served.url + p);
      expect(r.status, p).toBe(404);
      expectHeaders(r, 'content', p);
      expect(r.headers.get('Cache-Control'), p).toBe(CACHE_REVALIDATE);
      expect(r.headers.get('Content-Encoding'), p).toBe('gzip');
      expect(await r.text(), p).toBe(notFound);
    }
  });

  it('the headers files are not served', async () => {
    const notFound = fs.readFileSync(path.join(dist.on, '404.html'), 'utf8');
    for (const p of ['/_headers', '/nginx-modus.conf']) {
      expect(fs.existsSync(path.join(dist.on, p)), p).toBe(true);
      const r = await get(served.url + p);
      expect(r.status, p).toBe(404);
      expect(await r.text(), p).toBe(notFound);
    }
  });

  it('a folder typed without its slash redirects, on this host, with the headers', async () => {
    const id = fs.readdirSync(path.join(dist.on, 'id'))[0]!;
    for (const [p, to] of [
      [`/id/${id}`, `/id/${id}/`],
      ['/notices', '/notices/'],
      ['/fr/search', '/fr/search/'],
    ] as const) {
      const r = await get(served.url + p);
      expect(r.status, p).toBe(301);
      // A relative Location: behind a TLS proxy an absolute one would name nginx's own scheme and port.
      expect(r.headers.get('Location'), p).toBe(to);
      // The redirect is answered by the location of the whole build (`/fr/search` is not in `/fr/search/`): a
      // redirect carries no content, the content policy is the strictest.
      expectHeaders(r, 'content', p);
    }
  });

  it('in Chromium, a notice page with its image and a search run under the served headers without a violation or error', async () => {
    const page = await session.newPage();
    const failed: string[] = [];
    page.on('response', (r) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
    });
    const errorsBefore = session.consoleErrors.length;
    await page.goto(`${served.url}/notices/sculptures/`, { waitUntil: 'networkidle' });
    expect(await page.locator('h1').textContent()).toBe('Methamphetamine inside animal sculptures');
    const natural = await page
      .locator('main picture img')
      .first()
      .evaluate((e: HTMLImageElement) => e.naturalWidth);
    expect(natural).toBeGreaterThan(0);
    await page.goto(`${served.url}/search/?q=sculptures`, { waitUntil: 'networkidle' });
    await page.locator('pagefind-results li').first().waitFor({ timeout: 15_000 });
    expect(await page.locator('pagefind-results .result__title').allTextContents()).toContain('Methamphetamine inside animal sculptures');
    // A result's thumbnail and link come through nginx too.
    await page.locator('pagefind-results a').first().click();
    await page.waitForLoadState('networkidle');
    expect(new URL(page.url()).pathname).toBe('/notices/sculptures/');
    expect(session.consoleErrors.slice(errorsBefore)).toEqual([]);
    expect(failed).toEqual([]);
    expect(offMachine(session.requests)).toEqual([]);
    await page.close();
  });
});

describe('a build without the CMS published under /any/path/ (MODUS_ADMIN=off, MODUS_SITE_URL=…/any/path) served by nginx', () => {
  it('the build wrote its snippet for its path, and nginx -t accepts it and the root one', () => {
    const snippet = fs.readFileSync(path.join(dist.off, 'nginx-modus.conf'), 'utf8');
    expect(snippet).toBe(nginxHeaders(false, { base: BASE }));
    for (const base of ['/', BASE]) {
      const r = nginxSyntax(nginxHeaders(true, { base }));
      expect(r.output, base).toMatch(/syntax is ok/);
      expect(r.code, `${base}\n${r.output}`).toBe(0);
    }
  });

  it('a page, an image variant and hashed assets under the path have their headers, cache lifetime, type and compression', async () => {
    const html = 'text/html; charset=utf-8';
    const cases: Case[] = [
      { path: '/', type: 'content', cache: CACHE_REVALIDATE, contentType: html, gzip: true },
      { path: '/notices/sculptures/', type: 'content', cache: CACHE_REVALIDATE, contentType: html, gzip: true },
      { path: '/search/', type: 'search', cache: CACHE_REVALIDATE, contentType: html, gzip: true },
      {
        path: `/${fileIn('_img', /-480\.webp$/, dist.off)}`,
        type: 'content',
        cache: CACHE_IMMUTABLE,
        contentType: 'image/webp',
        gzip: false,
      },
      {
        path: `/${fileIn('_astro', /^Base\..*\.css$/, dist.off)}`,
        type: 'content',
        cache: CACHE_IMMUTABLE,
        contentType: 'text/css; charset=utf-8',
        gzip: true,
      },
      {
        path: `/${fileIn('_astro', /^search.*\.js$/, dist.off)}`,
        type: 'content',
        cache: CACHE_IMMUTABLE,
        contentType: 'application/javascript; charset=utf-8',
        gzip: true,
      },
      {
        path: `/${fileIn('pagefind/fragment', /^en_/, dist.off)}`,
        type: 'search',
        cache: CACHE_IMMUTABLE,
        contentType: 'application/octet-stream',
        gzip: false,
      },
    ];
    for (const c of cases) {
      const r = await get(offUrl + c.path);
      const what = `${BASE}${c.path.slice(1)} (${r.status})`;
      expect(r.status, what).toBe(200);
      expectHeaders(r, c.type, what);
      expect(r.headers.get('Cache-Control'), what).toBe(c.cache);
      expect(r.headers.get('Content-Type'), what).toBe(c.contentType);
      expect(r.headers.get('Content-Encoding'), what).toBe(c.gzip ? 'gzip' : null);
      const file = path.join(dist.off, c.path.endsWith('/') ? `${c.path}index.html` : c.path);
      expect(Buffer.from(await r.arrayBuffer()).equals(fs.readFileSync(file)), what).toBe(true);
    }
  });

  it('/admin/, a missing page and the headers files answer 404 with the 404 page; the path without its slash redirects', async () => {
    expect(fs.existsSync(path.join(dist.off, 'admin'))).toBe(false);
    const notFound = fs.readFileSync(path.join(dist.off, '404.html'), 'utf8');
    for (const p of [
      '/admin/',
      '/admin/config.yml',
      '/admin',
      '/no-such-notice/',
      '/_img/0000-480.avif',
      '/_headers',
      '/nginx-modus.conf',
    ]) {
      const r = await get(offUrl + p);
      expect(r.status, p).toBe(404);
      expectHeaders(r, 'content', p);
      expect(r.headers.get('Cache-Control'), p).toBe(CACHE_REVALIDATE);
      expect(await r.text(), p).toBe(notFound);
    }
    const bare = await get(offUrl);
    expect(bare.status).toBe(301);
    expect(bare.headers.get('Location')).toBe(BASE);
    expectHeaders(bare, 'content', BASE.slice(0, -1));
  });

  it('in Chromium: home, a notice with its image, a search and its result, the 404 page; every request under the path, none failed, no violation or error', async () => {
    const page = await session.newPage();
    const responses: Array<{ url: string; status: number }> = [];
    const failed: string[] = [];
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('response', (r) => responses.push({ url: r.url(), status: r.status() }));
    page.on('requestfailed', (r) => failed.push(`${r.url()} (${r.failure()?.errorText ?? 'failed'})`));
    const errorsBefore = session.consoleErrors.length;
    const pathname = (u: string) => new URL(u).pathname;
    /** The site's stylesheet applied (without it the body has the browser's default serif font) and no image is broken. */
    const expectStyledWithImages = async (what: string) => {
      expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily), what).not.toMatch(/^"?Times/);
      const broken = await page.$$eval('img', (imgs) => imgs.filter((i) => i.complete && i.naturalWidth === 0).map((i) => i.src));
      expect(broken, what).toEqual([]);
    };

    expect((await page.goto(`${offUrl}/`, { waitUntil: 'networkidle' }))?.status()).toBe(200);
    await expectStyledWithImages('home');
    await page.goto(`${offUrl}/notices/sculptures/`, { waitUntil: 'networkidle' });
    expect(await page.locator('h1').textContent()).toBe('Methamphetamine inside animal sculptures');
    await expectStyledWithImages('notice');
    const img = await page
      .locator('main picture img')
      .first()
      .evaluate((e: HTMLImageElement) => ({ src: e.currentSrc, width: e.naturalWidth }));
    expect(img.width).toBeGreaterThan(0);
    expect(pathname(img.src)).toMatch(/^\/any\/path\/_img\/[0-9a-f]{20}-\d+\.(avif|webp)$/);

    // The header's search form leads to the search page under the path; a result (link and thumbnail) comes through nginx.
    await page.fill('.site-search input[name="q"]', 'sculptures');
    await Promise.all([page.waitForURL(/\/search\/\?q=/), page.press('.site-search input[name="q"]', 'Enter')]);
    expect(pathname(page.url())).toBe('/any/path/search/');
    const link = page.locator('pagefind-results a.pf-result-link').first();
    await link.waitFor({ timeout: 15_000 });
    await page.waitForFunction(() => !document.querySelector('pagefind-results a.pf-result-link')?.getAttribute('href')?.includes('{{'));
    expect(await link.textContent()).toContain('Methamphetamine inside animal sculptures');
    await page.waitForLoadState('networkidle');
    await Promise.all([page.waitForURL('**/notices/sculptures/'), link.click()]);
    await page.waitForLoadState('networkidle');
    expect(pathname(page.url())).toBe('/any/path/notices/sculptures/');

    // A missing page: nginx's 404 with the build's 404 page, styled, its links leading back under the path.
    const missing = await page.goto(`${offUrl}/no-such-notice/`, { waitUntil: 'networkidle' });
    expect(missing?.status()).toBe(404);
    await expectStyledWithImages('404');
    const links = await page.$$eval('a[href]', (as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(links.length).toBeGreaterThan(0);
    for (const l of links) expect(pathname(l), l).toMatch(/^\/any\/path\//);
    await page.close();

    expect(responses.length).toBeGreaterThan(15);
    expect(offMachine(requests)).toEqual([]);
    expect(requests.filter((u) => u.startsWith('http') && !pathname(u).startsWith(BASE))).toEqual([]);
    const bad = responses.filter((r) => r.status >= 400).map((r) => `${r.status} ${pathname(r.url)}`);
    expect(bad).toEqual(['404 /any/path/no-such-notice/']);
    expect(failed).toEqual([]);
    // Chromium reports the 404 page's own status on the console, once; anything else (a CSP violation, a script error) fails.
    expect(session.consoleErrors.slice(errorsBefore)).toEqual([
      'Failed to load resource: the server responded with a status of 404 (Not Found)',
    ]);
  });
});
