/**
 * Pages in Chromium (playwright-core) on the built `basic` fixture served by `astro preview`: no
 * console error and no request to another host, `/id/` redirects, axe-core on every page type in light
 * and dark schemes and on a 390-px phone, and the print view. The search page itself:
 * browser-search.test.ts.
 *
 * Prevents: pages that call other hosts or fail accessibility checks, and a printout without the marking.
 *
 * One build and one Chromium for the whole file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ROOT, tempDir } from '../helpers/site.ts';
import { offMachine } from '../helpers/chromium.ts';
import { VISIBLE, openBrowserSite, searchHelpers, type BrowserSite } from '../helpers/browser-site.ts';
import { pdfPages } from '../helpers/pdf.ts';

const AXE = path.join(ROOT, 'node_modules/axe-core/axe.min.js');

let site: BrowserSite;
beforeAll(async () => {
  site = await openBrowserSite();
});
afterAll(async () => {
  await site?.close();
});
const { results, search, openFilters } = searchHelpers(() => site);

describe('pages in the browser', () => {
  it('notice pages and the home page log no console error and request nothing from another host', async () => {
    site.browser.requests.length = 0;
    site.browser.consoleErrors.length = 0;
    for (const url of ['/', ...VISIBLE.map((n) => `/notices/${n.slug}/`)]) {
      const res = await site.tab.goto(`${site.server.url}${url}`, { waitUntil: 'load' });
      expect(res?.status(), url).toBe(200);
      // Load every lazy image too.
      await site.tab.evaluate(() => document.querySelectorAll('img').forEach((i) => (i.loading = 'eager')));
      await site.tab.waitForLoadState('networkidle');
    }
    expect(site.browser.consoleErrors).toEqual([]);
    expect(offMachine(site.browser.requests)).toEqual([]);
    // Images come only from the variants in /_img/ (AVIF where the browser takes it), never an original.
    const images = site.browser.requests.map((u) => new URL(u).pathname).filter((p) => /\.(avif|webp|jpe?g|png|gif|tiff?)$/i.test(p));
    expect(images.filter((p) => !/^\/_img\/[0-9a-f]{20}-\d+\.(avif|webp)$/.test(p))).toEqual([]);
    expect(images.some((p) => p.endsWith('.avif'))).toBe(true);
    expect(images.some((p) => p.endsWith('-240.webp'))).toBe(true);
  });

  it('the search page requests nothing from another host either', async () => {
    site.browser.requests.length = 0;
    site.browser.consoleErrors.length = 0;
    await search('fixture');
    expect(site.browser.consoleErrors).toEqual([]);
    expect(offMachine(site.browser.requests)).toEqual([]);
  });

  it('/id/<ID>/ takes the browser to the notice', async () => {
    for (const n of VISIBLE) {
      await site.tab.goto(`${site.server.url}/id/${n.id}/`);
      await site.tab.waitForURL(new RegExp(`/notices/${n.slug}/$`));
      expect(await site.tab.textContent('h1')).toBe(n.title);
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
      await site.tab.emulateMedia({ colorScheme: scheme });
      const found: string[] = [];
      for (const url of PAGES) {
        await site.tab.goto(`${site.server.url}${url}`);
        // The search page with its results and its filters open, so the filter dropdowns are checked too.
        if (url.startsWith('/search/')) {
          await results(site.tab);
          await openFilters(site.tab);
        }
        if (url === '/no-such-page/') expect(await site.tab.textContent('h1')).toBe('Page not found');
        for (const v of await axe(site.tab)) found.push(`${url}: ${v}`);
      }
      await site.tab.emulateMedia({ colorScheme: null });
      expect(found).toEqual([]);
    });
  }

  it('finds no violation on a notice page on a 390-px phone, light and dark', async () => {
    await site.tab.setViewportSize({ width: 390, height: 844 });
    const found: string[] = [];
    try {
      for (const scheme of ['light', 'dark'] as const) {
        await site.tab.emulateMedia({ colorScheme: scheme });
        await site.tab.goto(`${site.server.url}/notices/sculptures/`);
        for (const v of await axe(site.tab)) found.push(`${scheme}: ${v}`);
        const overflow = await site.tab.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `${scheme}: page wider than the phone`).toBeLessThanOrEqual(0);
      }
    } finally {
      await site.tab.emulateMedia({ colorScheme: null });
      await site.tab.setViewportSize({ width: 1280, height: 900 });
    }
    expect(found).toEqual([]);
  });
});

describe('print', () => {
  it('hides header, navigation, search and footer; shows the marking banner, facts, indicators, images and the print-only line', async () => {
    await site.tab.goto(`${site.server.url}/notices/sculptures/`);
    await site.tab.emulateMedia({ media: 'print' });
    try {
      const shown = await site.tab.evaluate(() => {
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
      const pdf = await site.tab.pdf({ format: 'A4' });
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
      await site.tab.emulateMedia({ media: null });
    }
    // On screen the print-only line is hidden.
    expect(await site.tab.isVisible('.print-footer')).toBe(false);
  });
});
