/**
 * The nginx snippet of a build (`dist/nginx-modus.conf`): everything nginx needs to serve one build's
 * dist/ correctly, to include inside the `server { }` block of one audience (docs/deployment/nginx.md).
 *
 * - Headers: every response (pages, files, 404s, redirects) carries the common headers and the
 *   Content-Security-Policy of its page type (src/render/csp.ts). nginx drops the `add_header`s a
 *   location inherits as soon as it has one of its own, so every location repeats all of them.
 * - Caching (src/render/headers/cache.ts): files whose name is derived from their content never change
 *   under that name and are cached for a year (`immutable`): Astro's hashed assets (`_astro/`), the image variants (`_img/`,
 *   named by the content id of their photo and the pipeline version, src/loading/images/image-cache.ts)
 *   and Pagefind's fragment, index, filter and meta files (`*.pf_*`, named by a hash of their content).
 *   Everything else (pages, feeds, exports, Pagefind's scripts, `pagefind-entry.json`, its `wasm.*.pagefind`)
 *   keeps its name across builds and is revalidated on every use (`no-cache`: a 304 when unchanged).
 * - Compression: gzip for text (HTML, CSS, JS, JSON, XML, SVG, CSV); not for images, fonts or Pagefind's
 *   files, which are compressed already (Pagefind's are gzip data).
 * - Types: its own MIME map for the files a build holds (`.pf_*` and `.pagefind` as binary, CSV and
 *   feeds as UTF-8 text), so it does not depend on the `mime.types` of the host.
 * - 404: the build's 404 page, with the headers; the headers files themselves answer 404; so does
 *   `/admin/` in a build without the CMS.
 * Every location is under the build's base path; nginx's `root` is the folder in which `<base>` is dist/.
 */
import { COMMON_HEADERS, cspHeader, frameOptions, OFFLINE_PREFIXES, SEARCH_PREFIXES, type CspOptions, type PageType } from '../csp.ts';
import { CACHE_IMMUTABLE, CACHE_REVALIDATE, CONTENT_ADDRESSED_FOLDERS, PAGEFIND_HASHED_EXTENSIONS } from './cache.ts';

export { CACHE_IMMUTABLE, CACHE_REVALIDATE } from './cache.ts';

/** File types of a build: MIME type → extensions (anything else is `application/octet-stream`). */
const TYPES: ReadonlyArray<[string, string]> = [
  ['text/html', 'html'],
  ['text/css', 'css'],
  ['application/javascript', 'js mjs'],
  ['application/json', 'json'],
  ['application/xml', 'xml'],
  ['text/csv', 'csv'],
  ['text/plain', 'txt'],
  ['text/yaml', 'yml yaml'],
  ['image/svg+xml', 'svg'],
  ['image/avif', 'avif'],
  ['image/webp', 'webp'],
  ['image/png', 'png'],
  ['image/jpeg', 'jpg jpeg'],
  ['image/x-icon', 'ico'],
  ['font/woff2', 'woff2'],
  ['font/woff', 'woff'],
  ['application/wasm', 'wasm'],
  ['application/pdf', 'pdf'],
  // Pagefind's index files and WebAssembly: gzip data that its script decompresses itself.
  ['application/octet-stream', 'pagefind pf_fragment pf_index pf_filter pf_meta'],
];
/** Types that get `; charset=utf-8` (text/html always does). */
const TEXT_TYPES = [
  'text/css',
  'application/javascript',
  'application/json',
  'application/xml',
  'text/csv',
  'text/plain',
  'text/yaml',
  'image/svg+xml',
];
/** Types worth compressing (text/html always is): text; WebAssembly too. */
const GZIP_TYPES = [...TEXT_TYPES, 'application/wasm'];

/**
 * The nginx snippet for one build. `admin`: the build has /admin/ (the CMS); without it /admin/
 * answers 404. `options.base` (default `/`): the path the build is published under, with leading and
 * trailing slash; `options.cmsOrigins` go into the admin policy.
 */
export function nginxHeaders(admin: boolean, options: CspOptions = {}): string {
  const base = options.base ?? '/';
  const at = (folder: string) => `${base}${folder.replace(/^\/+/, '')}`;
  const esc = (v: string) => v.replaceAll('\\', '\\\\').replaceAll('"', '\\"');
  const headers = (type: PageType, cache: string, indent: string) =>
    [
      ...COMMON_HEADERS.map(([k, v]) => [k, k === 'X-Frame-Options' ? frameOptions(type) : v] as const),
      ['Content-Security-Policy', cspHeader(type, options)] as const,
      ['Cache-Control', cache] as const,
    ].map(([k, v]) => `${indent}add_header ${k} "${esc(v)}" always;`);
  const location = (match: string, type: PageType, cache: string, body: string[] = ['try_files $uri $uri/ =404;']) => [
    `location ${match} {`,
    ...headers(type, cache, '    '),
    ...body.map((l) => `    ${l}`),
    '}',
  ];
  // Pagefind names its fragment, index, filter and meta files by a hash of their content; its scripts,
  // pagefind-entry.json (fetched with a fresh query string each time) and wasm.*.pagefind keep their names.
  const hashedPagefind = [
    'try_files $uri $uri/ =404;',
    `location ~ \\.(${PAGEFIND_HASHED_EXTENSIONS.join('|')})$ {`,
    ...headers('search', CACHE_IMMUTABLE, '        '),
    '        try_files $uri =404;',
    '}',
  ];
  // Folders whose files have a policy other than `content` (Pagefind's has its own location below).
  // The offline pages and the service worker (`/sw.js`, a file: a prefix location that matches it alone) have theirs.
  const folders: Array<[string, PageType]> = [
    ...SEARCH_PREFIXES.filter((p) => p !== '/pagefind/').map((p): [string, PageType] => [p, 'search']),
    ...OFFLINE_PREFIXES.map((p): [string, PageType] => [p, 'offline']),
  ];
  const lines = [
    '# nginx configuration of one Modus build, generated by the build (src/render/headers/nginx.ts). Do not edit.',
    "# Include it inside the server { } block of one audience, behind that audience's access control,",
    `# with \`root\` set to the folder in which ${base} is this dist/ folder${base === '/' ? ' (dist/ itself)' : ''}.`,
    'index index.html;',
    'absolute_redirect off;',
    'server_tokens off;',
    'charset utf-8;',
    `charset_types ${TEXT_TYPES.join(' ')};`,
    'types {',
    ...TYPES.map(([type, ext]) => `    ${type} ${ext};`),
    '}',
    'default_type application/octet-stream;',
    'gzip on;',
    'gzip_vary on;',
    'gzip_comp_level 5;',
    'gzip_min_length 256;',
    `gzip_types ${GZIP_TYPES.join(' ')};`,
    `error_page 404 ${at('404.html')};`,
    // The headers files are for the server, not for readers.
    `location = ${at('_headers')} { return 404; }`,
    `location = ${at('nginx-modus.conf')} { return 404; }`,
    // `^~`: regular-expression locations elsewhere in the server block never take a file of the build
    // (they would serve it without these headers).
    ...(base === '/' ? [] : location(`= ${base.slice(0, -1)}`, 'content', CACHE_REVALIDATE, [`return 301 ${base};`])),
    ...location(`^~ ${base}`, 'content', CACHE_REVALIDATE),
    ...CONTENT_ADDRESSED_FOLDERS.flatMap((f) => location(`^~ ${at(f)}`, 'content', CACHE_IMMUTABLE)),
    ...folders.flatMap(([p, type]) => location(`^~ ${at(p)}`, type, CACHE_REVALIDATE)),
    ...location(`^~ ${at('pagefind/')}`, 'search', CACHE_REVALIDATE, hashedPagefind),
    ...(admin ? location(`^~ ${at('admin/')}`, 'admin', CACHE_REVALIDATE) : [`location ^~ ${at('admin/')} { return 404; }`]),
  ];
  return `${lines.join('\n')}\n`;
}
