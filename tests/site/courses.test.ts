/**
 * Courses end to end, on the fixture tests/fixtures/courses (5 notices, 2 courses: one CLEAR, one
 * GREEN linking a GREEN notice): real builds for two audiences, case-link checks that fail the build
 * (field case F7), "Used in courses" backlinks, alias redirects followed by Chromium, search by course
 * title and by a linked notice's title with the type filter, and the handout printed to PDF by Chromium.
 * Prevents: a course linking a missing or higher-marked notice built (F7), a course above the audience
 * partly published, a handout printed without its marking or with original photos, and course indexes
 * computed per page (F12).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check as checkLinks, LinkState } from 'linkinator';
import { astroBuild, astroSync, preview, tempDir, type RunResult, type Served } from '../helpers/site.ts';
import { launch, offMachine, type Session } from '../helpers/chromium.ts';
import { exiftool, materialise } from '../helpers/fixtures.ts';
import { sha256 } from '../helpers/dist.ts';
import { pdfPageCount, pdfPages, requirePdfTools } from '../helpers/pdf.ts';
import { indexedPages } from '../helpers/pagefind-index.ts';
import { searchForms } from '../../src/knowledge/search-forms.ts';
import { HANDOUT_WIDTH } from '../../src/loading/images/image-variants.ts';
import { contentId } from '../../src/loading/images/image-cache.ts';
import sharp from 'sharp';

const KB_LOG = /\[modus\] derived indexes computed once for/g;

/** First non-empty lines of a page's text, leaving out the running marking printed in the page margin. */
function firstLines(page: string, n: number): string[] {
  return page
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !/^TLP:[A-Z+]+$/.test(l))
    .slice(0, n);
}

const read = (out: string, p: string) => fs.readFileSync(path.join(out, p), 'utf8');

describe('courses', () => {
  let content: string;
  let sources: string[];
  let outPublic: string;
  let outCommunity: string;
  let buildPublic: RunResult;
  let buildCommunity: RunResult;
  let served: Served;
  let browser: Session;

  beforeAll(async () => {
    requirePdfTools();
    const fixture = await materialise('courses');
    content = fixture.contentDir;
    sources = fixture.images;
    outPublic = tempDir('courses-public');
    outCommunity = tempDir('courses-community');
    buildPublic = await astroBuild(content, outPublic);
    expect(buildPublic.code, buildPublic.output).toBe(0);
    buildCommunity = await astroBuild(content, outCommunity, { MODUS_AUDIENCE: 'community' });
    expect(buildCommunity.code, buildCommunity.output).toBe(0);
    served = await preview(outCommunity);
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    await served?.stop();
    for (const d of [content, outPublic, outCommunity]) if (d) fs.rmSync(d, { recursive: true, force: true });
  });

  it('computes the indexes (backlinks, case cards) once per build (field case F12)', () => {
    expect(buildPublic.output.match(KB_LOG)).toHaveLength(1);
    expect(buildCommunity.output).toMatch(/for 5 notices and 2 courses \(5 case links, 3 notices used in courses; audience community\)/);
    expect(buildCommunity.output.match(KB_LOG)).toHaveLength(1);
  });

  it('withholds a course above the audience whole, and indexes course pages for search', () => {
    const list = read(outPublic, 'courses/index.html');
    expect(list).toContain('href="/courses/manufactured-goods/"');
    expect(list).not.toContain('Maritime concealment methods');
    expect(fs.existsSync(path.join(outPublic, 'courses/maritime-methods'))).toBe(false);
    expect(read(outCommunity, 'courses/index.html')).toContain('href="/courses/maritime-methods/"');
    // 4 CLEAR notices + 1 course (public); 5 notices + 2 courses (community), each page in the four
    // languages. The alias redirect is not counted.
    expect(buildPublic.output).toMatch(/indexed 20 pages for search/);
    expect(buildCommunity.output).toMatch(/indexed 28 pages for search/);
  });

  it('passes the dist check with handout images larger than the handout width (no original copied, no metadata)', async () => {
    expect(buildPublic.output).toMatch(
      /dist check passed \(audience public, 2 of 7 entries withheld; \d+ files? scanned, \d+ reused unchanged\): nothing withheld, no image metadata, no original copies,/,
    );
    expect(buildCommunity.output).toMatch(
      /dist check passed \(audience community, 0 of 7 entries withheld; \d+ files? scanned, \d+ reused unchanged\): nothing withheld, no image metadata, no original copies,/,
    );
    // The premise: two sources are wider than the handout, and the sea chest photo carries GPS and a creator.
    const source = (name: string) => sources.find((f) => path.basename(f) === name)!;
    expect((await sharp(source('sculpture.png')).metadata()).width).toBeGreaterThan(HANDOUT_WIDTH);
    expect((await sharp(source('sea-chest.jpg')).metadata()).width).toBeGreaterThan(HANDOUT_WIDTH);
    expect(exiftool([source('sea-chest.jpg')])[0]).toMatchObject({ 'GPS:GPSLatitudeRef': 'North', 'XMP-dc:Creator': 'Officer A' });

    // In the handout both are resized copies exactly the handout wide, with no metadata and not the original bytes.
    const originals = new Set(sources.map(sha256));
    // Variants are named by the content id of their source (src/loading/images/image-variants.ts: `<id>-<width>.<format>`).
    const ids = new Map([
      ['sculpture', await contentId(source('sculpture.png'))],
      ['sea-chest', await contentId(source('sea-chest.jpg'))],
    ]);
    for (const out of [outPublic, outCommunity]) {
      const html = read(out, 'courses/manufactured-goods/handout/index.html');
      // The sculptures notice is a case in both modules: its images appear twice, from one file.
      const files = [...new Set([...html.matchAll(/<img src="([^"]+)"/g)].map((m) => path.join(out, decodeURIComponent(m[1]!))))];
      const named = (name: string) => files.filter((f) => path.basename(f).startsWith(`${ids.get(name)}-`));
      expect(named('sculpture')).toHaveLength(1);
      expect(named('sea-chest')).toHaveLength(1);
      for (const f of [...named('sculpture'), ...named('sea-chest')]) {
        const meta = await sharp(f).metadata();
        expect([meta.format, meta.width], f).toEqual(['webp', HANDOUT_WIDTH]);
      }
      for (const f of files) {
        expect(originals.has(sha256(f)), f).toBe(false);
        const tags = Object.keys(exiftool([f])[0]!).filter((k) => /^(GPS|XMP|ExifIFD|IFD0)/.test(k));
        expect(tags, f).toEqual([]);
      }
    }
  });

  it('shows modules with case cards linking each notice, and ships no script', () => {
    const html = read(outCommunity, 'courses/manufactured-goods/index.html');
    expect(html).toMatch(/<section id="module-1"[^>]*>[\s\S]*Hollow castings/);
    expect(html).toMatch(/<section id="module-2"[^>]*>[\s\S]*Hulls and sea chests/);
    expect(html).toContain('href="/notices/resin-sculptures/"');
    expect(html).toContain('href="/notices/sea-chest-bulk-carrier/"');
    expect(html).toContain('What would you check first on a heavy sculpture?');
    expect(html).toContain('Inside goods: Hollow resin sculptures');
    expect(html).toMatch(/<img[^>]+class="case-card__img"/);
    expect(html).toContain('href="/courses/manufactured-goods/handout/"');
    expect(html).not.toMatch(/<script/);
  });

  it('lists "Used in courses" on each notice page, linking back to the module', () => {
    const sculptures = read(outCommunity, 'notices/resin-sculptures/index.html');
    const used = sculptures.slice(sculptures.indexOf('Used in courses'));
    expect(used).toContain('href="/courses/manufactured-goods/#module-1"');
    expect(used).toContain('href="/courses/manufactured-goods/#module-2"');
    const seaChest = read(outCommunity, 'notices/sea-chest-bulk-carrier/index.html');
    expect(seaChest).toContain('href="/courses/maritime-methods/#module-1"');
    // In the public build the GREEN course is withheld, so the backlink to it is too.
    expect(read(outPublic, 'notices/sea-chest-bulk-carrier/index.html')).not.toContain('maritime-methods');
    expect(read(outCommunity, 'notices/liquid-cocaine-wine/index.html')).not.toContain('Used in courses');
  });

  it('redirects a former slug to the notice (a browser follows it)', async () => {
    expect(read(outCommunity, 'notices/meth-in-statues/index.html')).toContain('content="0;url=/notices/resin-sculptures/"');
    const page = await browser.newPage();
    await page.goto(`${served.url}/notices/meth-in-statues/`);
    await page.waitForURL(`${served.url}/notices/resin-sculptures/`);
    expect(await page.locator('h1').textContent()).toBe('Methamphetamine cast inside hollow resin sculptures');
    await page.close();
  });

  it('has no broken internal link or module anchor in the course pages', async () => {
    const r = await checkLinks({
      path: `${served.url}/courses/`,
      recurse: true,
      checkFragments: true,
      linksToSkip: (link) => Promise.resolve(!link.startsWith(served.url)),
    });
    const broken = r.links.filter((l) => l.state === LinkState.BROKEN).map((l) => `${l.url} (from ${l.parent})`);
    expect(broken).toEqual([]);
    expect(r.links.some((l) => l.url.endsWith('/courses/maritime-methods/handout/'))).toBe(true);
  });

  it('finds a course by its title and by the title of a notice it links, with the type filter', async () => {
    const page = await browser.newPage();
    await page.goto(`${served.url}/search/`);
    // A string, so that the test runner does not rewrite the dynamic import meant for the browser.
    const found = await page.evaluate<{
      byTitle: string[];
      byNoticeTitle: string[];
      noticesOnly: string[];
      types: Record<string, number>;
    }>(`(async () => {
      const pf = await import('/pagefind/pagefind.js');
      const titles = async (q, type) => {
        const r = await pf.search(q, type ? { filters: { type } } : {});
        return Promise.all(r.results.map(async (x) => (await x.data()).meta.title));
      };
      return {
        byTitle: await titles('Maritime concealment methods', 'Course'),
        byNoticeTitle: await titles('parasitic compartment welded', 'Course'),
        noticesOnly: await titles('parasitic compartment welded', 'Notice'),
        types: (await pf.filters()).type,
      };
    })()`);
    expect(found.byTitle[0]).toBe('Maritime concealment methods');
    expect(found.byNoticeTitle).toEqual(['Maritime concealment methods']);
    expect(found.noticesOnly).toEqual(['Parasitic compartment welded to the hull below the waterline']);
    expect(found.types).toEqual({ Notice: 5, Course: 2 });
    expect(offMachine(browser.requests)).toEqual([]);
    await page.close();
  });

  it('search excerpts read as prose: no label, role or marking runs into the word after it, and every heading starts a sentence', () => {
    // Prevents: a course result reading "Primary caseTLP:CLEAR MO-2025-0001" or "CommodityCocaine", "LevelIntermediate"
    // (elements without white space between them, which Pagefind joins into one word), and a notice's id,
    // keywords or image kind run into the heading or caption after them ("cultural property Indicators").
    const pages = indexedPages(outCommunity);
    expect(pages.map((p) => p.url)).toEqual(expect.arrayContaining(['/courses/manufactured-goods/', '/notices/resin-sculptures/']));
    const escape = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const problems: string[] = [];
    for (const page of pages) {
      const html = read(outCommunity, `${page.url.slice(1)}index.html`);
      // A letter or digit, tags and no white space, then a letter or digit: two elements' words written against each other.
      for (const [, left, , right] of html.matchAll(/([\p{L}\p{N}]+)((?:<[^>]+>)+)([\p{L}\p{N}]+)/gu)) {
        if (new RegExp(`(^|[^\\p{L}\\p{N}])${escape(left! + right!)}`, 'u').test(page.content))
          problems.push(`${page.url}: "${left}${right}"`);
      }
      for (const [, , inner] of html.matchAll(/<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1>/g)) {
        const heading = inner!
          .replace(/<[^>]+>/g, '')
          .replace(/&#39;/g, "'")
          .trim();
        if (page.content.includes(heading) && !new RegExp(`(^|[.!?:] )${escape(heading)}`).test(page.content))
          problems.push(`${page.url}: heading "${heading}" does not start a sentence`);
      }
    }
    expect(problems).toEqual([]);
    const course = pages.find((p) => p.url === '/courses/manufactured-goods/')!.content;
    expect(course).toContain('Primary case TLP:CLEAR MO-2030-0001. Methamphetamine cast inside hollow resin sculptures.');
    expect(course).toContain('Commodity: Methamphetamine.');
    expect(course).toContain('Level: Introductory.');
    const notice = pages.find((p) => p.url === '/notices/resin-sculptures/')!.content;
    expect(notice).toMatch(/^MO-2030-0001\. Methamphetamine cast inside hollow resin sculptures\./);
    expect(notice).toContain('resin figurines, statues. Indicators.');
    expect(notice).toContain('Illustration. The sculpture’s hollow base.');
  });

  it('search forms: each page’s metadata holds the forms of exactly the words Pagefind indexed of it, in the markup the language pages mirror', () => {
    // Prevents: a word of the page with no search form (a field left out of the forms), a form of a word the
    // index leaves out (the trainer note: "trainer’s", "٣"), and markup that shows the forms or indexes them as
    // body text (tests/site/search-languages.test.ts builds its pages with this markup).
    const pages = indexedPages(outCommunity);
    for (const page of pages) {
      const forms = page.meta.forms?.split(' ') ?? [];
      // Each page's forms are made for its own language (Arabic pages normalise Arabic letters too).
      const lang = /^\/(fr|es|ar)\//.exec(page.url)?.[1] ?? 'en';
      expect(forms.sort(), page.url).toEqual(searchForms(lang, [page.content]).sort());
      const html = read(outCommunity, `${page.url.slice(1)}index.html`);
      const spans = html.match(/<span class="search-forms"[^>]*>/g) ?? [];
      expect(spans, page.url).toEqual(
        forms.length ? ['<span class="search-forms" data-pagefind-ignore data-pagefind-meta="forms" hidden>'] : [],
      );
    }
    const formsOf = (url: string) =>
      pages
        .find((p) => p.url === url)!
        .meta.forms?.split(' ')
        .sort();
    expect(formsOf('/courses/manufactured-goods/')).toEqual(['2029', "importer's"].sort());
    expect(formsOf('/notices/resin-sculptures/')).toEqual(['2030', "consignee's", "exporter's", "sculpture's"].sort());
    expect(JSON.stringify(pages)).not.toContain("trainer's");
  });

  it('prints a handout: cover, objectives, each module on a new page, every case, the marking on every page', async () => {
    const page = await browser.newPage();
    await page.goto(`${served.url}/courses/manufactured-goods/handout/`, { waitUntil: 'networkidle' });
    const file = path.join(tempDir('courses-pdf'), 'handout.pdf');
    await page.pdf({ path: file, format: 'A4', preferCSSPageSize: true });
    await page.close();

    const count = pdfPageCount(file);
    const pages = pdfPages(file);
    expect(pages).toHaveLength(count);
    // Cover, objectives and introduction, then two modules: at least four pages; a runaway layout
    // (blank pages, an image per page) would exceed eight.
    expect(count).toBeGreaterThanOrEqual(4);
    expect(count).toBeLessThanOrEqual(8);
    expect(firstLines(pages[0]!, 4).join(' ')).toMatch(/Concealment in manufactured goods/);
    expect(pages[0]).not.toContain('Learning objectives');
    expect(firstLines(pages[1]!, 1)).toEqual(['Learning objectives']);
    const starts = pages.map((p) => firstLines(p, 2).join(' | '));
    expect(starts.filter((s) => /^Module \d/.test(s))).toEqual(['Module 1 | Hollow castings', 'Module 2 | Hulls and sea chests']);
    for (const p of pages) expect(p.match(/TLP:CLEAR/g)?.length ?? 0).toBeGreaterThanOrEqual(2);
    const all = pages.join('\n').replace(/\s+/g, ' ');
    for (const title of ['Methamphetamine cast inside hollow resin sculptures', 'Cocaine in the sea chest of a bulk carrier']) {
      expect(all).toContain(title);
    }
    expect(all).toContain('Sculptures much heavier than their size suggests.');
    expect(all).toContain('Who do you call for an underwater search?');
    expect(all).not.toContain('Pass round a real resin figurine');
  });

  it('prints the course marking (TLP:GREEN) on every page of a GREEN course handout', async () => {
    const page = await browser.newPage();
    await page.goto(`${served.url}/courses/maritime-methods/handout/`, { waitUntil: 'networkidle' });
    const file = path.join(tempDir('courses-pdf'), 'handout.pdf');
    await page.pdf({ path: file, format: 'A4', preferCSSPageSize: true });
    await page.close();
    const pages = pdfPages(file);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const p of pages) expect(p.match(/TLP:GREEN/g)?.length ?? 0).toBeGreaterThanOrEqual(2);
    expect(pages.join(' ').replace(/\s+/g, ' ')).toContain('Parasitic compartment welded to the hull below the waterline');
  });
});

describe('course link checks fail the build (field case F7)', () => {
  it('lists every missing, differently cased or withdrawn link and a marking below its notices, with file, module and field', async () => {
    const fixture = await materialise('courses');
    const content = fixture.contentDir;
    const out = tempDir('courses-broken');
    fs.mkdirSync(path.join(content, 'courses/broken'));
    fs.writeFileSync(
      path.join(content, 'courses/broken/index.mdx'),
      `---
title: Broken links
summary: A course with every kind of broken case link.
audience: analysts
level: advanced
durationMinutes: 60
tlp: CLEAR
published: 2030-07-01
objectives:
  - None.
modules:
  - title: First
    cases:
      - notice: mo-2030-0001
        role: primary
  - title: Second
    cases:
      - notice: MO-2099-0000
        role: primary
      - notice: MO-2030-0004
        role: comparison
      - notice: MO-2030-0003
        role: background
---
Broken.
`,
    );
    try {
      const r = await astroBuild(content, out);
      expect(r.code).not.toBe(0);
      expect(r.output).toContain('4 problems in the content; nothing was built');
      expect(r.output).toContain('courses/broken/index.mdx');
      expect(r.output).toMatch(
        /modules\[0\]\.cases\[0\]\.notice: Module 1 \("First"\), case 1: "mo-2030-0001" matches no notice; ids are written exactly, did you mean "MO-2030-0001"\?/,
      );
      expect(r.output).toMatch(/modules\[1\]\.cases\[0\]\.notice: Module 2 \("Second"\), case 1: "MO-2099-0000" matches no notice id/);
      expect(r.output).toMatch(
        /modules\[1\]\.cases\[1\]\.notice: Module 2 \("Second"\), case 2: MO-2030-0004 \("Heroin in a reconditioned gearbox"\) is withdrawn/,
      );
      expect(r.output).toMatch(/tlp: The course is marked TLP:CLEAR but links notices marked higher: MO-2030-0003 \(TLP:GREEN, module 2\)/);
      expect(fs.existsSync(path.join(out, 'courses'))).toBe(false);
      // The same checks run when the content is loaded, before any page: `astro sync` (and the CMS's dev server) report them too.
      const sync = await astroSync(content);
      expect(sync.code).not.toBe(0);
      expect(sync.output).toContain('4 problems in the content; nothing was built');
      expect(sync.output).toMatch(/modules\[1\]\.cases\[1\]\.notice: Module 2 \("Second"\), case 2: MO-2030-0004/);
    } finally {
      fixture.remove();
      fs.rmSync(out, { recursive: true, force: true });
    }
  });

  it('builds a content folder that has no courses folder, with an empty course list', async () => {
    const fixture = await materialise('courses');
    const content = fixture.contentDir;
    fs.rmSync(path.join(content, 'courses'), { recursive: true });
    const out = tempDir('courses-none');
    try {
      const r = await astroBuild(content, out);
      expect(r.code, r.output).toBe(0);
      expect(r.output).toMatch(/No folder \S+\/courses: the collection is empty/);
      expect(read(out, 'courses/index.html')).toContain('No courses yet.');
      expect(read(out, 'notices/resin-sculptures/index.html')).not.toContain('Used in courses');
      expect(r.output).toMatch(/indexed 16 pages for search/); // 4 notices in the four languages
    } finally {
      fixture.remove();
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});
