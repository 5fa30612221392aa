/**
 * Search in Arabic, French and Spanish with the real Pagefind in Chromium, through the real search page.
 *
 * The `basic` fixture is built as `npm run build` does. Notice pages in Arabic, French and
 * Spanish are then added under /ar/, /fr/, /es/ (the site's frame taken from a built notice page, with
 * the language's `<html lang>` and `dir`), each with its search forms made by the functions and in the
 * markup of src/render/components/SearchForms.astro, in place of the fixture's notices the build made in
 * those languages; the built search pages of /ar/, /fr/, /es/ are used as they are; and the search index
 * is made again by src/search/search-index.ts, as the build does.
 * Each variant of a word is then typed (as `?q=`) into the search page of its language.
 *
 * Prevents: an Arabic page that is not found when the query is typed with or without tashkeel,
 * tatweel, another alef or hamza form, ta marbuta, alef maqsura, or Arabic-Indic or Persian digits;
 * a French or Spanish page not found without its accents, in the singular, without its ligature or
 * elided article; a notice id not found in each language, lower case, in eastern digits or copied with
 * its invisible right-to-left marks; a search page that searches another language's index; search
 * forms shown in a result excerpt, on the page, or to a screen reader; the query changed in the
 * search box or the address bar. Each case that Pagefind does not match by itself (marked below) fails
 * without the search forms or without the query normalisation.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { astroBuild, preview, tempDir, type Served } from '../helpers/site.ts';
import { launch, type Session } from '../helpers/chromium.ts';
import { materialise, type Fixture } from '../helpers/fixtures.ts';
import { searchForms } from '../../src/knowledge/search-forms.ts';
import { indexedText } from '../../src/render/indexed-text.ts';
import { buildSearchIndex } from '../../src/search/search-index.ts';

type Lang = 'ar' | 'fr' | 'es';
/**
 * One page and the queries that must find it. `alone`: the queries Pagefind 1.6 does not match to the
 * page by itself (measured without search forms and without query normalisation).
 */
interface Case {
  lang: Lang;
  slug: string;
  text: string;
  queries: string[];
  alone?: string[];
}

/** A sentence of every page of a language, sharing no word with the cases. */
const FILLER: Record<Lang, string> = {
  ar: 'وصف الطريقة كما نشرتها الجهات المختصة في تقريرها.',
  fr: 'Description de la méthode telle que publiée.',
  es: 'Descripción del método tal como se publicó.',
};

const RLM = '\u200F';
const CASES: Case[] = [
  // Arabic: Pagefind folds tashkeel and hamza seats (combining marks) and its stemmer drops tatweel.
  { lang: 'ar', slug: 'tashkeel', text: 'ضبط مخدرات في الميناء', queries: ['مخدرات', 'مُخَدِّرَات', 'مخـدرات', 'المخدرات', 'المُخَدِّرَات'] },
  { lang: 'ar', slug: 'written-tashkeel', text: 'ضبط كُوكَايِين في الحاوية', queries: ['كوكايين', 'كُوكَايِين', 'كوكـايين'] },
  { lang: 'ar', slug: 'written-tatweel', text: 'ضبط حشـيش في الشاحنة', queries: ['حشيش', 'حَشِيش'] },
  { lang: 'ar', slug: 'hamza-alef', text: 'كمية من أفيون مخبأة', queries: ['أفيون', 'افيون', 'إفيون', 'آفيون'] },
  { lang: 'ar', slug: 'hamza-below', text: 'عملية إخفاء بارعة', queries: ['اخفاء', 'أخفاء'] },
  { lang: 'ar', slug: 'madda', text: 'وجدت آثار مسحوق', queries: ['اثار', 'أثار'] },
  { lang: 'ar', slug: 'wasla-written', text: 'ٱستخدام طائرة مسيرة', queries: ['ٱستخدام', 'استخدام'], alone: ['استخدام'] },
  { lang: 'ar', slug: 'wasla-typed', text: 'عملية استيراد غير قانونية', queries: ['ٱستيراد'], alone: ['ٱستيراد'] },
  { lang: 'ar', slug: 'hamza-waw', text: 'الضابط مسؤول عن التفتيش', queries: ['مسؤول', 'مسوول'] },
  { lang: 'ar', slug: 'hamza-yeh', text: 'داخل حقائب السفر', queries: ['حقائب', 'حقايب'] },
  { lang: 'ar', slug: 'ta-marbuta', text: 'حدث ذلك مرة واحدة', queries: ['مرة', 'مره'], alone: ['مره'] },
  { lang: 'ar', slug: 'heh', text: 'كره شديد للتفتيش', queries: ['كره', 'كرة'], alone: ['كرة'] },
  { lang: 'ar', slug: 'ta-marbuta-long', text: 'وصلت الشحنة إلى الميناء', queries: ['الشحنة', 'الشحنه', 'شحنه'] },
  { lang: 'ar', slug: 'alef-maqsura', text: 'كان الفتى يحمل الحقيبة', queries: ['الفتى', 'الفتي'], alone: ['الفتي'] },
  { lang: 'ar', slug: 'alef-maqsura-long', text: 'نقل إلى مستشفى قريب', queries: ['مستشفي', 'مستشفى'] },
  { lang: 'ar', slug: 'indic-digits', text: 'ضبطت الشحنة في عام ٢٠٢٥', queries: ['٢٠٢٥', '2025', '۲۰۲۵'], alone: ['۲۰۲۵'] },
  { lang: 'ar', slug: 'persian-digits', text: 'ضبطت الشحنة في عام ۲۰۲۳', queries: ['۲۰۲۳', '2023', '٢٠٢٣'], alone: ['2023', '٢٠٢٣'] },
  {
    lang: 'ar',
    slug: 'notice-id',
    text: 'النشرة \u2067MO-2025-0001\u2069 عن التهريب',
    queries: ['MO-2025-0001', 'mo-2025-0001', 'MO-٢٠٢٥-٠٠٠١', `${RLM}MO-2025-0001${RLM}`],
    alone: [`${RLM}MO-2025-0001${RLM}`],
  },
  // French: accents and plurals are Pagefind's; ligatures and elisions with ’ are not.
  {
    lang: 'fr',
    slug: 'accents',
    text: 'Saisie de cocaïne et de méthamphétamine au port',
    queries: ['cocaine', 'COCAÏNE', 'methamphetamine'],
  },
  { lang: 'fr', slug: 'plural', text: 'Dissimulée dans des statues en résine', queries: ['statue', 'Statues', 'dissimulee'] },
  {
    lang: 'fr',
    slug: 'elision',
    text: 'Saisie de l’héroïne à l’aéroport d’Orly',
    queries: ['héroïne', 'heroine', 'aeroport', 'orly', 'l’héroïne'],
    alone: ['héroïne', 'heroine', 'aeroport', 'orly'],
  },
  { lang: 'fr', slug: 'ligature', text: 'Des œuvres d’art creuses', queries: ['oeuvres', 'oeuvre', 'œuvre'], alone: ['oeuvres', 'oeuvre'] },
  { lang: 'fr', slug: 'ligature-typed', text: 'Un coeur de palette évidé', queries: ['cœur'], alone: ['cœur'] },
  { lang: 'fr', slug: 'year', text: 'Saisie faite en 2024 au port', queries: ['٢٠٢٤', '۲۰۲۴'], alone: ['٢٠٢٤', '۲۰۲۴'] },
  {
    lang: 'fr',
    slug: 'notice-id',
    text: 'La notice MO-2025-0002 décrit la méthode',
    queries: ['MO-2025-0002', 'mo-2025-0002', 'MO-٢٠٢٥-٠٠٠٢'],
  },
  // Spanish: accents, ñ and plurals are Pagefind's.
  { lang: 'es', slug: 'accents', text: 'Técnica de ocultación de cocaína en la carga', queries: ['ocultacion', 'OCULTACIÓN', 'cocaina'] },
  { lang: 'es', slug: 'plural', text: 'Metanfetamina dentro de estatuas de resina', queries: ['estatua', 'metanfetaminas'] },
  { lang: 'es', slug: 'enye', text: 'Un cargamento de piñas huecas', queries: ['pina', 'piña', 'piñas'] },
  {
    lang: 'es',
    slug: 'notice-id',
    text: 'El aviso MO-2025-0003 describe el método',
    queries: ['mo-2025-0003', 'MO-٢٠٢٥-٠٠٠٣', '۲۰۲۵'],
    alone: ['۲۰۲۵'],
  },
];

const DIR: Record<Lang, 'rtl' | 'ltr'> = { ar: 'rtl', fr: 'ltr', es: 'ltr' };
const urlOf = (c: Case) => `/${c.lang}/notices/${c.slug}/`;
/** What a language page's indexed body holds: its title, its sentence and a paragraph of another text. */
const bodyOf = (c: Case) => `<h1>${c.text}</h1><p>${FILLER[c.lang]}</p><p>${c.text}.</p>`;
/** The search forms span, as src/render/components/SearchForms.astro writes it (tests/site/courses.test.ts checks that markup on built pages). */
const formsSpan = (lang: string, html: string) => {
  const forms = searchForms(lang, [indexedText(html)]);
  return forms.length ? `<span class="search-forms" data-pagefind-ignore data-pagefind-meta="forms" hidden>${forms.join(' ')}</span>` : '';
};

let fixture: Fixture;
let dist: string;
let server: Served;
let browser: Session;

beforeAll(async () => {
  fixture = await materialise('basic');
  dist = tempDir('dist-languages');
  const r = await astroBuild(fixture.contentDir, dist);
  if (r.code !== 0) throw new Error(`fixture build failed:\n${r.output}`);
  const template = fs.readFileSync(path.join(dist, 'notices/minimal/index.html'), 'utf8');
  // The build made the fixture's notices in every language; they are replaced by the cases below, so that
  // each language's index holds exactly the cases' pages. The search pages are the built ones.
  for (const lang of ['ar', 'fr', 'es'] as const) {
    for (const section of ['notices', 'courses']) fs.rmSync(path.join(dist, lang, section), { recursive: true, force: true });
    expect(fs.readFileSync(path.join(dist, lang, 'search/index.html'), 'utf8')).toContain(`<html lang="${lang}" dir="${DIR[lang]}"`);
  }
  const inLang = (html: string, lang: Lang) => {
    const out = html.replace('<html lang="en" dir="ltr">', `<html lang="${lang}" dir="${DIR[lang]}">`);
    expect(out, 'the built page starts with <html lang="en" dir="ltr">').not.toBe(html);
    return out;
  };
  for (const c of CASES) {
    const body = bodyOf(c);
    const page = inLang(template, c.lang).replace(
      /<article\b[^>]*data-pagefind-body[^>]*>[\s\S]*<\/article>/,
      `<article class="notice" data-pagefind-body>${body}${formsSpan(c.lang, body)}</article>`,
    );
    fs.mkdirSync(path.join(dist, urlOf(c)), { recursive: true });
    fs.writeFileSync(path.join(dist, urlOf(c), 'index.html'), page);
  }
  await buildSearchIndex(dist, () => {});
  server = await preview(dist);
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  fixture?.remove();
  if (dist) fs.rmSync(dist, { recursive: true, force: true });
});

/** A result of the search page: its address and its excerpt as shown. */
interface Shown {
  url: string;
  excerpt: string;
}

/**
 * Opens the search page of `lang` ('' for English) with `?q=query`, waits until the Component UI has
 * shown the results of that query (in any language of its own strings), and returns them.
 */
async function search(lang: Lang | '', query: string): Promise<Shown[]> {
  const tab = await browser.newPage();
  try {
    await tab.goto(`${server.url}${lang ? `/${lang}` : ''}/search/?q=${encodeURIComponent(query)}`);
    await tab.waitForFunction(
      (q) => {
        interface UiInstance {
          searchTerm?: string;
          searchResult?: { results?: unknown[] };
          translate(key: string, replacements: object): string;
        }
        const manager = (window as unknown as { PagefindComponents?: { getInstanceManager(): { getInstance(n: string): UiInstance } } })
          .PagefindComponents;
        const inst = manager?.getInstanceManager().getInstance('default');
        const total = inst?.searchResult?.results?.length;
        if (!inst || inst.searchTerm !== q || total === undefined) return false;
        // The summary of this query's results, in the Component UI's strings of the page's language.
        const key = total === 0 ? 'zero_results' : total === 1 ? 'one_result' : 'many_results';
        const summary = document.querySelector('pagefind-summary')?.textContent?.trim() ?? '';
        if (summary !== inst.translate(key, { SEARCH_TERM: q, COUNT: total }).trim()) return false;
        const list = document.querySelector('pagefind-results ul.pf-results');
        if (!list || list.getAttribute('aria-busy') !== 'false') return false;
        // Each result is first a placeholder, filled once its fragment loaded.
        const links = [...list.querySelectorAll('a.pf-result-link')].filter(
          (a) => a.textContent.trim() && !a.getAttribute('href')!.includes('{{'),
        );
        return links.length === list.children.length && (links.length === total || links.length === 5);
      },
      query,
      { timeout: 15_000 },
    );
    expect(await tab.inputValue('pagefind-input input'), 'the query stays as typed in the search box').toBe(query);
    expect(new URL(tab.url()).searchParams.get('q'), 'and in the address bar').toBe(query);
    return await tab.$$eval('pagefind-results .pf-result', (lis) =>
      lis.map((li) => ({
        url: new URL(li.querySelector('a.pf-result-link')!.getAttribute('href')!, location.href).pathname,
        excerpt: li.querySelector('.result__excerpt')?.textContent ?? '',
      })),
    );
  } finally {
    await tab.close();
  }
}

describe('search per language, with the real Pagefind in Chromium', () => {
  it('Pagefind made one index per language, and each search page loads its own language’s index', async () => {
    const entry = JSON.parse(fs.readFileSync(path.join(dist, 'pagefind/pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    expect(Object.keys(entry.languages).sort()).toEqual(['ar', 'en', 'es', 'fr']);
    for (const lang of ['ar', 'fr', 'es'] as const)
      expect(entry.languages[lang]!.page_count, lang).toBe(CASES.filter((c) => c.lang === lang).length);
    for (const lang of ['ar', 'fr', 'es'] as const) {
      const before = browser.requests.length;
      await search(lang, '2025');
      const wasm = browser.requests
        .slice(before)
        .map((u) => new URL(u).pathname)
        .filter((p) => p.startsWith('/pagefind/wasm.'));
      expect(wasm, lang).toEqual([`/pagefind/wasm.${lang}.pagefind`]);
    }
  });

  it('a search page finds only the pages of its language', async () => {
    expect((await search('es', 'statues')).map((r) => r.url)).toEqual([]);
    expect((await search('fr', 'statues')).map((r) => r.url)).toEqual(['/fr/notices/plural/']);
    expect((await search('ar', 'sculptures')).map((r) => r.url)).toEqual([]);
    expect((await search('', 'sculptures')).map((r) => r.url)).toContain('/notices/sculptures/');
    expect((await search('', 'ocultacion')).map((r) => r.url)).toEqual([]);
  });

  for (const c of CASES) {
    it(`${c.lang} ${c.slug}: ${c.queries.join(' · ')} find “${c.text}”${c.alone ? ` (Pagefind alone misses ${c.alone.join(', ')})` : ''}`, async () => {
      for (const q of c.queries)
        expect(
          (await search(c.lang, q)).map((r) => r.url),
          `${c.lang} ${JSON.stringify(q)}`,
        ).toContain(urlOf(c));
    });
  }

  it('the search forms are never shown: not in an excerpt, not on the page, not to a screen reader', async () => {
    const withForms = CASES.filter((c) => formsSpan(c.lang, bodyOf(c)));
    expect(withForms.map((c) => c.slug)).toEqual(
      expect.arrayContaining(['wasla-written', 'ta-marbuta', 'alef-maqsura', 'indic-digits', 'persian-digits', 'elision', 'ligature']),
    );
    for (const c of withForms) {
      const forms = searchForms(c.lang, [indexedText(bodyOf(c))]);
      // The words a reader sees (the invisible isolates around an id are not a word of their own).
      const written = new Set(
        indexedText(bodyOf(c))
          .replace(/\p{Cf}/gu, '')
          .split(/[\s.]+/),
      );
      const hidden = forms.filter((f) => !written.has(f));
      // The queries that find the page only through its forms show an excerpt of its own words.
      for (const q of c.alone ?? []) {
        const hit = (await search(c.lang, q)).find((r) => r.url === urlOf(c))!;
        expect(hit.excerpt.length, `${c.slug} ${q}: an excerpt is shown`).toBeGreaterThan(0);
        for (const f of hidden) expect(hit.excerpt.split(/[\s.،]+/), `${c.slug} ${q}: excerpt without the form ${f}`).not.toContain(f);
      }
      const tab = await browser.newPage();
      await tab.goto(`${server.url}${urlOf(c)}`);
      expect(await tab.locator('.search-forms').count(), c.slug).toBe(1);
      expect(await tab.locator('.search-forms').isHidden(), c.slug).toBe(true);
      const aria = await tab.locator('body').ariaSnapshot();
      for (const f of hidden) expect(aria, `${c.slug}: ${f} read to a screen reader`).not.toContain(f);
      await tab.close();
    }
  });
});
