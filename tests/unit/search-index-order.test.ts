/**
 * The search index (src/search/search-index.ts) hands pages to Pagefind several at a time, yet indexes
 * them in path order, as page by page: the index is the same whatever the timing and whatever order
 * the file system lists the pages in. And the digest by which a rebuild keeps the index (only the
 * searchable pages count). And the pages of every language's section, one index per language.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { decodePagefindCbor } from '../../src/dist-check/pagefind/files.ts';
import { buildSearchIndex, builtPagePaths, PAGES_IN_FLIGHT, searchablePagesDigest } from '../../src/search/search-index.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'modus-search-order-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** URLs of the pages of the index written in `dir`/pagefind, in the index's page order. */
function indexedUrls(dir: string): string[] {
  const pf = path.join(dir, 'pagefind');
  const meta = decodePagefindCbor(
    fs.readFileSync(
      path.join(
        pf,
        fs.readdirSync(pf).find((f) => f.endsWith('.pf_meta'))!,
      ),
    ),
  ).values[0] as [string, Array<[string, number]>];
  return meta[1].map(([hash]) => {
    const raw = zlib.gunzipSync(fs.readFileSync(path.join(pf, 'fragment', `${hash}.pf_fragment`))).toString('utf8');
    return (JSON.parse(raw.slice('pagefind_dcd'.length)) as { url: string }).url;
  });
}

describe('the search index', () => {
  it('indexes the notice pages in path order, though several are in flight at once (large and small pages alternating)', async () => {
    expect(PAGES_IN_FLIGHT).toBeGreaterThan(1);
    const dist = path.join(root, 'dist');
    // Written in reverse order; sizes vary so that pages parsed at the same time would finish out of order.
    const slugs = Array.from({ length: 3 * PAGES_IN_FLIGHT }, (_, i) => `n-${String(i).padStart(2, '0')}`);
    for (const [i, slug] of [...slugs.entries()].reverse()) {
      const words = Array.from({ length: i % 2 ? 20 : 4000 }, (_, k) => `word${(k * 7 + i) % 997}`).join(' ');
      fs.mkdirSync(path.join(dist, 'notices', slug), { recursive: true });
      fs.writeFileSync(
        path.join(dist, 'notices', slug, 'index.html'),
        `<!doctype html><html lang="en"><head><title>${slug}</title></head><body><main data-pagefind-body><h1>${slug}</h1><p>${words}</p></main></body></html>`,
      );
    }
    expect(await buildSearchIndex(`${dist}/`, () => {})).toBe(slugs.length);
    expect(indexedUrls(dist)).toEqual(slugs.map((s) => `/notices/${s}/`));
  });
});

describe('the search index of several languages', () => {
  // Prevents: the French, Spanish or Arabic pages left out of the index (their addresses start with the
  // language's section), or all languages put in one index with one stemmer.
  it('indexes the notice and course pages of every language section in one run, one index per <html lang>', async () => {
    const dist = path.join(root, 'languages');
    const page = (lang: string, title: string) =>
      `<!doctype html><html lang="${lang}"><head><title>${title}</title></head><body><main data-pagefind-body><h1>${title}</h1></main></body></html>`;
    const pages: Array<[string, string, string]> = [
      ['notices/a/', 'en', 'Sculptures'],
      ['courses/c/', 'en', 'Maritime'],
      ['fr/notices/a/', 'fr', 'Statues'],
      ['es/notices/a/', 'es', 'Estatuas'],
      ['ar/notices/a/', 'ar', 'تماثيل'],
      ['ar/courses/c/', 'ar', 'بحري'],
      ['ar/search/', 'ar', 'بحث'],
    ];
    for (const [rel, lang, title] of pages) {
      fs.mkdirSync(path.join(dist, rel), { recursive: true });
      fs.writeFileSync(path.join(dist, rel, 'index.html'), page(lang, title));
    }
    expect(builtPagePaths(dist)).toEqual(['notices/a/', 'courses/c/', 'fr/notices/a/', 'es/notices/a/', 'ar/notices/a/', 'ar/courses/c/']);
    expect(await buildSearchIndex(`${dist}/`, () => {})).toBe(6);
    const entry = JSON.parse(fs.readFileSync(path.join(dist, 'pagefind/pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    expect(Object.fromEntries(Object.entries(entry.languages).map(([l, v]) => [l, v.page_count]))).toEqual({ ar: 2, en: 2, es: 1, fr: 1 });
    for (const lang of ['ar', 'en', 'es', 'fr']) expect(fs.existsSync(path.join(dist, `pagefind/wasm.${lang}.pagefind`)), lang).toBe(true);
    const before = await searchablePagesDigest(dist, builtPagePaths(dist));
    fs.writeFileSync(path.join(dist, 'fr/notices/a/index.html'), page('fr', 'Statues creuses'));
    expect(await searchablePagesDigest(dist, builtPagePaths(dist))).not.toBe(before);
  });
});

describe('the digest the search index is kept by', () => {
  // Prevents: an index kept although a notice page changed (stale search), or remade on every build
  // because of a page that is not indexed.
  it('changes when a searchable page changes, not when another page does', async () => {
    const dist = path.join(root, 'digest');
    const write = (rel: string, html: string) => {
      fs.mkdirSync(path.dirname(path.join(dist, rel)), { recursive: true });
      fs.writeFileSync(path.join(dist, rel), html);
    };
    write('notices/a/index.html', '<main data-pagefind-body><h1>A</h1></main>');
    write('courses/c/index.html', '<main data-pagefind-body><h1>C</h1></main>');
    write('browse/index.html', '<h1>Browse</h1>');
    const digest = () => searchablePagesDigest(dist, builtPagePaths(dist));
    const first = await digest();
    expect(await digest()).toBe(first);
    write('browse/index.html', '<h1>Browse, changed</h1>');
    expect(await digest()).toBe(first);
    write('notices/a/index.html', '<main data-pagefind-body><h1>A, edited</h1></main>');
    const edited = await digest();
    expect(edited).not.toBe(first);
    write('notices/b/index.html', '<main data-pagefind-body><h1>B</h1></main>');
    expect(await digest()).not.toBe(edited);
  });
});
