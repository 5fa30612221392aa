/**
 * The cache keys of the pages made by `getStaticPaths()`, for Astro's incremental build
 * (`experimental.incrementalBuild` in astro.config.mjs): Astro renders such a page again only when its
 * `cacheKey` or the code it is made from (the hash of its module graph, which Astro computes itself)
 * changed since the last build, and copies the last output otherwise.
 *
 * The key of a page is the hash of the props it is given and of the build's own inputs every page may
 * show (the settings, the UI strings, the vocabularies). It is correct because the pages made by
 * `getStaticPaths()` show nothing but their props (src/render/data/static-paths.ts gathers them; the
 * pages never read the knowledge base themselves: tests/unit/page-props.test.ts), and it is tight because
 * the props hold only what a page shows (cards get a notice's frontmatter, not its body).
 */
import { allLabels } from '../i18n/labels.ts';
import { createHash } from 'node:crypto';
import { allUiStrings } from '../i18n/ui.ts';
import * as vocabularies from '../../model/vocabularies.ts';

/**
 * What each object already seen stands for in the text of the objects that hold it: its own text when
 * short, else `#` and the digest of its text. The knowledge base is never changed once built, so a notice
 * shown on many pages is hashed once.
 */
const digests = new WeakMap<object, string>();
/** Objects whose text is at most this long stand for themselves (hashing them costs more than it saves). */
const INLINE_TEXT = 120;

const sha256 = (text: string): string => createHash('sha256').update(text).digest('base64url');

/**
 * A digest of `value` (a short value stands for itself) that changes whenever any part of it changes: strings, numbers, booleans,
 * `undefined`, `null`, arrays, plain objects (keys in their order), `Map`s and `Set`s (in their order),
 * `Date`s, and objects with `toJSON()` (such as `URL`): a SHA-256 over a text that writes each part
 * unambiguously (strings quoted, each type tagged). Order counts everywhere: two values that differ
 * only in order get different digests, so a page that shows an order is never reused for another.
 * Throws a TypeError on a function, a symbol, a cycle or an instance of another class: props are data
 * (the code a page runs is hashed by Astro itself), and a value this function cannot see whole must not
 * get a key that would hide a change.
 */
export function dataDigest(value: unknown): string {
  return digestOf(value, new Set());
}

function digestOf(value: unknown, open: Set<object>): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Object.is(value, -0) ? 'n-0' : `n${value}`;
    case 'boolean':
      return value ? 'true' : 'false';
    case 'undefined':
      return 'undefined';
    case 'bigint':
      return `b${value}`;
    case 'object':
      if (value === null) return 'null';
      return objectDigest(value, open);
    default:
      throw new TypeError(`A page's props must be data: a ${typeof value} cannot be part of a cache key.`);
  }
}

function objectDigest(value: object, open: Set<object>): string {
  const known = digests.get(value);
  if (known !== undefined) return known;
  if (open.has(value)) throw new TypeError("A page's props must be data without cycles: an object contains itself.");
  open.add(value);
  const parts = (items: Iterable<unknown>) => [...items].map((v) => digestOf(v, open)).join(',');
  let text: string;
  if (Array.isArray(value)) text = `[${parts(value)}]`;
  else if (value instanceof Map) text = `Map[${[...value].map(([k, v]) => `${digestOf(k, open)}=>${digestOf(v, open)}`).join(',')}]`;
  else if (value instanceof Set) text = `Set[${parts(value)}]`;
  else if (value instanceof Date) text = `Date(${value.getTime()})`;
  else if (isPlainObject(value)) {
    text = `{${Object.entries(value)
      .map(([k, v]) => `${JSON.stringify(k)}:${digestOf(v, open)}`)
      .join(',')}}`;
  } else if (typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    text = `${value.constructor.name}(${digestOf((value as { toJSON(): unknown }).toJSON(), open)})`;
  } else {
    throw new TypeError(`A page's props must be data: an instance of ${value.constructor.name} cannot be part of a cache key.`);
  }
  open.delete(value);
  // A text starts with `[`, `{`, `Map[`, `Set[` or a class name, never with `#`: the two forms cannot meet.
  const digest = text.length <= INLINE_TEXT ? text : `#${sha256(text)}`;
  digests.set(value, digest);
  return digest;
}

function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * The digest of what every page of one build may show besides its props: `settings` (the build's
 * settings: audience, site address, admin…), every UI string and every vocabulary with its labels, in every language.
 * These are code too, which Astro hashes already; they are in every key as well so that a page is
 * never reused across a change of them, whatever Astro's hash of the code covers.
 */
export function buildDigest(settings: unknown): string {
  const vocabularyLabels = Object.entries(vocabularies)
    .filter(([, v]) => typeof v === 'object')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return dataDigest({ settings, ui: allUiStrings(), vocabularies: Object.fromEntries(vocabularyLabels), labels: allLabels() });
}

/**
 * The paths of a `getStaticPaths()` with their `cacheKey`: the digest of the build (`build`, from
 * `buildDigest`), of the path's params and of its props. Throws as `dataDigest` does on props that are not data.
 */
export function withCacheKeys<P extends { params: object; props: object }>(
  paths: readonly P[],
  build: string,
): Array<P & { cacheKey: string }> {
  return paths.map((p) => ({ ...p, cacheKey: sha256(`${build}\n${dataDigest(p.params)}\n${dataDigest(p.props)}`) }));
}
