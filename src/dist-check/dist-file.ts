/**
 * One file of a built dist/ as the rules of the dist check see it: its path and size, what kind of
 * file it is, and the texts it holds (a page as text and as written, JSON strings, CSV cells: file-texts.ts;
 * Pagefind's compressed files decoded). Each file is read from disk at most once, however many rules look at it,
 * and decoded only when a rule first asks for its kind or its texts (a file whose findings are reused
 * from the manifest of results is hashed, not decoded); an image is not read at all unless its bytes
 * or its hash are asked for.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { scanHtml, type ScannedHtml } from './html/scan.ts';
import { decodeText, isUtf16, textsOf } from './file-texts.ts';
import { decodePagefindCbor, fragmentStrings, isPagefindCbor, isPagefindFragment } from './pagefind/files.ts';

/**
 * - `image`: a raster image (by extension; its contents are the image rules' business);
 * - `pagefind`: a Pagefind data file, decoded;
 * - `binary`: compiled code, fonts, or anything with a NUL byte near its start (no content to search);
 * - `text`: every other file, read as UTF-8 (UTF-16 when it starts with that byte order mark): pages, feeds,
 *   the JSON, STIX and CSV exports under `data/`, scripts, stylesheets.
 */
export type DistFileKind = 'image' | 'pagefind' | 'binary' | 'text';

/** One file of dist/ (`kind`, `text`, `pagefindValues` and `texts` are decoded on first use). */
export interface DistFile {
  /** Path relative to dist/, with `/` separators (e.g. `notices/lionfish/index.html`). */
  rel: string;
  abs: string;
  size: number;
  readonly kind: DistFileKind;
  /** The file's bytes, read on first use and kept. */
  bytes(): Buffer;
  /** Hex SHA-256 of the file's bytes, computed on first use and kept. */
  hash(): string;
  /** The file as UTF-8 text (`text` files only). */
  readonly text?: string;
  /** The decoded CBOR items of a Pagefind index, meta or filter file. */
  readonly pagefindValues?: unknown[];
  /** The texts it holds, to be searched for withheld content (none for images and binary files). */
  readonly texts: string[];
  /** The file scanned as HTML (scanned on first use and kept); empty for files that are not text. */
  html(): ScannedHtml;
}

const IMAGE_EXT = /\.(jpe?g|png|webp|avif|gif|tiff?|heic|heif)$/i;
const HTML_EXT = /\.(html?|xhtml)$/i;
const BINARY_EXT = /\.pagefind$|\.wasm$|\.(woff2?|ttf|otf|ico)$/;

/** True for an HTML page of dist/ (by extension). */
export function isHtmlPath(rel: string): boolean {
  return HTML_EXT.test(rel);
}

/** What a file holds, decoded from its bytes. */
type Decoded = Pick<DistFile, 'kind' | 'text' | 'pagefindValues' | 'texts'>;

/** Decodes the file `rel` (its bytes read by `bytes`, unless it is an image). Throws when a Pagefind data file cannot be decoded. */
function decode(rel: string, bytes: () => Buffer): Decoded {
  if (IMAGE_EXT.test(rel)) return { kind: 'image', texts: [] };
  const data = bytes();
  if (isPagefindFragment(rel)) return { kind: 'pagefind', texts: fragmentStrings(data) };
  if (isPagefindCbor(rel)) {
    const { values, strings } = decodePagefindCbor(data);
    return { kind: 'pagefind', pagefindValues: values, texts: strings };
  }
  if (BINARY_EXT.test(rel) || (!isUtf16(data) && data.subarray(0, 8192).includes(0))) return { kind: 'binary', texts: [] };
  const text = decodeText(data);
  return { kind: 'text', text, texts: textsOf(rel, text) };
}

/**
 * `rel` of `distDir`: its size now, its contents when first asked for (read once, decoded once).
 * Throws when the file cannot be read; reading its kind or texts throws when a Pagefind data file
 * cannot be decoded.
 */
export function readDistFile(distDir: string, rel: string): DistFile {
  const abs = path.join(distDir, rel);
  const size = fs.statSync(abs).size;
  let raw: Buffer | undefined;
  let digest: string | undefined;
  let decoded: Decoded | undefined;
  let scanned: ScannedHtml | undefined;
  const bytes = () => (raw ??= fs.readFileSync(abs));
  const contents = () => (decoded ??= decode(rel, bytes));
  return {
    rel,
    abs,
    size,
    bytes,
    hash: () => (digest ??= crypto.createHash('sha256').update(bytes()).digest('hex')),
    get kind() {
      return contents().kind;
    },
    get text() {
      return contents().text;
    },
    get pagefindValues() {
      return contents().pagefindValues;
    },
    get texts() {
      return contents().texts;
    },
    html: () => (scanned ??= scanHtml(contents().text ?? '')),
  };
}

/** Every file under `dir`, as `/`-separated paths relative to it, sorted. Throws when `dir` cannot be read. */
export function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.relative(dir, path.join(d.parentPath, d.name)).split(path.sep).join('/'))
    .sort();
}
