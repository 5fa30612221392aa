/**
 * The search page in Chromium (playwright-core) on the built `basic` fixture served by `astro preview`:
 * search through the header form, result titles from frontmatter (F1), filters with canonical values
 * (F2) and values with commas (F3) loaded only when asked for, sort, phones, opening a result, every id
 * found first, every title word and keyword found, nothing of a withheld notice found.
 *
 * Prevents: result titles taken from page chrome (F1), one country split into several filter values
 * (F2) or a value with a comma cut in two (F3), a first search that loads every filter chunk, a notice
 * that cannot be found by its id or title words, a click opening another result.
 *
 * One build and one Chromium for the whole file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOTICES, VISIBLE, openBrowserSite, searchHelpers, titleOf, type BrowserSite } from '../helpers/browser-site.ts';

let site: BrowserSite;
beforeAll(async () => {
  site = await openBrowserSite();
});
afterAll(async () => {
  await site?.close();
});
const { results, summary, search, filterChunkRequests, filterOptions, afterNewSearch, chooseFilter } = searchHelpers(() => site);

describe('search', () => {
  it('the header form on any page opens /search/?q=… and finds the sculpture notice first', async () => {
    await site.tab.goto(`${site.server.url}/notices/minimal/`);
    await site.tab.fill('#site-search-q', 'sculptures');
    await Promise.all([site.tab.waitForURL(/\/search\/\?q=sculptures$/), site.tab.press('#site-search-q', 'Enter')]);
    const r = await results(site.tab);
    expect(r[0]).toEqual({ url: '/notices/sculptures/', title: 'Methamphetamine inside animal sculptures' });
    expect(await site.tab.inputValue('pagefind-input input')).toBe('sculptures');
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
    const cards = await site.tab.$$eval('pagefind-results .pf-result', (lis) =>
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
      expect(fs.existsSync(path.join(site.dist, c.image)), c.image).toBe(true);
    }
  });

  it('sorts results by published date, newest or oldest first', async () => {
    await search('fixture');
    const byDate = [...VISIBLE]
      .sort((a, b) => (a.published < b.published ? 1 : a.published > b.published ? -1 : 0))
      .map((n) => `/notices/${n.slug}/`);
    const newest = await afterNewSearch(() => site.tab.selectOption('#search-sort', 'published:desc'));
    expect(newest.map((r) => r.url)).toEqual(byDate);
    const oldest = await afterNewSearch(() => site.tab.selectOption('#search-sort', 'published:asc'));
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
    await site.tab.keyboard.press('Escape');
    expect((await chooseFilter('country', 'Moldova, Republic of')).map((r) => r.url)).toEqual(['/notices/gearbox/']);
  });

  it('on a 390-px phone the first results are on the first screen, filters folded; every filter menu opens inside the screen', async () => {
    const phone = await site.browser.context.newPage();
    try {
      await phone.setViewportSize({ width: 390, height: 844 });
      const filterChunks = filterChunkRequests(phone);
      await phone.goto(`${site.server.url}/search/?q=fixture`);
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
    const page = await site.browser.context.newPage();
    const filterChunks = filterChunkRequests(page);
    site.browser.consoleErrors.length = 0;
    try {
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(`${site.server.url}/search/?q=fixture`);
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
      expect(site.browser.consoleErrors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('clicking a result opens the notice', async () => {
    await search('sculptures');
    await Promise.all([site.tab.waitForURL(/\/notices\/sculptures\/$/), site.tab.click('pagefind-results .pf-result a.pf-result-link')]);
    expect(await site.tab.textContent('h1')).toBe('Methamphetamine inside animal sculptures');
  });

  it('a mouse click on any result of many opens that result, not another one', async () => {
    const shown = await search('fixture');
    expect(shown.length).toBeGreaterThan(2);
    for (let i = 0; i < shown.length; i++) {
      if (i > 0) await search('fixture');
      const link = site.tab.locator('pagefind-results .pf-result a.pf-result-link').nth(i);
      await link.scrollIntoViewIfNeeded();
      const box = await link.boundingBox();
      // A real pointer click at the title (not Playwright's element click), as an officer would.
      await Promise.all([
        site.tab.waitForURL((u) => u.pathname !== '/search/'),
        site.tab.mouse.click(box!.x + 5, box!.y + box!.height / 2),
      ]);
      expect(new URL(site.tab.url()).pathname, `result ${i + 1}`).toBe(shown[i]!.url);
    }
  });

  it("a search for each notice's id returns that notice first", async () => {
    for (const n of VISIBLE) expect((await search(n.id))[0]?.url, n.id).toBe(`/notices/${n.slug}/`);
  });

  it('finds each notice by every word of its title and by each keyword', async () => {
    await site.tab.goto(`${site.server.url}/search/`);
    // A string, not a function: vitest would rewrite a dynamic import() written in this file.
    const found = await site.tab.evaluate<Record<string, string[]>>(`(async (notices) => {
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
    expect(await summary(site.tab)).toMatch(/^No results for zebrawood/);
    expect((await search(withheld.id)).map((r) => r.url)).not.toContain(`/notices/${withheld.slug}/`);
  });
});
