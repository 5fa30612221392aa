/** Figures of a built site folder for the benchmark: sizes of dist/ and its parts, and the weight of one page. */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { isRedirectHtml, isSearchablePath } from '../../src/search/searchable.ts';

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

/**
 * Sizes of a built site `outDir`: total bytes and files, HTML pages, notice pages, search index, images.
 * Notice pages are the pages under notices/ that are searchable and not redirects (Modus's aliases);
 * the peer's notice pages count the same way.
 */
export function distFigures(outDir) {
  const files = walk(outDir);
  const sum = (fs_) => fs_.reduce((s, f) => s + f.bytes, 0);
  const html = files.filter((f) => f.rel.endsWith('.html'));
  // Notice pages: /notices/<slug>/, not the list's pages and not the redirects of former slugs (aliases).
  const noticePages = html.filter(
    (f) =>
      f.rel.startsWith('notices/') &&
      isSearchablePath(f.rel.replace(/index\.html$/, '')) &&
      !isRedirectHtml(fs.readFileSync(path.join(outDir, f.rel), 'utf8')),
  );
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
