/**
 * The four languages on the sample content (content/: notices translated into French, Spanish and Arabic,
 * originals written in French, Spanish and Arabic, untranslated notices, a course in four languages),
 * built as `npm run build` does and opened in Chromium:
 * - every page type in every language has its `lang` and `dir`, its `hreflang` alternates and a switcher
 *   leading to the same page, and shows the interface in its own language (no placeholder, no English
 *   navigation on a French page);
 * - a translated notice shows its translation; an untranslated one shows the original marked with its
 *   own `lang` under a "not translated yet" line;
 * - axe finds no violation and the console no error on any page type in any language;
 * - the switcher takes the reader round the languages and back on the same notice;
 * - an Arabic notice page is laid out right to left (mirrored), on screen and on paper with its marking.
 *
 * Prevents: a page in the wrong language or direction, a switcher that drops the reader on the home page,
 * an untranslated page passed off as translated, an Arabic page laid out left to right.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ROOT, astroBuild, preview, tempDir, type Served } from '../helpers/site.ts';
import { launch, offMachine, type Session } from '../helpers/chromium.ts';
import { pdfPages } from '../helpers/pdf.ts';
import { t, type Lang } from '../../src/render/i18n/ui.ts';
import { parse as parseYaml } from 'yaml';

const LANGS: Lang[] = ['en', 'fr', 'es', 'ar'];
const prefix = (l: Lang) => (l === 'en' ? '' : `/${l}`);
const TRANSLATED = 'meth-in-animal-sculptures'; // translated into French, Spanish and Arabic
const UNTRANSLATED = 'tramadol-in-counterfeit-car-parts'; // English only
const FRENCH_ORIGINAL = 'cocaine-behind-false-bulkhead-in-engine-room';
const COURSE = 'maritime-concealment-methods'; // in the four languages
const PAGE_TYPES = [
  '/',
  '/notices/',
  `/notices/${TRANSLATED}/`,
  `/notices/${UNTRANSLATED}/`,
  `/notices/${FRENCH_ORIGINAL}/`,
  '/browse/',
  '/browse/commodity/',
  '/browse/commodity/cocaine/',
  '/courses/',
  `/courses/${COURSE}/`,
  `/courses/${COURSE}/handout/`,
  '/markings/',
  '/search/',
  // Last: it registers the service worker (docs/offline.md), which then answers for the pages after it.
  '/offline/',
];
const AXE = path.join(ROOT, 'node_modules/axe-core/axe.min.js');

let dist: string;
let server: Served;
let browser: Session;
let tab: Page;
const html = (p: string) => fs.readFileSync(path.join(dist, p.replace(/^\//, ''), p.endsWith('/') ? 'index.html' : ''), 'utf8');
const titleOf = (slug: string, file: string) =>
  String((parseYaml(fs.readFileSync(path.join(ROOT, 'content/notices', slug, file), 'utf8').split('---')[1]!) as { title: string }).title);

beforeAll(async () => {
  dist = path.join(tempDir('languages'), 'dist');
  const r = await astroBuild(path.join(ROOT, 'content'), dist);
  if (r.code !== 0) throw new Error(`build failed:\n${r.output}`);
  server = await preview(dist);
  browser = await launch();
  tab = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (dist) fs.rmSync(path.dirname(dist), { recursive: true, force: true });
});

describe.each(LANGS)('every page type in %s', (lang) => {
  it('has lang and dir, hreflang alternates and a switcher to the same page, and the interface in its language', () => {
    for (const p of PAGE_TYPES) {
      const page = html(`${prefix(lang)}${p}`);
      const where = `${prefix(lang)}${p}`;
      expect(page, where).toMatch(new RegExp(`<html lang="${lang}" dir="${lang === 'ar' ? 'rtl' : 'ltr'}"`));
      for (const l of LANGS) {
        expect(page, `${where} → ${l}`).toContain(`<link rel="alternate" hreflang="${l}" href="${prefix(l)}${p}">`);
        expect(page, `${where} switcher → ${l}`).toMatch(new RegExp(`<a href="${prefix(l)}${p}" hreflang="${l}"`));
      }
      expect(page).toContain(`<link rel="alternate" hreflang="x-default" href="${p}">`);
      // The header speaks the page's language: its navigation and search button are this language's strings.
      for (const key of ['nav.notices', 'nav.browse', 'nav.courses', 'nav.markings', 'search.button'] as const)
        expect(page, `${where} ${key}`).toContain(`>${t(key, {}, lang)}<`);
      const nav = /<nav class="site-nav"[\s\S]*?<\/nav>/.exec(page)?.[0] ?? '';
      if (lang !== 'en') expect(nav, where).not.toMatch(/>\s*(Browse|Courses|Markings|Search)\s*</);
      // No placeholder left unfilled in the text.
      expect(page.replace(/<script[\s\S]*?<\/script>/g, ''), where).not.toMatch(/>[^<]*\{[a-zA-Z]+\}[^<]*</);
    }
  });
});

describe('notices in several languages', () => {
  it('a translated notice shows its translation in each language, with no "not translated" line', () => {
    for (const lang of LANGS) {
      const page = html(`${prefix(lang)}/notices/${TRANSLATED}/`);
      const title = titleOf(TRANSLATED, lang === 'en' ? 'index.mdx' : `index.${lang}.mdx`);
      expect(page, lang).toContain(`<h1>${title}</h1>`);
      expect(page, lang).not.toContain('translation-note');
    }
  });

  it('an untranslated notice shows the original, marked with its own lang, under a "not translated yet" line', () => {
    const english = titleOf(UNTRANSLATED, 'index.mdx');
    for (const lang of ['fr', 'es', 'ar'] as const) {
      const page = html(`/${lang}/notices/${UNTRANSLATED}/`);
      expect(page, lang).toContain('translation-note--missing');
      expect(page, lang).toMatch(new RegExp(`<h1 lang="en" dir="ltr">${english}</h1>`));
    }
    // A notice written in French is shown in French on the English page, said so in English.
    const page = html(`/notices/${FRENCH_ORIGINAL}/`);
    expect(page).toContain(titleOf(FRENCH_ORIGINAL, 'index.en.mdx'));
    expect(html(`/fr/notices/${FRENCH_ORIGINAL}/`)).toContain(`<h1>${titleOf(FRENCH_ORIGINAL, 'index.mdx')}</h1>`);
    expect(html(`/es/notices/${FRENCH_ORIGINAL}/`)).toContain(t('translation.missing', { original: 'francés' }, 'es'));
  });

  it('/<lang>/id/<ID>/ leads to the notice in that language', () => {
    for (const lang of LANGS) expect(html(`${prefix(lang)}/id/MO-2025-0001/`), lang).toContain(`${prefix(lang)}/notices/${TRANSLATED}/`);
  });
});

describe('in Chromium', () => {
  async function axe(): Promise<string[]> {
    await tab.evaluate(fs.readFileSync(AXE, 'utf8'));
    return tab.evaluate(async () => {
      const r = await (
        window as unknown as {
          axe: { run(ctx: Document, o: object): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> }> };
        }
      ).axe.run(document, { resultTypes: ['violations'] });
      return r.violations.map(
        (v) =>
          `${v.id}: ${v.nodes
            .map((n) => n.target.join(' '))
            .slice(0, 3)
            .join(' | ')}`,
      );
    });
  }

  it('axe finds no violation and the console no error on any page type in any language', async () => {
    browser.consoleErrors.length = 0;
    browser.requests.length = 0;
    const found: string[] = [];
    for (const lang of LANGS) {
      for (const p of PAGE_TYPES) {
        const url = `${prefix(lang)}${p}`;
        const res = await tab.goto(`${server.url}${url}`, { waitUntil: 'load' });
        expect(res?.status(), url).toBe(200);
        for (const v of await axe()) found.push(`${url}: ${v}`);
      }
    }
    expect(found).toEqual([]);
    expect(browser.consoleErrors).toEqual([]);
    expect(offMachine(browser.requests)).toEqual([]);
  });

  it("the Arabic font is used on an Arabic page only: the switcher's Arabic name does not make every page download it (49 kB on a slow link)", async () => {
    // The state of the page's own font faces, not its requests: a font cached by an earlier page makes no request.
    const arabicFont = () =>
      tab.evaluate(async () => {
        await document.fonts.ready;
        return [...document.fonts].filter((f) => f.family.replace(/['"]/g, '') === 'Noto Sans Arabic').map((f) => f.status);
      });
    await tab.goto(`${server.url}/notices/${UNTRANSLATED}/`, { waitUntil: 'load' });
    expect(await tab.textContent('.lang-switch')).toContain('العربية');
    expect((await arabicFont()).filter((s) => s !== 'unloaded')).toEqual([]);
    await tab.goto(`${server.url}/ar/notices/${TRANSLATED}/`, { waitUntil: 'load' });
    expect(await arabicFont()).toContain('loaded');
  });

  it('the switcher takes the reader round the languages and back, on the same notice', async () => {
    await tab.goto(`${server.url}/fr/notices/${TRANSLATED}/`);
    for (const [name, lang] of [
      ['العربية', 'ar'],
      ['Español', 'es'],
      ['English', 'en'],
      ['Français', 'fr'],
    ] as const) {
      await tab.click(`.lang-switch a:text-is("${name}")`);
      await tab.waitForURL(`${server.url}${prefix(lang)}/notices/${TRANSLATED}/`);
      expect(await tab.getAttribute('html', 'lang')).toBe(lang);
      expect(await tab.textContent('h1')).toBe(titleOf(TRANSLATED, lang === 'en' ? 'index.mdx' : `index.${lang}.mdx`));
    }
  });

  it('an Arabic notice page is mirrored: header, marking banner and key facts read from the right', async () => {
    await tab.setViewportSize({ width: 1200, height: 900 });
    const boxes = async (url: string) => {
      await tab.goto(`${server.url}${url}`);
      return tab.evaluate(() => {
        const x = (sel: string) => {
          const r = document.querySelector(sel)!.getBoundingClientRect();
          return { left: r.left, right: r.right };
        };
        return {
          width: document.documentElement.clientWidth,
          brand: x('.brand'),
          badge: x('.marking-banner .tlp'),
          dt: x('.facts dt'),
          dd: x('.facts dd'),
        };
      });
    };
    const en = await boxes(`/notices/${TRANSLATED}/`);
    const ar = await boxes(`/ar/notices/${TRANSLATED}/`);
    // English: brand and marking start on the left, a fact's label left of its value; Arabic: the mirror image.
    expect(en.brand.left).toBeLessThan(en.width / 2);
    expect(ar.brand.right).toBeGreaterThan(ar.width / 2);
    expect(ar.badge.right).toBeGreaterThan(ar.width / 2);
    expect(en.dt.right).toBeLessThanOrEqual(en.dd.left);
    expect(ar.dt.left).toBeGreaterThanOrEqual(ar.dd.right);
    // Mirrored about the middle of the page, within a few pixels.
    expect(Math.abs(ar.width - ar.brand.right - en.brand.left)).toBeLessThan(24);
    fs.writeFileSync(path.join(path.dirname(dist), 'ar-notice.png'), await tab.screenshot());
  });

  it('an Arabic notice prints right to left with its marking on every page', async () => {
    await tab.goto(`${server.url}/ar/notices/${TRANSLATED}/`);
    await tab.emulateMedia({ media: 'print' });
    try {
      const file = path.join(path.dirname(dist), 'ar-notice.pdf');
      fs.writeFileSync(file, await tab.pdf({ format: 'A4' }));
      const pages = pdfPages(file);
      expect(pages.join('\n')).toContain('MO-2025-0001');
      for (const [i, text] of pages.entries()) expect(text.match(/TLP:CLEAR/g)?.length ?? 0, `page ${i + 1}`).toBeGreaterThanOrEqual(2);
      expect(await tab.evaluate(() => getComputedStyle(document.querySelector('.notice')!).direction)).toBe('rtl');
    } finally {
      await tab.emulateMedia({ media: null });
    }
  });
});
