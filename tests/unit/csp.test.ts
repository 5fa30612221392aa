/**
 * Content-Security-Policy per page type and the headers files for the static host (src/render/csp.ts).
 * Prevents: a notice page allowed to run script or load from another host, the search page broken by
 * a too-strict policy, the CMS's eval and inline styles allowed outside /admin/, /admin/ served by a
 * build without the CMS (the nginx snippet: tests/unit/nginx-conf.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { cspHeader, cspMeta, netlifyHeaders, pageTypeOf, type PageType } from '../../src/render/csp.ts';

/** Parses a policy into directive → sources. */
const parse = (p: string) =>
  new Map(
    p
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([k, ...v]) => [k!, v]),
  );

describe('Content-Security-Policy per page type', () => {
  it('content pages run no script and load everything from this site only', () => {
    const p = parse(cspMeta('content'));
    expect(p.get('default-src')).toEqual(["'self'"]);
    expect(p.get('script-src')).toEqual(["'none'"]);
    expect(p.get('object-src')).toEqual(["'none'"]);
    expect(p.get('base-uri')).toEqual(["'none'"]);
    expect(p.get('connect-src')).toEqual(["'none'"]);
  });

  it('the search page adds only what Pagefind needs', () => {
    const p = parse(cspMeta('search'));
    expect(p.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(p.get('worker-src')).toEqual(["'self'"]);
    expect(p.get('connect-src')).toEqual(["'self'"]);
    expect(cspMeta('search')).not.toMatch(/'unsafe-inline'|'unsafe-eval'|https?:/);
  });

  it('only /admin/ may evaluate code, inline styles and talk to the CMS backend', () => {
    const p = parse(cspMeta('admin', { cmsOrigins: ['http://127.0.0.1:8081'] }));
    expect(p.get('script-src')).toContain("'unsafe-eval'");
    expect(p.get('style-src')).toContain("'unsafe-inline'");
    expect(p.get('connect-src')).toContain('http://127.0.0.1:8081');
    for (const t of ['content', 'search'] as PageType[]) expect(cspMeta(t)).not.toMatch(/'unsafe-eval'|'unsafe-inline'|8081/);
  });

  it('frame-ancestors goes into headers only (a meta tag cannot carry it)', () => {
    for (const t of ['content', 'search', 'admin'] as PageType[]) {
      expect(cspMeta(t)).not.toContain('frame-ancestors');
      expect(cspHeader(t)).toContain('frame-ancestors');
      expect(cspHeader(t).startsWith(cspMeta(t))).toBe(true);
    }
  });

  it('pageTypeOf: /search/ is search, /admin/ is admin, /offline/ and /sw.js offline, every other built path (even /searching/) is content', () => {
    expect(pageTypeOf('/search/')).toBe('search');
    expect(pageTypeOf('search/index.html')).toBe('search');
    expect(pageTypeOf('/admin/')).toBe('admin');
    expect(pageTypeOf('/notices/x/')).toBe('content');
    expect(pageTypeOf('/')).toBe('content');
    expect(pageTypeOf('/searching/')).toBe('content');
    expect(pageTypeOf('/offline/')).toBe('offline');
    expect(pageTypeOf('ar/offline/index.html')).toBe('offline');
    expect(pageTypeOf('/sw.js')).toBe('offline');
    expect(pageTypeOf('/notices/offline/')).toBe('content');
  });
});

/** The values of header `name` a Netlify-style `_headers` file gives `path` (every matching rule adds its headers). */
function headerFor(file: string, path: string, name: string): string[] {
  const out: string[] = [];
  let matches = false;
  for (const line of file.split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    if (!line.startsWith(' ')) {
      const rule = line.trim();
      matches = rule.endsWith('*') ? path.startsWith(rule.slice(0, -1)) : path === rule;
    } else if (matches && line.trim().startsWith(`${name}:`))
      out.push(
        line
          .trim()
          .slice(name.length + 1)
          .trim(),
      );
  }
  return out;
}

/** The CSP headers `_headers` gives `path`. */
const cspFor = (file: string, path: string) => headerFor(file, path, 'Content-Security-Policy');

describe('headers files', () => {
  const top = [
    '404.html',
    '_astro/',
    'browse/',
    'favicon.svg',
    'feed.xml',
    'id/',
    'index.html',
    'notices/',
    'pagefind/',
    'search/',
    'admin/',
    // A language's folder is listed by its entries (src/integrations/security-headers.ts), so its search
    // page's rule never overlaps a rule for the whole folder.
    'ar/index.html',
    'ar/notices/',
    'ar/search/',
    'ar/offline/',
    'offline/',
  ];

  it('_headers gives every path exactly one policy, the right one (hosts combine matching rules)', () => {
    const file = netlifyHeaders(top, true);
    const cases: Array<[string, PageType]> = [
      ['/', 'content'],
      ['/notices/x/', 'content'],
      ['/browse/commodity/', 'content'],
      ['/id/MO-2024-0001/', 'content'],
      ['/404.html', 'content'],
      ['/feed.xml', 'content'],
      ['/search/', 'search'],
      ['/ar/search/', 'search'],
      ['/ar/', 'content'],
      ['/ar/notices/x/', 'content'],
      ['/pagefind/pagefind-worker.js', 'search'],
      ['/admin/', 'admin'],
      ['/admin/decap-cms.js', 'admin'],
      ['/offline/', 'offline'],
      ['/ar/offline/', 'offline'],
      // Written after astro build (not among the top-level entries the headers are made from), yet in its own rule.
      ['/sw.js', 'offline'],
    ];
    for (const [p, type] of cases) expect(cspFor(file, p), p).toEqual([cspHeader(type)]);
    expect(file).toMatch(/^\/\*\n(?: {2}.+\n)*? {2}Referrer-Policy: no-referrer$/m);
  });

  // Prevents: /admin/ sent `X-Frame-Options: DENY, SAMEORIGIN` (the `/*` rule's value joined with its own,
  // an invalid value browsers read as DENY), or a page left without frame denial.
  it('_headers gives every path exactly one X-Frame-Options: SAMEORIGIN on /admin/, DENY everywhere else', () => {
    for (const base of ['/', '/any/path/']) {
      const file = netlifyHeaders(top, true, { base });
      const at = (p: string) => `${base}${p.slice(1)}`;
      for (const p of ['/', '/notices/x/', '/404.html', '/_astro/a.css', '/search/', '/ar/', '/ar/search/', '/pagefind/pagefind.js'])
        expect(headerFor(file, at(p), 'X-Frame-Options'), `${base} ${p}`).toEqual(['DENY']);
      for (const p of ['/admin/', '/admin/config.yml'])
        expect(headerFor(file, at(p), 'X-Frame-Options'), `${base} ${p}`).toEqual(['SAMEORIGIN']);
      // The headers common to every path stay on the one rule for all of them.
      expect(headerFor(file, at('/admin/'), 'X-Content-Type-Options'), base).toEqual(['nosniff']);
    }
  });

  it('without the CMS, _headers has no /admin/ rule', () => {
    expect(
      netlifyHeaders(
        top.filter((t) => t !== 'admin/'),
        false,
      ),
    ).not.toContain('/admin/');
  });
});

describe('_headers cache lifetimes', () => {
  // Prevents: a host serving hashed assets, image variants and search chunks for revalidation on every
  // visit, or (worse) caching a file that keeps its name (a page, pagefind-entry.json) for a year.
  it('caches exactly the content-addressed files for a year', () => {
    const file = netlifyHeaders(['_astro/', '_img/', 'index.html', 'pagefind/', 'search/'], true);
    const cached: string[] = [];
    let rule = '';
    for (const line of file.split('\n')) {
      if (line && !line.startsWith(' ') && !line.startsWith('#')) rule = line;
      if (line.trim().startsWith('Cache-Control:')) {
        expect(line.trim(), rule).toBe('Cache-Control: public, max-age=31536000, immutable');
        cached.push(rule);
      }
    }
    expect(cached).toEqual([
      '/_astro/*',
      '/_img/*',
      '/pagefind/fragment/*',
      '/pagefind/index/*',
      '/pagefind/filter/*',
      '/pagefind/pagefind.*.pf_meta',
    ]);
  });
});
