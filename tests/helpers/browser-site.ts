/**
 * The browser tests' site (tests/site/browser*.test.ts): the `basic` fixture built as `npm run build`
 * does, served by `astro preview`, opened in Chromium; the frontmatter of its notices (the expected
 * titles, ids, keywords); and the helpers that drive the search page's Pagefind Component UI.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { astroBuild, preview, tempDir, type Served } from './site.ts';
import { launch, type Session } from './chromium.ts';
import { FIXTURES, materialise, type Fixture } from './fixtures.ts';
import { yamlFrontmatter } from './notice-data.ts';

/** Frontmatter of the fixture's notices as Astro reads it, by slug (the expected titles, ids, keywords). */
export interface FixtureNotice {
  slug: string;
  id: string;
  title: string;
  summary: string;
  published: string;
  keywords: string[];
  tlp: string;
}
export const NOTICES: FixtureNotice[] = fs.readdirSync(path.join(FIXTURES, 'basic/notices')).map((slug) => {
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
export const VISIBLE = NOTICES.filter((n) => n.tlp === 'CLEAR');
export const titleOf = new Map(NOTICES.map((n) => [`/notices/${n.slug}/`, n.title]));

/** The built and served fixture, and one Chromium tab on it. */
export interface BrowserSite {
  /** The built site's folder. */
  dist: string;
  server: Served;
  browser: Session;
  tab: Page;
  /** Stops the browser and the server, and removes the fixture and its build. */
  close(): Promise<void>;
}

/** Builds the `basic` fixture, serves it and opens Chromium on it. Throws when the build fails. */
export async function openBrowserSite(): Promise<BrowserSite> {
  const fixture: Fixture = await materialise('basic');
  const dist = tempDir('dist-browser');
  const r = await astroBuild(fixture.contentDir, dist);
  if (r.code !== 0) throw new Error(`fixture build failed:\n${r.output}`);
  const server = await preview(dist);
  const browser = await launch();
  const tab = await browser.newPage();
  return {
    dist,
    server,
    browser,
    tab,
    close: async () => {
      await browser.close();
      await server.stop();
      fixture.remove();
      fs.rmSync(dist, { recursive: true, force: true });
    },
  };
}

/** The search page's helpers, on the tab and server that `site()` returns when they run. */
export function searchHelpers(site: () => { tab: Page; server: Served }) {
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
    await site().tab.goto(`${site().server.url}/search/?q=${encodeURIComponent(q)}`);
    await site().tab.waitForFunction((query) => (document.querySelector('pagefind-summary')?.textContent ?? '').includes(query), q, {
      timeout: 15_000,
    });
    return results(site().tab);
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
    await openFilters(site().tab);
    if ((await site().tab.getAttribute(`${dd} .pf-dropdown-trigger`, 'aria-expanded')) !== 'true')
      await site().tab.click(`${dd} .pf-dropdown-trigger`);
    await site().tab.waitForSelector(`${dd} .pf-dropdown-option`);
    return site().tab.$$eval(`${dd} .pf-dropdown-option`, (els) =>
      els.map(
        (e) => [e.getAttribute('data-value')!, Number(e.querySelector('.pf-dropdown-option-count')!.textContent)] as [string, number],
      ),
    );
  }

  /** Runs `action` (a filter choice, a sort) and returns the results of the new search it causes. */
  async function afterNewSearch(action: () => Promise<unknown>): Promise<Array<{ url: string; title: string }>> {
    // Notice the "Searching…" state the action causes, so the old results are never taken for the new ones.
    await site().tab.evaluate(() => {
      const w = window as unknown as { __searched: boolean };
      w.__searched = false;
      const el = document.querySelector('pagefind-summary')!;
      new MutationObserver(() => {
        if (el.textContent.includes('Searching')) w.__searched = true;
      }).observe(el, { subtree: true, childList: true, characterData: true });
    });
    await action();
    await site().tab.waitForFunction(() => (window as unknown as { __searched: boolean }).__searched, undefined, { timeout: 15_000 });
    return results(site().tab);
  }

  /** Chooses one value of a filter dropdown and returns the results of the new search it runs. */
  async function chooseFilter(filter: string, value: string): Promise<Array<{ url: string; title: string }>> {
    const dd = `pagefind-filter-dropdown[filter="${filter}"]`;
    await filterOptions(filter);
    const r = await afterNewSearch(() => site().tab.click(`${dd} .pf-dropdown-option[data-value="${value.replaceAll('"', '\\"')}"]`));
    await site().tab.keyboard.press('Escape');
    return r;
  }
  return { results, summary, search, openFilters, filterChunkRequests, filterOptions, afterNewSearch, chooseFilter };
}
