/**
 * Reading a built dist/ in tests: its HTML pages with their URLs, text of any file (Pagefind's
 * gzipped index files included, so a leak cannot hide in them), and content hashes.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { listFiles } from './site.ts';

/** A built HTML page: file path relative to dist, the URL it is served at, and its HTML. */
export interface BuiltPage {
  file: string;
  url: string;
  html: string;
}

/** URL a dist file is served at: `notices/x/index.html` → `/notices/x/`, `404.html` → `/404.html`. */
export function urlOf(file: string): string {
  const f = file.split(path.sep).join('/');
  return f.endsWith('index.html') ? `/${f.slice(0, -'index.html'.length)}` : `/${f}`;
}

/** Every HTML page in `dist` (the Decap bundle under admin/ excluded), sorted by URL. */
export function htmlPages(dist: string): BuiltPage[] {
  return listFiles(dist)
    .filter((f) => f.endsWith('.html') && !f.startsWith(`admin${path.sep}`))
    .map((file) => ({ file, url: urlOf(file), html: fs.readFileSync(path.join(dist, file), 'utf8') }))
    .sort((a, b) => a.url.localeCompare(b.url));
}

/** The page served at `url` (e.g. `/notices/sculptures/`); throws if it was not built. */
export function page(dist: string, url: string): string {
  const file = url.endsWith('/') ? path.join(dist, url, 'index.html') : path.join(dist, url);
  if (!fs.existsSync(file)) throw new Error(`No page ${url} in ${dist}`);
  return fs.readFileSync(file, 'utf8');
}

/** Text of a dist file; gzip files (Pagefind's `.pf_*` index parts) are decompressed first. */
export function readText(file: string): string {
  const buf = fs.readFileSync(file);
  if (buf[0] === 0x1f && buf[1] === 0x8b) return zlib.gunzipSync(buf).toString('utf8');
  return buf.toString('utf8');
}

/** sha256 of a file's bytes, hex. */
export function sha256(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** Text of every element matching a simple `<tag ...attr...>text</tag>` pattern, tags stripped. */
export function texts(html: string, re: RegExp): string[] {
  return [...html.matchAll(re)].map((m) =>
    (m[1] ?? '')
      .replace(/<[^>]+>/g, '')
      .replace(/\s+/g, ' ')
      .trim(),
  );
}
