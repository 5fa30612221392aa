/**
 * One file of a built dist/ as the rules of the dist check see it: its path and size, what kind of
 * file it is, and the texts it holds (a page as text and as written, JSON strings, Pagefind's
 * compressed files decoded). Each file is read from disk at most once, however many rules look at it;
 * an image is not read at all unless a rule asks for its bytes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { scanHtml, type ScannedHtml } from './html/scan.ts';
import { markupText } from './html/text.ts';
import { decodePagefindCbor, fragmentStrings, isPagefindCbor, isPagefindFragment, jsonStrings } from './pagefind/files.ts';

/**
 * - `image`: a raster image (by extension; its contents are the image rules' business);
 * - `pagefind`: a Pagefind data file, decoded;
 * - `binary`: compiled code, fonts, or anything with a NUL byte near its start (no content to search);
 * - `text`: every other file, read as UTF-8.
 */
export type DistFileKind = 'image' | 'pagefind' | 'binary' | 'text';

/** One file of dist/. */
export interface DistFile {
  /** Path relative to dist/, with `/` separators (e.g. `notices/lionfish/index.html`). */
  rel: string;
  abs: string;
  size: number;
  kind: DistFileKind;
  /** The file's bytes, read on first use and kept. */
  bytes(): Buffer;
  /** The file as UTF-8 text (`text` files only). */
  text?: string;
  /** The decoded CBOR items of a Pagefind index, meta or filter file. */
  pagefindValues?: unknown[];
  /** The texts it holds, to be searched for withheld content (none for images and binary files). */
  texts: string[];
  /** The file scanned as HTML (scanned on first use and kept); empty for files that are not text. */
  html(): ScannedHtml;
}

const IMAGE_EXT = /\.(jpe?g|png|webp|avif|gif|tiff?|heic|heif)$/i;
const HTML_EXT = /\.(html?|xhtml)$/i;
const XML_EXT = /\.(xml|svg|rss|atom)$/i;
const JSON_EXT = /\.(json|webmanifest)$/i;
const BINARY_EXT = /\.pagefind$|\.wasm$|\.(woff2?|ttf|otf|ico)$/;

/** True for an HTML page of dist/ (by extension). */
export function isHtmlPath(rel: string): boolean {
  return HTML_EXT.test(rel);
}

/** The texts a text file holds: markup also as its text, JSON as its strings (as written when it does not parse). */
function textsOf(rel: string, s: string): string[] {
  if (HTML_EXT.test(rel) || XML_EXT.test(rel)) return [markupText(s), s];
  if (JSON_EXT.test(rel)) {
    try {
      return jsonStrings(JSON.parse(s));
    } catch {
      return [s];
    }
  }
  return [s];
}

/**
 * Reads `rel` of `distDir` (its size, and unless it is an image, its contents, decoded). Throws when
 * the file cannot be read, or when a Pagefind data file cannot be decoded.
 */
export function readDistFile(distDir: string, rel: string): DistFile {
  const abs = path.join(distDir, rel);
  const size = fs.statSync(abs).size;
  let raw: Buffer | undefined;
  const bytes = () => (raw ??= fs.readFileSync(abs));
  let scanned: ScannedHtml | undefined;
  const file: DistFile = {
    rel,
    abs,
    size,
    kind: 'image',
    bytes,
    texts: [],
    html: () => (scanned ??= scanHtml(file.text ?? '')),
  };
  if (IMAGE_EXT.test(rel)) return file;
  const data = bytes();
  if (isPagefindFragment(rel)) {
    file.kind = 'pagefind';
    file.texts = fragmentStrings(data);
  } else if (isPagefindCbor(rel)) {
    const { values, strings } = decodePagefindCbor(data);
    file.kind = 'pagefind';
    file.pagefindValues = values;
    file.texts = strings;
  } else if (BINARY_EXT.test(rel) || data.subarray(0, 8192).includes(0)) {
    file.kind = 'binary';
  } else {
    file.kind = 'text';
    file.text = data.toString('utf8');
    file.texts = textsOf(rel, file.text);
  }
  return file;
}

/** Every file under `dir`, as `/`-separated paths relative to it, sorted. Throws when `dir` cannot be read. */
export function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.relative(dir, path.join(d.parentPath, d.name)).split(path.sep).join('/'))
    .sort();
}
