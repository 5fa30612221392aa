/** Figures of a built site folder for the benchmark: sizes of dist/ and its parts, and the weight of one page. */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { isRedirectHtml, isSearchablePath } from '../../src/search/searchable.ts';
import { splitLanguagePath } from '../../src/model/languages.ts';

/** Every file under `dir` with its size. */
function walk(dir) {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => {
      const abs = path.join(d.parentPath, d.name);
      return { rel: path.relative(dir, abs), bytes: fs.statSync(abs).size };
    });
}

const sum = (fs_) => fs_.reduce((s, f) => s + f.bytes, 0);
/** The language of a built file by its address: `fr/…`, `es/…`, `ar/…`, English for every other file. */
const languageOf = (rel) => splitLanguagePath(`/${rel}`).lang;
/** Pagefind's kinds of search file: the metadata, index chunks, filter chunks, fragments and the language's WebAssembly. */
const SEARCH_KINDS = {
  meta: /\.pf_meta$/,
  index: /\.pf_index$/,
  filter: /\.pf_filter$/,
  fragment: /\.pf_fragment$/,
  wasm: /^pagefind\/wasm\./,
};

/**
 * @typedef {{ htmlPages: number, noticePages: number, searchablePages: number, searchPages: number, searchBytes: number,
 *   searchFiles: number, byKind: Record<string, number> }} LanguageFigures
 */

/**
 * Pages and search files of each language of a built site: { [lang]: { htmlPages, noticePages,
 * searchablePages, searchPages (the pages in that language's Pagefind index, from pagefind-entry.json),
 * searchBytes (index, filters, fragments and metadata: what searchIndexBytes counts), searchFiles, byKind:
 * { meta, index, filter, fragment, wasm } bytes } }. Pagefind names each language's files after it
 * (`index/fr_….pf_index`, `pagefind.fr_….pf_meta`, `wasm.fr.pagefind`); a site of one language (the peer)
 * has one entry. `files` and `searchable` come from distFigures.
 * @returns {Record<string, LanguageFigures>}
 */
function languageFigures(outDir, files, searchable) {
  const entryFile = path.join(outDir, 'pagefind/pagefind-entry.json');
  const entry = fs.existsSync(entryFile) ? JSON.parse(fs.readFileSync(entryFile, 'utf8')).languages : {};
  const html = files.filter((f) => f.rel.endsWith('.html'));
  const order = ['en', 'fr', 'es', 'ar'];
  const rank = (l) => (order.includes(l) ? order.indexOf(l) : order.length);
  const langs = [...new Set([...html.map((f) => languageOf(f.rel)), ...Object.keys(entry)])].sort((a, b) => rank(a) - rank(b));
  return Object.fromEntries(
    langs.map((lang) => {
      const mine = (f) => new RegExp(`(^|/)(pagefind\\.)?${lang}_[^/]*$|^pagefind/wasm\\.${lang}\\.pagefind$`).test(f.rel);
      const search = files.filter((f) => f.rel.startsWith('pagefind/') && mine(f));
      const byKind = Object.fromEntries(Object.entries(SEARCH_KINDS).map(([k, re]) => [k, sum(search.filter((f) => re.test(f.rel)))]));
      const indexFiles = search.filter((f) => !SEARCH_KINDS.wasm.test(f.rel));
      return [
        lang,
        {
          htmlPages: html.filter((f) => languageOf(f.rel) === lang).length,
          noticePages: searchable.filter((f) => f.notice && languageOf(f.rel) === lang).length,
          searchablePages: searchable.filter((f) => languageOf(f.rel) === lang).length,
          searchPages: entry[lang]?.page_count ?? 0,
          searchBytes: sum(indexFiles),
          searchFiles: indexFiles.length,
          byKind,
        },
      ];
    }),
  );
}

/**
 * Sizes of a built site `outDir`: total bytes and files, HTML pages, notice pages (English: at the root),
 * search index, images, and the pages and search files of each language (`byLanguage`, languageFigures).
 * Notice pages are the pages under notices/ that are searchable and not redirects (Modus's aliases);
 * the peer's notice pages count the same way.
 */
export function distFigures(outDir) {
  const files = walk(outDir);
  const html = files.filter((f) => f.rel.endsWith('.html'));
  // Notice and course pages in every language, not the list's pages and not the redirects of former slugs (aliases).
  const searchable = html
    .filter(
      (f) => isSearchablePath(f.rel.replace(/index\.html$/, '')) && !isRedirectHtml(fs.readFileSync(path.join(outDir, f.rel), 'utf8')),
    )
    .map((f) => ({ ...f, notice: splitLanguagePath(`/${f.rel}`).path.startsWith('/notices/') }));
  // Notice pages: /notices/<slug>/ (English).
  const noticePages = searchable.filter((f) => f.rel.startsWith('notices/'));
  const pagefind = files.filter((f) => f.rel.startsWith('pagefind/'));
  const pagefindIndex = pagefind.filter((f) => /\.(pf_index|pf_meta|pf_filter|pf_fragment)$/.test(f.rel));
  const images = files.filter((f) => /\.(avif|webp|jpe?g|png)$/i.test(f.rel));
  return {
    bytes: sum(files),
    files: files.length,
    htmlPages: html.length,
    noticePages: noticePages.length,
    searchIndexBytes: sum(pagefindIndex),
    searchIndexFiles: pagefindIndex.length,
    pagefindBytes: sum(pagefind),
    imageFiles: images.length,
    imageBytes: sum(images),
    imagesByFormat: Object.fromEntries(
      ['avif', 'webp', 'jpg', 'png'].map((x) => [x, images.filter((f) => f.rel.toLowerCase().endsWith(`.${x}`)).length]),
    ),
    byLanguage: languageFigures(outDir, files, searchable),
  };
}

const gz = (buf) => zlib.gzipSync(buf).length;

/**
 * Weight of one built page: its HTML and the CSS and JS it links, raw and gzipped (images excluded).
 * `scripts` counts every <script> element (inline or not): a content page must have none.
 * Throws when the page or a file it links is not in `outDir`.
 */
export function pageWeight(outDir, pagePath) {
  const file = path.join(outDir, pagePath, 'index.html');
  const html = fs.readFileSync(file);
  const text = html.toString();
  const hrefs = (re) => [...text.matchAll(re)].map((m) => m[1]).filter((h) => h.startsWith('/'));
  const read = (h) => fs.readFileSync(path.join(outDir, decodeURI(h.split('?')[0])));
  const css = hrefs(/<link[^>]+rel="stylesheet"[^>]*href="([^"]+)"/g).map(read);
  const js = hrefs(/<script[^>]+src="([^"]+)"/g).map(read);
  const scripts = (text.match(/<script\b/g) ?? []).length;
  const total = (bufs) => bufs.reduce((s, b) => s + b.length, 0);
  const totalGz = (bufs) => bufs.reduce((s, b) => s + gz(b), 0);
  return {
    path: `/${pagePath}/`.replace(/\/+/g, '/'),
    html: { raw: html.length, gzip: gz(html) },
    css: { files: css.length, raw: total(css), gzip: totalGz(css) },
    js: { files: js.length, raw: total(js), gzip: totalGz(js) },
    scripts,
    htmlCssGzip: gz(html) + totalGz(css),
  };
}
