/**
 * Browser tests in Chromium (playwright-core) on the built `basic` fixture served by `astro preview`:
 * search through the header form, result titles from frontmatter (F1), filters with canonical values
 * (F2) and values with commas (F3), opening a result, every id found first, every title word and
 * keyword found, no console error and no request to another host, axe-core on every page type in
 * light and dark schemes and on a 390-px phone, and the print view.
 *
 * Prevents: result titles taken from page chrome (F1), one country split into several filter values
 * (F2) or a value with a comma cut in two (F3), a notice that cannot be found by its id or title words,
 * a click opening another result, pages that call other hosts or fail accessibility checks, and a
 * printout without the marking.
 *
 * One build and one Chromium for the whole file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { astroBuild, preview, ROOT, tempDir, type Served } from '../helpers/site.ts';
import { launch, offMachine, type Session } from '../helpers/chromium.ts';
import { FIXTURES, materialise, type Fixture } from '../helpers/fixtures.ts';
import { yamlFrontmatter } from '../helpers/notice-data.ts';
import { pdfPages } from '../helpers/pdf.ts';

const AXE = path.join(ROOT, 'node_modules/axe-core/axe.min.js');

/** Frontmatter of the fixture's notices as Astro reads it, by slug (the expected titles, ids, keywords). */
interface FixtureNotice {
  slug: string;
  id: string;
  title: string;
  summary: string;
  published: string;
  keywords: string[];
  tlp: string;
}
const NOTICES: FixtureNotice[] = fs.readdirSync(path.join(FIXTURES, 'basic/notices')).map((slug) => {
  const text = fs.readFileSync(path.join(FIXTURES, 'basic/notices', slug, 'index.mdx'), 'utf8');
  const fm = yamlFrontmatter(text.split('---')[1]!);
  const published = fm.published instanceof Date ? fm.published.toISOString().slice(0, 10) : String(fm.published);
  return {
    slug,
    id: String(fm.id),
    title: String(fm.title),
    summary: String(fm.summary),
    published,
    keywords: (fm.keywords as string[] | undefined) ?? [],
    tlp: String(fm.tlp),
  };
});
const VISIBLE = NOTICES.filter((n) => n.tlp === 'CLEAR');
const titleOf = new Map(NOTICES.map((n) => [`/notices/${n.slug}/`, n.title]));

let fixture: Fixture;
let dist: string;
let server: Served;
let browser: Session;
let tab: Page;

beforeAll(async () => {
  fixture = await materialise('basic');
  dist = tempDir('dist-browser');
  const r = await astroBuild(fixture.contentDir, dist);
  if (r.code !== 0) throw new Error(`fixture build failed:\n${r.output}`);
  server = await preview(dist);
  browser = await launch();
  tab = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  fixture?.remove();
  if (dist) fs.rmSync(dist, { recursive: true, force: true });
});

/** True once the Component UI finished a search: a summary that is not "Searching…", and as many filled results as it says. */
function settledScript(): boolean {
  const summary = document.querySelector('pagefind-summary')?.textContent?.trim() ?? '';
  const list = document.querySelector('pagefind-results ul.pf-results');
  if (!summary || summary.startsWith('Searching') || !list || list.getAttribute('aria-busy') !== 'false') return false;
  // Each result is first a placeholder, filled once its fragment loaded: count filled links.
  const links = [...list.querySelectorAll('a.pf-result-link')].filter(
    (a) => a.textContent.trim() && !a.getAttribute('href')!.includes('{{'),
  );
  if (links.length !== list.children.length) return false;
  const n = /^(\d+) results? for/.exec(summary);
  return n ? links.length === Math.min(Number(n[1]), 5) || links.length === Number(n[1]) : links.length === 0;
}

/** Results shown by the Component UI once the search settled: link path and title, in order. */
async function results(page: Page): Promise<Array<{ url: string; title: string }>> {
  await page.waitForFunction(settledScript, undefined, { timeout: 15_000 });
  return page.$$eval('pagefind-results .pf-result a.pf-result-link', (as) =>
    as.map((a) => ({ url: new URL((a as HTMLAnchorElement).href).pathname, title: a.textContent.trim() })),
  );
}

/** The summary line of the search page, e.g. "3 results for fixture". */
const summary = (page: Page) => page.$eval('pagefind-summary', (e) => e.textContent.trim());

/** Opens /search/?q=… and returns the results once the query given in the URL has run. */
async function search(q: string): Promise<Array<{ url: string; title: string }>> {
  await tab.goto(`${server.url}/search/?q=${encodeURIComponent(q)}`);
  await tab.waitForFunction((query) => (document.querySelector('pagefind-summary')?.textContent ?? '').includes(query), q, {
    timeout: 15_000,
  });
  return results(tab);
}

/** Asks for the filter dropdowns (they come in on demand) and waits for them: opens "Filters and sort" if folded (a phone), else "Show the filters". */
async function openFilters(page: Page): Promise<void> {
  if (!(await page.$eval('#search-controls', (d) => (d as HTMLDetailsElement).open))) await page.click('#search-controls > summary');
  else if (await page.isVisible('#search-filters-show')) await page.click('#search-filters-show');
  await page.waitForSelector('#search-filters pagefind-filter-dropdown .pf-dropdown-trigger');
}

/** Records the filter chunks of Pagefind's index that `page` requests, into the array returned. */
function filterChunkRequests(page: Page): string[] {
  const chunks: string[] = [];
  page.on('request', (r) => {
    const p = new URL(r.url()).pathname;
    if (p.startsWith('/pagefind/filter/') || p.endsWith('.pf_filter')) chunks.push(p);
  });
  return chunks;
}

/** Opens a filter dropdown and returns its options as [value, count]. */
async function filterOptions(filter: string): Promise<Array<[string, number]>> {
  const dd = `pagefind-filter-dropdown[filter="${filter}"]`;
  await openFilters(tab);
  if ((await tab.getAttribute(`${dd} .pf-dropdown-trigger`, 'aria-expanded')) !== 'true') await tab.click(`${dd} .pf-dropdown-trigger`);
  await tab.waitForSelector(`${dd} .pf-dropdown-option`);
  return tab.$$eval(`${dd} .pf-dropdown-option`, (els) =>
    els.map((e) => [e.getAttribute('data-value')!, Number(e.querySelector('.pf-dropdown-option-count')!.textContent)] as [string, number]),
  );
}

/** Runs `action` (a filter choice, a sort) and returns the results of the new search it causes. */
async function afterNewSearch(action: () => Promise<unknown>): Promise<Array<{ url: string; title: string }>> {
  // Notice the "Searching…" state the action causes, so the old results are never taken for the new ones.
  await tab.evaluate(() => {
    const w = window as unknown as { __searched: boolean };
    w.__searched = false;
    const el = document.querySelector('pagefind-summary')!;
    new MutationObserver(() => {
      if (el.textContent.includes('Searching')) w.__searched = true;
    }).observe(el, { subtree: true, childList: true, characterData: true });
  });
  await action();
  await tab.waitForFunction(() => (window as unknown as { __searched: boolean }).__searched, undefined, { timeout: 15_000 });
  return results(tab);
}

/** Chooses one value of a filter dropdown and returns the results of the new search it runs. */
async function chooseFilter(filter: string, value: string): Promise<Array<{ url: string; title: string }>> {
  const dd = `pagefind-filter-dropdown[filter="${filter}"]`;
  await filterOptions(filter);
  const r = await afterNewSearch(() => tab.click(`${dd} .pf-dropdown-option[data-value="${value.replaceAll('"', '\\"')}"]`));
  await tab.keyboard.press('Escape');
  return r;
}

describe('search', () => {
  it('the header form on any page opens /search/?q=… and finds the sculpture notice first', async () => {
    await tab.goto(`${server.url}/notices/minimal/`);
    await tab.fill('#site-search-q', 'sculptures');
    await Promise.all([tab.waitForURL(/\/search\/\?q=sculptures$/), tab.press('#site-search-q', 'Enter')]);
    const r = await results(tab);
    expect(r[0]).toEqual({ url: '/notices/sculptures/', title: 'Methamphetamine inside animal sculptures' });
    expect(await tab.inputValue('pagefind-input input')).toBe('sculptures');
  });

  it("F1: every result title is its notice's frontmatter title", async () => {
    let seen = 0;
    for (const q of ['fixture', 'logs', 'MO-2024-0001', 'figurines']) {
      for (const r of await search(q)) {
        expect(titleOf.get(r.url), `${q}: ${r.url}`).toBe(r.title);
        seen++;
      }
    }
    expect(seen).toBeGreaterThanOrEqual(9);
  });

  it('results show id, summary and thumbnail from frontmatter (F1)', async () => {
    await search('fixture');
    const cards = await tab.$$eval('pagefind-results .pf-result', (lis) =>
      lis.map((li) => ({
        url: new URL(li.querySelector('a.pf-result-link')!.getAttribute('href')!, location.href).pathname,
        id: li.querySelector('.result__meta .mono')!.textContent.trim(),
        summary: li.querySelector('.result__summary')!.textContent.trim(),
        image: li.querySelector('img.result__img')?.getAttribute('src') ?? '',
      })),
    );
    expect(cards).toHaveLength(VISIBLE.length);
    for (const c of cards) {
      const n = VISIBLE.find((x) => `/notices/${x.slug}/` === c.url)!;
      expect(c.id).toBe(n.id);
      expect(c.summary).toBe(n.summary);
      // The notice's 240 px WebP thumbnail, a file of this build.
      expect(c.image, c.url).toMatch(/^\/_img\/[0-9a-f]{20}-240\.webp$/);
      expect(fs.existsSync(path.join(dist, c.image)), c.image).toBe(true);
    }
  });

  it('sorts results by published date, newest or oldest first', async () => {
    await search('fixture');
    const byDate = [...VISIBLE]
      .sort((a, b) => (a.published < b.published ? 1 : a.published > b.published ? -1 : 0))
      .map((n) => `/notices/${n.slug}/`);
    const newest = await afterNewSearch(() => tab.selectOption('#search-sort', 'published:desc'));
    expect(newest.map((r) => r.url)).toEqual(byDate);
    const oldest = await afterNewSearch(() => tab.selectOption('#search-sort', 'published:asc'));
    expect(oldest.map((r) => r.url)).toEqual([...byDate].reverse());
  });

  it('a filter narrows the results; F2: one Netherlands option counting 3 notices', async () => {
    const all = await search('fixture');
    expect(all.map((r) => r.url).sort()).toEqual(VISIBLE.map((n) => `/notices/${n.slug}/`).sort());
    const countries = await filterOptions('country');
    expect(countries.filter(([v]) => /netherlands/i.test(v))).toEqual([['Netherlands', 3]]);
    expect(countries.map(([v]) => v).every((v) => !/filter by|:/i.test(v))).toBe(true);
    const narrowed = await chooseFilter('country', 'Netherlands');
    expect(narrowed.map((r) => r.url).sort()).toEqual(['/notices/gearbox/', '/notices/ivory-logs-2022/', '/notices/sculptures/']);
  });

  it('F3: "Moldova, Republic of" is one intact option, and choosing it returns the notice', async () => {
    await search('fixture');
    const countries = await filterOptions('country');
    expect(countries).toContainEqual(['Moldova, Republic of', 1]);
    expect(countries.map(([v]) => v)).not.toContain('Moldova');
    const concealment = await filterOptions('concealment');
    expect(concealment).toContainEqual(['Packaging or lining (false bottoms, luggage lining)', 1]);
    await tab.keyboard.press('Escape');
    expect((await chooseFilter('country', 'Moldova, Republic of')).map((r) => r.url)).toEqual(['/notices/gearbox/']);
  });

  it('on a 390-px phone the first results are on the first screen, filters folded; every filter menu opens inside the screen', async () => {
    const phone = await browser.context.newPage();
    try {
      await phone.setViewportSize({ width: 390, height: 844 });
      const filterChunks = filterChunkRequests(phone);
      await phone.goto(`${server.url}/search/?q=fixture`);
      await phone.waitForSelector('.pf-result .result__title a');
      expect(await phone.$eval('#search-controls', (d) => (d as HTMLDetailsElement).open)).toBe(false);
      const first = (await phone.locator('.pf-result').first().boundingBox())!;
      expect(first.y + 40).toBeLessThan(844);
      // Folded filters cost nothing; opening them is asking for them (and their counts).
      await phone.waitForLoadState('networkidle');
      expect(filterChunks).toEqual([]);
      await phone.click('#search-controls > summary');
      for (const f of ['type', 'commodity', 'concealment', 'transport', 'crime_area', 'country', 'year']) {
        const dd = `pagefind-filter-dropdown[filter="${f}"]`;
        await phone.click(`${dd} .pf-dropdown-trigger`);
        const menu = phone.locator(`${dd} .pf-dropdown-menu`);
        await menu.waitFor({ state: 'visible' });
        const box = (await menu.boundingBox())!;
        expect([box.x >= 0, box.x + box.width <= 390], f).toEqual([true, true]);
        await phone.click(`${dd} .pf-dropdown-trigger`);
      }
    } finally {
      await phone.close();
    }
  });

  it('a plain search loads no filter chunk; "Show the filters" loads them and the dropdowns count the results (the first search stays small)', async () => {
    // Counting filter values loads every filter chunk of the index: at 10,000 notices 239 kB, two fifths of
    // what a first search cost. Fails if a search without the filters asked for loads them again.
    const page = await browser.context.newPage();
    const filterChunks = filterChunkRequests(page);
    browser.consoleErrors.length = 0;
    try {
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(`${server.url}/search/?q=fixture`);
      await results(page);
      // Wider screens: filters and sort open, sort in view, the filters one click away.
      expect(await page.$eval('#search-controls', (d) => (d as HTMLDetailsElement).open)).toBe(true);
      expect(await page.isVisible('#search-sort')).toBe(true);
      await page.waitForLoadState('networkidle');
      expect(filterChunks).toEqual([]);
      await page.click('#search-filters-show');
      const dd = 'pagefind-filter-dropdown[filter="type"]';
      await page.click(`${dd} .pf-dropdown-trigger`);
      await page.waitForSelector(`${dd} .pf-dropdown-option`);
      const counts = await page.$$eval(`${dd} .pf-dropdown-option`, (els) =>
        els.map((e) => [e.getAttribute('data-value'), Number(e.querySelector('.pf-dropdown-option-count')!.textContent)]),
      );
      expect(counts).toContainEqual(['Notice', VISIBLE.length]);
      expect(filterChunks.length).toBeGreaterThan(0);
      // The page's own policy (script-src 'self') lets the filters' module in: no error on the console.
      expect(browser.consoleErrors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('clicking a result opens the notice', async () => {
    await search('sculptures');
    await Promise.all([tab.waitForURL(/\/notices\/sculptures\/$/), tab.click('pagefind-results .pf-result a.pf-result-link')]);
    expect(await tab.textContent('h1')).toBe('Methamphetamine inside animal sculptures');
  });

  it('a mouse click on any result of many opens that result, not another one', async () => {
    const shown = await search('fixture');
    expect(shown.length).toBeGreaterThan(2);
    for (let i = 0; i < shown.length; i++) {
      if (i > 0) await search('fixture');
      const link = tab.locator('pagefind-results .pf-result a.pf-result-link').nth(i);
      await link.scrollIntoViewIfNeeded();
      const box = await link.boundingBox();
      // A real pointer click at the title (not Playwright's element click), as an officer would.
      await Promise.all([tab.waitForURL((u) => u.pathname !== '/search/'), tab.mouse.click(box!.x + 5, box!.y + box!.height / 2)]);
      expect(new URL(tab.url()).pathname, `result ${i + 1}`).toBe(shown[i]!.url);
    }
  });

  it("a search for each notice's id returns that notice first", async () => {
    for (const n of VISIBLE) expect((await search(n.id))[0]?.url, n.id).toBe(`/notices/${n.slug}/`);
  });

  it('finds each notice by every word of its title and by each keyword', async () => {
    await tab.goto(`${server.url}/search/`);
    // A string, not a function: vitest would rewrite a dynamic import() written in this file.
    const found = await tab.evaluate<Record<string, string[]>>(`(async (notices) => {
      const pf = await import('/pagefind/pagefind.js');
      const out = {};
      for (const n of notices) {
        const words = [...n.title.split(/[^\\p{L}\\p{N}-]+/u).filter((w) => w.length >= 3), ...n.keywords];
        for (const w of words) {
          const r = await pf.search(w);
          out[n.slug + ' ' + w] = await Promise.all(r.results.map(async (x) => (await x.data()).url));
        }
      }
      return out;
    })(${JSON.stringify(VISIBLE)})`);
    const missed = Object.entries(found)
      .filter(([k, urls]) => !urls.includes(`/notices/${k.split(' ')[0]}/`))
      .map(([k]) => k);
    expect(Object.keys(found).length).toBeGreaterThan(25);
    expect(missed).toEqual([]);
  });

  it('finds nothing of the notice withheld from this audience', async () => {
    const withheld = NOTICES.find((n) => n.tlp !== 'CLEAR')!;
    expect(await search('zebrawood')).toEqual([]);
    expect(await summary(tab)).toMatch(/^No results for zebrawood/);
    expect((await search(withheld.id)).map((r) => r.url)).not.toContain(`/notices/${withheld.slug}/`);
  });
});

describe('pages in the browser', () => {
  it('notice pages and the home page log no console error and request nothing from another host', async () => {
    browser.requests.length = 0;
    browser.consoleErrors.length = 0;
    for (const url of ['/', ...VISIBLE.map((n) => `/notices/${n.slug}/`)]) {
      const res = await tab.goto(`${server.url}${url}`, { waitUntil: 'load' });
      expect(res?.status(), url).toBe(200);
      // Load every lazy image too.
      await tab.evaluate(() => document.querySelectorAll('img').forEach((i) => (i.loading = 'eager')));
      await tab.waitForLoadState('networkidle');
    }
    expect(browser.consoleErrors).toEqual([]);
    expect(offMachine(browser.requests)).toEqual([]);
    // Images come only from the variants in /_img/ (AVIF where the browser takes it), never an original.
    const images = browser.requests.map((u) => new URL(u).pathname).filter((p) => /\.(avif|webp|jpe?g|png|gif|tiff?)$/i.test(p));
    expect(images.filter((p) => !/^\/_img\/[0-9a-f]{20}-\d+\.(avif|webp)$/.test(p))).toEqual([]);
    expect(images.some((p) => p.endsWith('.avif'))).toBe(true);
    expect(images.some((p) => p.endsWith('-240.webp'))).toBe(true);
  });

  it('the search page requests nothing from another host either', async () => {
    browser.requests.length = 0;
    browser.consoleErrors.length = 0;
    await search('fixture');
    expect(browser.consoleErrors).toEqual([]);
    expect(offMachine(browser.requests)).toEqual([]);
  });

  it('/id/<ID>/ takes the browser to the notice', async () => {
    for (const n of VISIBLE) {
      await tab.goto(`${server.url}/id/${n.id}/`);
      await tab.waitForURL(new RegExp(`/notices/${n.slug}/$`));
      expect(await tab.textContent('h1')).toBe(n.title);
    }
  });
});

describe('accessibility (axe-core)', () => {
  /** Runs axe on the current page; returns "rule: targets" for each violation. */
  async function axe(page: Page): Promise<string[]> {
    // Evaluated through the DevTools protocol: the page's Content-Security-Policy (no inline script)
    // would block a <script> tag, and the policy stays in force for everything else.
    await page.evaluate(fs.readFileSync(AXE, 'utf8'));
    const violations = await page.evaluate(async () => {
      const r = await (
        window as unknown as {
          axe: {
            run(
              ctx: Document,
              o: object,
            ): Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }>;
          };
        }
      ).axe.run(document, { resultTypes: ['violations'] });
      return r.violations.map(
        (v) =>
          `${v.id} (${v.impact}): ${v.nodes
            .map((n) => n.target.join(' '))
            .slice(0, 5)
            .join(' | ')}`,
      );
    });
    return violations;
  }

  const PAGES = [
    '/',
    '/notices/',
    '/notices/sculptures/',
    '/notices/ivory-logs-2022/',
    '/notices/cash-quarter-panels/',
    '/browse/',
    '/browse/country/',
    '/browse/country/nl/',
    '/search/?q=sculptures',
    '/markings/',
    '/no-such-page/',
  ];

  for (const scheme of ['light', 'dark'] as const) {
    it(`finds no violation on any page type (${scheme} scheme)`, async () => {
      await tab.emulateMedia({ colorScheme: scheme });
      const found: string[] = [];
      for (const url of PAGES) {
        await tab.goto(`${server.url}${url}`);
        // The search page with its results and its filters open, so the filter dropdowns are checked too.
        if (url.startsWith('/search/')) {
          await results(tab);
          await openFilters(tab);
        }
        if (url === '/no-such-page/') expect(await tab.textContent('h1')).toBe('Page not found');
        for (const v of await axe(tab)) found.push(`${url}: ${v}`);
      }
      await tab.emulateMedia({ colorScheme: null });
      expect(found).toEqual([]);
    });
  }

  it('finds no violation on a notice page on a 390-px phone, light and dark', async () => {
    await tab.setViewportSize({ width: 390, height: 844 });
    const found: string[] = [];
    try {
      for (const scheme of ['light', 'dark'] as const) {
        await tab.emulateMedia({ colorScheme: scheme });
        await tab.goto(`${server.url}/notices/sculptures/`);
        for (const v of await axe(tab)) found.push(`${scheme}: ${v}`);
        const overflow = await tab.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `${scheme}: page wider than the phone`).toBeLessThanOrEqual(0);
      }
    } finally {
      await tab.emulateMedia({ colorScheme: null });
      await tab.setViewportSize({ width: 1280, height: 900 });
    }
    expect(found).toEqual([]);
  });
});

describe('print', () => {
  it('hides header, navigation, search and footer; shows the marking banner, facts, indicators, images and the print-only line', async () => {
    await tab.goto(`${server.url}/notices/sculptures/`);
    await tab.emulateMedia({ media: 'print' });
    try {
      const shown = await tab.evaluate(() => {
        const visible = (sel: string) =>
          [...document.querySelectorAll(sel)].some((e) => getComputedStyle(e).display !== 'none' && (e as HTMLElement).offsetHeight > 0);
        return {
          header: visible('.site-header'),
          nav: visible('.site-nav'),
          search: visible('.site-search'),
          footer: visible('.site-footer'),
          more: visible('.notice__more'),
          banner: visible('.marking-banner'),
          facts: visible('.facts'),
          indicators: visible('.callout--indicators'),
          images: visible('.gallery img'),
          printLine: visible('.print-footer'),
          printLineText: document.querySelector('.print-footer')?.textContent ?? '',
          bannerColours: getComputedStyle(document.querySelector('.marking-banner')!).printColorAdjust,
        };
      });
      expect(shown).toMatchObject({
        header: false,
        nav: false,
        search: false,
        footer: false,
        more: false,
        banner: true,
        facts: true,
        indicators: true,
        images: true,
        printLine: true,
        bannerColours: 'exact',
      });
      expect(shown.printLineText).toContain('Printed copy of notice MO-2024-0001');
      const pdf = await tab.pdf({ format: 'A4' });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      // On paper: the marking at the top and bottom of every page (page margins), the title, an
      // indicator, the printed line; and no page that holds nothing but the marking.
      const file = path.join(tempDir('print'), 'notice.pdf');
      fs.writeFileSync(file, pdf);
      const pages = pdfPages(file);
      const all = pages.join('\n');
      expect(all).toContain('Methamphetamine inside animal sculptures');
      expect(all).toContain('Printed copy of notice MO-2024-0001');
      for (const [i, text] of pages.entries()) {
        expect(text.match(/TLP:CLEAR/g)?.length ?? 0, `page ${i + 1} marking`).toBeGreaterThanOrEqual(2);
        expect(
          text.replace(/TLP:CLEAR|MO-2024-0001|Disclosure is not limited\./g, '').trim().length,
          `page ${i + 1} has content`,
        ).toBeGreaterThan(80);
      }
    } finally {
      await tab.emulateMedia({ media: null });
    }
    // On screen the print-only line is hidden.
    expect(await tab.isVisible('.print-footer')).toBe(false);
  });
});
