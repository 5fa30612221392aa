/**
 * Security headers of the served site, in one place (docs/audiences-and-deployment.md,
 * "Hardening of the served site"). Each page type gets its own Content-Security-Policy:
 * - `content` (every page but two): no script at all, everything else from this site only;
 * - `search`: adds only what Pagefind needs: its scripts from this site, WebAssembly
 *   (`'wasm-unsafe-eval'`), its worker, fetching its index;
 * - `offline` (the offline page, and the service worker it registers): its own script, the worker, fetching
 *   the files of the offline copy (docs/offline.md);
 * - `admin` (/admin/, Decap CMS): the exceptions Decap needs (it evaluates code, injects styles,
 *   uses blob: and data: URLs, talks to its backend), on that page only.
 * The same policies are written as `<meta http-equiv>` tags (src/render/layouts/Base.astro) and into the
 * headers files for static hosts (`_headers`; the nginx snippet, src/render/headers/nginx.ts); directives a meta tag cannot carry
 * (`frame-ancestors`) are in the headers files only.
 */
import { DEFAULT_LANGUAGE, LANGUAGE_CODES, splitLanguagePath } from '../model/languages.ts';
import { CACHE_IMMUTABLE, CONTENT_ADDRESSED_FOLDERS, PAGEFIND_HASHED_PATTERNS } from './headers/cache.ts';

/** Page types with their own policy. */
export type PageType = 'content' | 'search' | 'admin' | 'offline';

/**
 * Options: origins of the CMS's git backend when it is not reached through the site's own origin
 * (e.g. `https://gitlab.example.org` for a production GitLab). `npm start` / `npm run cms` proxy
 * decap-server through the site at /api/v1, so locally none is needed. `base`: the path the site is
 * served under (Settings `base`, `/` or `/any/path/`; default `/`): the headers files put it in front of
 * every path they name.
 */
export interface CspOptions {
  cmsOrigins?: readonly string[];
  /** Path the build is published under, with leading and trailing slash (default `/`): the headers files' paths start with it. */
  base?: string;
}

type Directives = Array<[string, string]>;

function directives(type: PageType, options: CspOptions = {}): Directives {
  const common: Directives = [
    ['default-src', "'self'"],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    ['form-action', "'self'"],
  ];
  switch (type) {
    case 'content':
      return [...common, ['script-src', "'none'"], ['connect-src', "'none'"], ['worker-src', "'none'"], ['frame-src', "'none'"]];
    case 'search':
      return [
        ...common,
        ['script-src', "'self' 'wasm-unsafe-eval'"],
        ['worker-src', "'self'"],
        // Pagefind's Component UI stylesheet draws its icons as data: SVG images.
        ['img-src', "'self' data:"],
        ['connect-src', "'self'"],
        ['frame-src', "'none'"],
      ];
    case 'offline':
      return [...common, ['script-src', "'self'"], ['worker-src', "'self'"], ['connect-src', "'self'"], ['frame-src', "'none'"]];
    case 'admin': {
      // Measured with Decap CMS 3.16 in Chromium: without 'unsafe-eval' it does not start; without
      // 'unsafe-inline' styles its editor is unstyled. blob: and data: serve media it previews.
      const cms = (options.cmsOrigins ?? []).join(' ');
      return [
        ...common,
        ['script-src', "'self' 'unsafe-eval'"],
        ['style-src', "'self' 'unsafe-inline'"],
        ['img-src', "'self' data: blob:"],
        ['font-src', "'self' data:"],
        ['media-src', "'self' blob:"],
        ['worker-src', "'self' blob:"],
        ['connect-src', `'self' blob: ${cms}`.trim()],
        ['frame-src', "'self'"],
      ];
    }
  }
}

const serialise = (d: Directives) => d.map(([k, v]) => `${k} ${v}`).join('; ');

/** The policy for a `<meta http-equiv="Content-Security-Policy">` tag of a page of `type`. */
export function cspMeta(type: PageType, options?: CspOptions): string {
  return serialise(directives(type, options));
}

/** The policy for the `Content-Security-Policy` response header: the meta policy plus `frame-ancestors`. */
export function cspHeader(type: PageType, options?: CspOptions): string {
  return serialise([...directives(type, options), ['frame-ancestors', type === 'admin' ? "'self'" : "'none'"]]);
}

/** The folders of dist/ holding the pages of a language other than English (`fr/`, `es/`, `ar/`). */
export const LANGUAGE_FOLDERS: readonly string[] = LANGUAGE_CODES.filter((l) => l !== DEFAULT_LANGUAGE).map((l) => `${l}/`);

/**
 * The page type of a built path (e.g. `/search/`, `/fr/search/`, `admin/index.html`) or of an address
 * under `options.base` (`/any/path/search/`: the base is taken off first).
 */
export function pageTypeOf(pathname: string, options?: CspOptions): PageType {
  const base = options?.base ?? '/';
  const rooted = `/${pathname.replace(/^\/+/, '')}`;
  const p = base !== '/' && rooted.startsWith(base) ? `/${rooted.slice(base.length)}` : rooted;
  const inLanguage = splitLanguagePath(p).path;
  if (inLanguage === '/search/' || inLanguage.startsWith('/search/')) return 'search';
  if (p === '/admin/' || p.startsWith('/admin/')) return 'admin';
  if (inLanguage.startsWith('/offline/') || p === '/sw.js') return 'offline';
  return 'content';
}

/** Headers every response carries, whatever its type. */
export const COMMON_HEADERS: ReadonlyArray<[string, string]> = [
  ['Referrer-Policy', 'no-referrer'],
  ['X-Content-Type-Options', 'nosniff'],
  ['X-Frame-Options', 'DENY'],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  ['Cross-Origin-Resource-Policy', 'same-origin'],
  ['Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()'],
  ['X-Robots-Tag', 'noindex, nofollow'],
];

/** The `X-Frame-Options` of a page of `type`: the CMS may frame its own pages (as its `frame-ancestors 'self'`), nothing else may be framed. */
export function frameOptions(type: PageType): 'DENY' | 'SAMEORIGIN' {
  return type === 'admin' ? 'SAMEORIGIN' : 'DENY';
}

/** Folders of dist/ whose files get the search policy: the search page and Pagefind's scripts and worker. */
export const SEARCH_PREFIXES: readonly string[] = ['/search/', ...LANGUAGE_FOLDERS.map((f) => `/${f}search/`), '/pagefind/'];
/**
 * Paths of dist/ with the offline policy: the offline pages and the service worker (a worker's own
 * fetches obey the policy its script was served with: the content policy's `connect-src 'none'` would
 * stop it from saving or updating anything). Folders end with `/`.
 */
export const OFFLINE_PREFIXES: readonly string[] = ['/offline/', ...LANGUAGE_FOLDERS.map((f) => `/${f}offline/`), '/sw.js'];

/**
 * The `_headers` file (Netlify, Cloudflare Pages and compatible hosts). Those hosts combine every
 * rule a path matches (two values of one header are joined, `DENY, SAMEORIGIN`), so each policy and
 * each `X-Frame-Options` (its value depends on the page type) is given to paths that do not overlap;
 * only the headers whose value is the same everywhere go to `/*`. `topLevel` lists the top-level
 * entries of dist/ (folders end with `/`), a language's folder by its entries (`fr/notices/`, `fr/search/`, …).
 * With `admin` false there is no /admin/ rule (nor /admin/ in dist/). Content-addressed files
 * (src/render/headers/cache.ts) are cached for a year; every other file keeps the host's default (these
 * hosts revalidate it on every use).
 */
export function netlifyHeaders(topLevel: readonly string[], admin: boolean, options?: CspOptions): string {
  // Paths below are dist/ paths (`/search/`); the rules name them under the site's base (`/any/path/search/`).
  const at = (path: string) => `${options?.base ?? '/'}${path.slice(1)}`;
  const lines = ['# Security headers of Modus, generated by the build from src/render/csp.ts. Do not edit.', at('/*')];
  for (const [k, v] of COMMON_HEADERS) if (k !== 'X-Frame-Options') lines.push(`  ${k}: ${v}`);
  const rule = (path: string, type: PageType) =>
    lines.push('', at(path), `  Content-Security-Policy: ${cspHeader(type, options)}`, `  X-Frame-Options: ${frameOptions(type)}`);
  rule('/', 'content');
  for (const entry of [...topLevel].sort()) {
    const p = `/${entry}`;
    if (SEARCH_PREFIXES.includes(p) || OFFLINE_PREFIXES.includes(p) || p === '/admin/') continue;
    rule(entry.endsWith('/') ? `${p}*` : p, 'content');
    // A language's home page is also served at its folder's address (`/fr/`).
    if (entry.endsWith('/index.html')) rule(p.slice(0, -'index.html'.length), 'content');
  }
  for (const p of SEARCH_PREFIXES) rule(`${p}*`, 'search');
  for (const p of OFFLINE_PREFIXES) rule(p.endsWith('/') ? `${p}*` : p, 'offline');
  if (admin) rule('/admin/*', 'admin');
  for (const p of [...CONTENT_ADDRESSED_FOLDERS.map((f) => `${f}*`), ...PAGEFIND_HASHED_PATTERNS]) {
    lines.push('', at(`/${p}`), `  Cache-Control: ${CACHE_IMMUTABLE}`);
  }
  return `${lines.join('\n')}\n`;
}
