/**
 * The served site in Chromium: every page type is
 * opened, every request recorded; none may leave loopback, no Content-Security-Policy violation may
 * occur (search included, which must still find notices under its policy), hostile frontmatter
 * stays inert in pages and search results, and a printed notice carries its marking on every page.
 * Prevents: a served page contacting another host or breaking its own policy, hostile frontmatter
 * running in a page or a search result, an original photo served instead of a resized copy, and a
 * printout without its marking.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { astroBuild, preview, tempDir, type Served } from '../helpers/site.ts';
import { launch, offMachine, type Session } from '../helpers/chromium.ts';
import { writeCorpus, type FixtureNotice } from '../helpers/corpus.ts';
import { pdfPages } from '../helpers/pdf.ts';
import { contentId } from '../../src/loading/images/image-cache.ts';

const LONG_BODY = Array.from(
  { length: 40 },
  (_, i) =>
    `Paragraph ${i + 1}: the officers opened each crate, weighed the contents, compared the weight with the declaration and photographed every step before sampling.`,
).join('\n\n');

const notice = (i: number, extra: Partial<FixtureNotice>): FixtureNotice => ({
  slug: `case-${i}`,
  id: `MO-2032-${String(i).padStart(4, '0')}`,
  tlp: 'CLEAR',
  title: `Case ${i}`,
  sentinel: `Sentence ${i}.`,
  images: [{ file: 'photo.jpg', colour: [100 + i * 20, 80, 60], gps: true, width: 1000, height: 750 }],
  ...extra,
});

const HOSTILE_TITLE = 'Saxophone <img src=x onerror="window.__pwned=1"> smuggling';

let root: string;
let dist: string;
let served: Served;
let session: Session;
const violations: string[] = [];
const dialogs: string[] = [];

beforeAll(async () => {
  root = tempDir('served');
  const content = await writeCorpus(path.join(root, 'content'), [
    notice(1, { title: 'Cocaine inside marble statues', commodities: ['cocaine'], body: `## How it was hidden\n\n${LONG_BODY}\n` }),
    notice(2, {
      title: 'Cocaine in pineapple crates',
      commodities: ['cocaine'],
      body: '## How it was hidden\n\nThe crates as found.\n',
      // A camera photo (GPS and all): published resized, without metadata (the dist check would fail the build).
      images: [{ file: 'crate.jpg', colour: [200, 160, 40], gps: true, width: 1200, height: 900, alt: 'Opened pineapple crate' }],
    }),
    notice(3, {
      title: HOSTILE_TITLE,
      commodities: ['cocaine'],
      data: { summary: '<script>window.__pwned=2</script> summary "><svg onload=window.__pwned=3>', keywords: ['saxophone'] },
    }),
  ]);
  dist = path.join(root, 'dist');
  const r = await astroBuild(content, dist);
  if (r.code !== 0) throw new Error(r.output);
  served = await preview(dist);
  session = await launch();
  session.context.on('page', (p) =>
    p.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    }),
  );
  await session.context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`),
    );
  });
});

afterAll(async () => {
  await session?.close();
  await served?.stop();
  fs.rmSync(root, { recursive: true, force: true });
});

describe('every page type, in Chromium', () => {
  it('makes no request off this machine and breaks no Content-Security-Policy', async () => {
    // The CMS is on by default (MODUS_ADMIN), so /admin/ is built and visited with the rest.
    expect(fs.existsSync(path.join(dist, 'admin/index.html'))).toBe(true);
    const paths = [
      '/',
      '/notices/',
      '/notices/case-1/',
      '/notices/case-3/',
      '/browse/',
      '/browse/commodity/',
      '/browse/commodity/cocaine/',
      '/search/?q=statues',
      '/markings/',
      '/this-page-does-not-exist/',
      '/id/MO-2032-0002/',
      '/feed.xml',
      '/admin/',
      // Last: it registers the service worker, which then answers for the pages of this origin.
      '/offline/',
    ];
    const page = await session.newPage();
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const missing: string[] = [];
    page.on('response', (r) => {
      if (r.status() >= 400) missing.push(new URL(r.url()).pathname);
    });
    for (const p of paths) {
      const errorsBefore = session.consoleErrors.length;
      await page.goto(served.url + p, { waitUntil: 'networkidle' });
      if (p.startsWith('/search/')) await page.locator('pagefind-results li').first().waitFor({ timeout: 15_000 });
      // 404s are checked below by URL; every other console error counts.
      const errors = session.consoleErrors
        .slice(errorsBefore)
        .filter((e) => !/^Failed to load resource: the server responded with a status of 404/.test(e));
      violations.push(...errors.map((e) => `${p}: ${e}`));
      if (!p.endsWith('.xml')) expect(await page.locator('meta[name="referrer"]').getAttribute('content'), p).toBe('no-referrer');
    }
    expect(session.requests.length).toBeGreaterThan(paths.length);
    expect(offMachine(session.requests)).toEqual([]);
    expect(violations).toEqual([]);
    // Only the page that does not exist is missing (and the /favicon.ico Chromium asks for when it shows the XML feed).
    expect([...new Set(missing)].filter((m) => m !== '/favicon.ico')).toEqual(['/this-page-does-not-exist/']);
    await page.close();
  });

  it('a photo of a notice is shown from a resized copy, not the original', async () => {
    // Variants are named by the content id of the photo they were made from (src/loading/images/image-variants.ts).
    const id = await contentId(path.join(root, 'content/notices/case-2/crate.jpg'));
    const page = await session.newPage();
    await page.goto(`${served.url}/notices/case-2/`, { waitUntil: 'networkidle' });
    const img = page.locator('img[alt="Opened pineapple crate"]');
    const [natural, current] = await img.evaluate((e: HTMLImageElement) => [e.naturalWidth, e.currentSrc] as const);
    expect(natural).toBeGreaterThan(0);
    // The 1,200 px original is never what is shown: the browser picks one of its 480 or 960 px variants.
    expect(natural).toBeLessThanOrEqual(960);
    expect(new URL(current).pathname).toMatch(new RegExp(`^/_img/${id}-(480|960)\\.(avif|webp)$`));
    expect(await img.getAttribute('src')).toBe(`/_img/${id}-960.webp`);
    await page.close();
  });

  it('the /id/ redirect lands on the notice page', async () => {
    const page = await session.newPage();
    await page.goto(`${served.url}/id/MO-2032-0002/`, { waitUntil: 'networkidle' });
    expect(new URL(page.url()).pathname).toBe('/notices/case-2/');
    // Typed without the trailing slash, as officers do.
    await page.goto(`${served.url}/id/MO-2032-0002`, { waitUntil: 'networkidle' });
    expect(new URL(page.url()).pathname).toBe('/notices/case-2/');
    await page.close();
  });

  it('content pages carry no script; search works under its policy', async () => {
    const page = await session.newPage();
    await page.goto(`${served.url}/notices/case-1/`);
    expect(await page.locator('script').count()).toBe(0);
    expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toContain("script-src 'none'");
    await page.goto(`${served.url}/search/?q=pineapple`);
    await page.locator('pagefind-results li').first().waitFor({ timeout: 15_000 });
    expect(await page.locator('pagefind-results .result__title').allTextContents()).toEqual(['Cocaine in pineapple crates']);
    await page.close();
  });

  it('hostile frontmatter stays text on its page and in search results', async () => {
    const page = await session.newPage();
    for (const url of ['/notices/case-3/', '/search/?q=saxophone']) {
      await page.goto(served.url + url, { waitUntil: 'networkidle' });
      if (url.startsWith('/search/')) await page.locator('pagefind-results li').first().waitFor({ timeout: 15_000 });
      await page.waitForTimeout(300);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), url).toBeUndefined();
      expect(await page.locator('[onerror], [onload], img[src="x"], main svg').count(), url).toBe(0);
    }
    expect(await page.locator('pagefind-results .result__title').first().textContent()).toBe(HOSTILE_TITLE);
    await page.goto(`${served.url}/notices/case-3/`);
    expect(await page.locator('h1').textContent()).toBe(HOSTILE_TITLE);
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it('a printed notice carries its marking on every page', async () => {
    const page = await session.newPage();
    await page.goto(`${served.url}/notices/case-1/`, { waitUntil: 'networkidle' });
    const pdf = path.join(root, 'case-1.pdf');
    await page.pdf({ path: pdf, format: 'A4' });
    await page.close();
    const pages = pdfPages(pdf);
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((text, i) => expect(text, `printed page ${i + 1}`).toContain('TLP:CLEAR'));
  });
});
