/**
 * Cache lifetimes of a build's files, the same in every headers file (`_headers`, src/render/csp.ts;
 * `nginx-modus.conf`, src/render/headers/nginx.ts) and in the upload rules of docs/deployment/object-store.md.
 * A file whose name is derived from its content never changes under that name, so it is cached for a
 * year; every other file keeps its name across builds and is revalidated on every use.
 */

/** `Cache-Control` of content-addressed files: a year, never revalidated. */
export const CACHE_IMMUTABLE = 'public, max-age=31536000, immutable';
/** `Cache-Control` of every other file: kept, but revalidated (ETag / Last-Modified) on every use. */
export const CACHE_REVALIDATE = 'no-cache';

/**
 * Folders of dist/ (from the base, with a trailing slash) whose every file is named by its content:
 * Astro's assets (`<name>.<hash>.<ext>`) and the image variants (`<content id>-<width>.<format>`,
 * the id a hash of the photo and of the image pipeline's version, src/loading/images/image-cache.ts).
 */
export const CONTENT_ADDRESSED_FOLDERS: readonly string[] = ['_astro/', '_img/'];

/**
 * Extensions of Pagefind's files named by a hash of their content (fragments, index chunks, filters, the
 * meta file of each language). Its scripts, `pagefind-entry.json` and `wasm.*.pagefind` keep their names.
 */
export const PAGEFIND_HASHED_EXTENSIONS: readonly string[] = ['pf_fragment', 'pf_index', 'pf_filter', 'pf_meta'];

/** The same Pagefind files as path patterns of dist/ (`_headers` rules): its three folders and each language's meta file. */
export const PAGEFIND_HASHED_PATTERNS: readonly string[] = [
  'pagefind/fragment/*',
  'pagefind/index/*',
  'pagefind/filter/*',
  'pagefind/pagefind.*.pf_meta',
];
