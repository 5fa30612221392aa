/**
 * The path the site is served under (docs/architecture.md, "Site address and base path"). A build for
 * `MODUS_SITE_URL=https://host/any/path` has Astro's `base` set to `/any/path/` (astro.config.mjs, from
 * src/settings.ts), and Vite writes that value into every module it builds as the constant
 * `__MODUS_SITE_BASE__` (src/integrations/settings.ts): pages, components, the content loader and the
 * browser scripts it bundles. Every address the site writes goes through `sitePath`, so it carries the
 * base. Outside a Vite build (plain Node: the search index step, the dist check, scripts) the constant is
 * not defined: paths there are dist/ paths, with no base.
 * (Not `import.meta.env.BASE_URL`: Astro lets a BASE_URL variable of the environment the build runs in,
 * which test runners set to `/`, take its place.)
 */

declare const __MODUS_SITE_BASE__: string | undefined;

/** The base path: `/` or `/any/path/` (a slash at both ends). `/` outside a Vite build. */
export const SITE_BASE: string = normaliseBase(typeof __MODUS_SITE_BASE__ === 'string' ? __MODUS_SITE_BASE__ : undefined);

/** `base` made to start and end with one slash (`any/path` → `/any/path/`; empty or undefined → `/`). */
export function normaliseBase(base: string | undefined): string {
  const inner = (base ?? '').replace(/^\/+|\/+$/g, '');
  return inner ? `/${inner}/` : '/';
}

/**
 * The address of a site path under `base` (default the build's): `/notices/x/` → `/any/path/notices/x/`;
 * `/` → `/any/path/`. `path` must start with `/` (throws otherwise: a relative path would resolve against
 * the page it is on). Apply it once: a site at `/notices/` is a valid base, so it cannot tell.
 */
export function sitePath(path: string, base: string = SITE_BASE): string {
  if (!path.startsWith('/')) throw new Error(`sitePath: "${path}" is not a site path (it must start with /)`);
  if (base === '/') return path;
  return `${base}${path.slice(1)}`;
}

/** The inverse of `sitePath`: `/any/path/notices/x/` → `/notices/x/`; a path outside `base` is returned as it is. */
export function stripBase(path: string, base: string = SITE_BASE): string {
  if (base === '/') return path;
  if (path.startsWith(base)) return `/${path.slice(base.length)}`;
  if (`${path}/` === base) return '/';
  return path;
}
