/**
 * Reads Modus JSON documents for import (docs/exchange.md, "JSON"): a notice document, or a build's index,
 * whose notice documents are then read from beside it (their addresses' paths taken relative to the folder
 * that holds `data/`, such as a downloaded build or `dist/`). Each becomes a notice candidate in the shape of
 * a notice file: its frontmatter (images named by file), body and translations.
 *
 * Images: a document names the published variants of each image, not the original. The largest variant is
 * taken from disk, beside the documents (its address's path against the same folder). When an image file
 * is not there (a document downloaded alone), the notice is imported as a draft without images
 * (`draft: true`), to be finished in the CMS, and a note says so. A reader never writes anything.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DOCUMENT_FORMATS } from '../../model/documents.ts';
import { isLanguage, LANGUAGE_CODES } from '../../model/languages.ts';
import { NOTICE_FIELD_ORDER } from '../../model/notice.ts';
import { JSON_FORMAT_VERSION } from '../format-version.ts';
import type { CandidateImage, ImportProblem, NoticeCandidate, ReadProgress, ReadResult } from './candidate.ts';

/** What `readJson` returns: the candidates, the problems, and notes for the person importing (not errors). */
export interface JsonReadResult extends ReadResult {
  notes: string[];
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Formats of the variants, most widely readable first (taken on a tie of width). */
const FORMAT_PREFERENCE = ['webp', 'avif'];

/** The folder a document's addresses are resolved against: the parent of the nearest `data` folder holding `file`, else its folder. */
export function exchangeRoot(file: string): string {
  const dir = path.dirname(path.resolve(file));
  for (let d = dir; ;) {
    if (path.basename(d) === 'data') return path.dirname(d);
    const up = path.dirname(d);
    if (up === d) break;
    d = up;
  }
  return dir;
}

/**
 * The local file an address of the build stands for under `root`, or undefined when it cannot be one
 * (outside `root`, not a URL). A build served under a path (`https://host/any/path/data/…`) has its
 * files at the top of its dist/ folder: when the whole path names no file, the path without its first
 * segments that does is taken (`data/…`).
 */
function localFile(root: string, address: unknown): string | undefined {
  if (typeof address !== 'string') return undefined;
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(address, 'http://localhost/').pathname);
  } catch {
    return undefined;
  }
  const inside = (p: string) => {
    const file = path.resolve(root, `.${p}`);
    return file.startsWith(root + path.sep) ? file : undefined;
  };
  const segments = pathname.split('/').filter(Boolean);
  for (let i = 1; i < segments.length; i++) {
    const shorter = inside(`/${segments.slice(i).join('/')}`);
    if (shorter && !fs.existsSync(inside(pathname) ?? '') && fs.existsSync(shorter)) return shorter;
  }
  return inside(pathname);
}

/** Reads one file as JSON, or says why it cannot be read. */
function parseJson(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text.replace(/^\uFEFF/, '')) };
  } catch (err) {
    return { ok: false, message: `Not a JSON document: ${(err as Error).message}.` };
  }
}

/** The problem with a document's `format` and `formatVersion`, if any (`expected`: the formats this reader takes). */
function formatProblem(doc: Json, expected: readonly string[]): { field: string; message: string } | undefined {
  if (typeof doc.format !== 'string' || !expected.includes(doc.format)) {
    return {
      field: 'format',
      message: `Unknown format ${JSON.stringify(doc.format ?? null)}: expected a Modus notice document ("${DOCUMENT_FORMATS.notice}") or index ("${DOCUMENT_FORMATS.index}").`,
    };
  }
  if (typeof doc.formatVersion !== 'number' || !Number.isInteger(doc.formatVersion) || doc.formatVersion < 1) {
    return {
      field: 'formatVersion',
      message: `Expected a format version such as ${JSON_FORMAT_VERSION}, got ${JSON.stringify(doc.formatVersion ?? null)}.`,
    };
  }
  if (doc.formatVersion > JSON_FORMAT_VERSION) {
    return {
      field: 'formatVersion',
      message: `The document is in format version ${doc.formatVersion}, made by a newer Modus; this one reads up to version ${JSON_FORMAT_VERSION}. Update Modus, then import again.`,
    };
  }
  return undefined;
}

/** The largest published variant of a document image (widest; WebP before AVIF on a tie). */
function largestVariant(image: Json): Json | undefined {
  const variants = Array.isArray(image.variants) ? image.variants.filter(isObject) : [];
  const rank = (v: Json) => FORMAT_PREFERENCE.indexOf(String(v.format));
  return [...variants].sort((a, b) => Number(b.width) - Number(a.width) || rank(a) - rank(b))[0];
}

/** A file name for an image taken from a variant: the original's base name with the variant's extension, unique in `taken`. */
function variantFileName(src: unknown, format: string, taken: Set<string>): string {
  const base = path.posix.basename(String(src)).replace(/\.[^.]*$/, '') || 'image';
  let name = `${base}.${format}`;
  for (let n = 2; taken.has(name); n++) name = `${base}-${n}.${format}`;
  taken.add(name);
  return name;
}

/** The frontmatter of a document's notice (`notice`) in a notice file's key order, with `images` as given. */
function frontmatterOf(notice: Json, images: Json[] | undefined, draft: boolean): Json {
  const out: Json = {};
  for (const key of NOTICE_FIELD_ORDER) {
    if (key === 'images') {
      if (images) out.images = images;
    } else if (key === 'draft') {
      if (draft) out.draft = true;
    } else if (notice[key] !== undefined) out[key] = notice[key];
  }
  // Keys this Modus does not know are kept, so the notice schema names them rather than they vanish.
  for (const [key, value] of Object.entries(notice)) if (!(key in out) && key !== 'images' && key !== 'draft') out[key] = value;
  return out;
}

/** Reads one notice document (`doc`, parsed from `file`) into a candidate, or problems. */
function readNoticeDocument(doc: Json, file: string, root: string, result: JsonReadResult): void {
  const where = typeof doc.id === 'string' ? doc.id : path.basename(file);
  const problem = (field: string, message: string): void => {
    result.problems.push({ file, where, field, message });
  };
  const fp = formatProblem(doc, [DOCUMENT_FORMATS.notice]);
  if (fp) {
    problem(fp.field, fp.message);
    return;
  }
  if (!isObject(doc.notice)) {
    problem('notice', 'Expected the notice\u2019s fields as an object.');
    return;
  }
  const notice = doc.notice;
  const docImages = Array.isArray(notice.images) ? notice.images.filter(isObject) : [];
  const taken = new Set<string>();
  const files: CandidateImage[] = [];
  const renamed = new Map<string, string>();
  const missing: string[] = [];
  for (const img of docImages) {
    const variant = largestVariant(img);
    const local = variant && localFile(root, variant.url);
    if (!variant || !local || !fs.existsSync(local) || !fs.statSync(local).isFile()) {
      missing.push(typeof variant?.url === 'string' ? variant.url : String(img.src));
      continue;
    }
    const name = variantFileName(img.src, String(variant.format), taken);
    renamed.set(String(img.src).replace(/^\.\//, ''), name);
    files.push({ file: name, bytes: new Uint8Array(fs.readFileSync(local)) });
  }
  const draft = missing.length > 0 || docImages.length === 0;
  if (missing.length > 0) {
    result.notes.push(
      `${where}: image files not found beside the document (${missing.join(', ')}); imported as a draft without images: add its images in the CMS.`,
    );
  } else if (docImages.length === 0) {
    result.notes.push(`${where}: the document has no images; imported as a draft: add its images in the CMS.`);
  }
  const images = draft
    ? undefined
    : docImages.map(({ width: _w, height: _h, variants: _v, ...img }) => ({
        ...img,
        src: renamed.get(String(img.src).replace(/^\.\//, '')),
      }));
  const translations: NoticeCandidate['translations'] = {};
  if (isObject(doc.translations)) {
    for (const [lang, t] of Object.entries(doc.translations)) {
      if (!isLanguage(lang) || !isObject(t)) {
        problem(`translations.${lang}`, `Expected a translation under a language code (${LANGUAGE_CODES.join(', ')}).`);
        continue;
      }
      const { body, ...fields } = t;
      const tImages = Array.isArray(fields.images) ? fields.images.filter(isObject) : [];
      translations[lang] = {
        frontmatter: {
          ...fields,
          images: draft ? [] : tImages.map((img) => ({ ...img, src: renamed.get(String(img.src).replace(/^\.\//, '')) ?? img.src })),
        },
        body: typeof body === 'string' ? body : '',
      };
    }
  }
  result.candidates.push({
    where,
    ...(typeof doc.slug === 'string' ? { slug: doc.slug } : {}),
    frontmatter: frontmatterOf(notice, images, draft),
    body: typeof doc.body === 'string' ? doc.body : '',
    images: draft ? [] : files,
    translations,
  });
}

/**
 * Reads `text` (the file `file`: a Modus notice document or index) into notice candidates. For an index,
 * each notice document it lists is read from disk (its address's path under the folder holding `data/`);
 * `progress` is told after each document. Refuses an unknown `format` or a format version newer than this
 * Modus reads, and a course document (courses are not imported), each with a problem naming the file.
 * Never throws for a bad file; never writes.
 */
export function readJson(file: string, text: string | Uint8Array, progress?: ReadProgress): JsonReadResult {
  const result: JsonReadResult = { candidates: [], problems: [], notes: [] };
  const whole = (message: string, field = ''): JsonReadResult => {
    result.problems.push({ file, where: '', field, message } satisfies ImportProblem);
    return result;
  };
  const parsed = parseJson(typeof text === 'string' ? text : new TextDecoder().decode(text));
  if (!parsed.ok) return whole(parsed.message);
  if (!isObject(parsed.value)) return whole('Expected a JSON object: a Modus notice document or index.');
  const doc = parsed.value;
  const root = exchangeRoot(file);
  if (doc.format === DOCUMENT_FORMATS.course) return whole('This is a course document; only notices are imported.', 'format');
  if (doc.format !== DOCUMENT_FORMATS.index) {
    readNoticeDocument(doc, file, root, result);
    progress?.(1, 1);
    return result;
  }
  const fp = formatProblem(doc, [DOCUMENT_FORMATS.index]);
  if (fp) return whole(fp.message, fp.field);
  const entries = Array.isArray(doc.notices) ? doc.notices : [];
  for (const [i, entry] of entries.entries()) {
    const where = isObject(entry) && typeof entry.id === 'string' ? entry.id : `notices[${i}]`;
    const docFile = isObject(entry) ? localFile(root, entry.document) : undefined;
    if (!docFile || !fs.existsSync(docFile)) {
      result.problems.push({
        file,
        where,
        field: `notices.${i}.document`,
        message: `The notice document ${JSON.stringify(isObject(entry) ? (entry.document ?? null) : null)} is not beside the index (looked under ${root}).`,
      });
    } else {
      const inner = parseJson(fs.readFileSync(docFile, 'utf8'));
      if (!inner.ok || !isObject(inner.value))
        result.problems.push({ file: docFile, where, field: '', message: inner.ok ? 'Expected a JSON object.' : inner.message });
      else readNoticeDocument(inner.value, docFile, root, result);
    }
    progress?.(i + 1, entries.length);
  }
  return result;
}
