/**
 * The base path every address of the site carries (src/model/site-path.ts) and the URL functions built on it.
 * Prevents: a page, image or export address that misses the path of a site published under one
 * (`https://intranet.example/modus/`), or carries it twice, and headers files whose rules miss it.
 */
import { describe, expect, it } from 'vitest';
import { normaliseBase, sitePath, SITE_BASE, stripBase } from '../../src/model/site-path.ts';
import { absoluteUrl, idUrl, NO_IMAGE, noticeUrl } from '../../src/knowledge/urls.ts';
import { netlifyHeaders, pageTypeOf } from '../../src/render/csp.ts';
import { cmsConfig } from '../../src/cms/node/config.ts';

describe('site path', () => {
  it('outside a build with a base (the unit tests: Vite base /) addresses are the dist/ paths', () => {
    expect(SITE_BASE).toBe('/');
    expect(noticeUrl('x', 'ar')).toBe('/ar/notices/x/');
    expect(NO_IMAGE).toBe('/no-image.svg');
  });

  it('normaliseBase: one slash at both ends; empty is /', () => {
    expect(normaliseBase('/any/path/')).toBe('/any/path/');
    expect(normaliseBase('/any/path')).toBe('/any/path/');
    expect(normaliseBase('any/path')).toBe('/any/path/');
    expect(normaliseBase('')).toBe('/');
    expect(normaliseBase(undefined)).toBe('/');
    expect(normaliseBase('/')).toBe('/');
  });

  it('sitePath puts the base in front once, stripBase takes it off; relative paths are refused', () => {
    expect(sitePath('/notices/x/', '/any/path/')).toBe('/any/path/notices/x/');
    expect(sitePath('/', '/any/path/')).toBe('/any/path/');
    expect(sitePath('/notices/x/', '/')).toBe('/notices/x/');
    // A base named like a folder of the site still gets put in front.
    expect(sitePath('/notices/x/', '/notices/')).toBe('/notices/notices/x/');
    expect(() => sitePath('notices/x/', '/any/path/')).toThrow(/not a site path/);
    expect(stripBase('/any/path/fr/search/', '/any/path/')).toBe('/fr/search/');
    expect(stripBase('/any/path', '/any/path/')).toBe('/');
    expect(stripBase('/other/', '/any/path/')).toBe('/other/');
  });

  it('absoluteUrl joins a based URL to a siteUrl with a path without doubling it', () => {
    expect(absoluteUrl('/any/path/id/MO-2024-0001/', 'https://host/any/path')).toBe('https://host/any/path/id/MO-2024-0001/');
    expect(absoluteUrl(idUrl('MO-2024-0001'), 'https://modus.example.org')).toBe('https://modus.example.org/id/MO-2024-0001/');
  });
});

describe('headers files and CMS config under a base', () => {
  const base = '/any/path/';
  it('pageTypeOf takes the base off before deciding', () => {
    expect(pageTypeOf('/any/path/search/', { base })).toBe('search');
    expect(pageTypeOf('/any/path/fr/search/', { base })).toBe('search');
    expect(pageTypeOf('/any/path/admin/', { base })).toBe('admin');
    expect(pageTypeOf('/any/path/notices/x/', { base })).toBe('content');
    expect(pageTypeOf('search/index.html', { base })).toBe('search');
  });

  it('_headers names every path under the base (nginx-modus.conf: tests/unit/nginx-conf.test.ts)', () => {
    const netlify = netlifyHeaders(['index.html', 'notices/', 'search/', 'fr/index.html', 'fr/search/', 'admin/'], true, { base });
    const paths = netlify.split('\n').filter((l) => l.startsWith('/'));
    expect(paths.length).toBeGreaterThan(5);
    for (const p of paths) expect(p.startsWith(base), p).toBe(true);
    expect(paths).toContain('/any/path/search/*');
    expect(paths).toContain('/any/path/admin/*');
  });

  it('the CMS config names its proxy, logo and public folder under the base', () => {
    const config = cmsConfig({ noticesFolder: 'n', coursesFolder: 'c', mediaFolder: 'm', nextId: 'MO-2026-0001', branch: 'main', base });
    expect(config.backend).toMatchObject({ proxy_url: '/any/path/api/v1/' });
    expect(config.logo_url).toBe('/any/path/favicon.svg');
    expect(config.public_folder).toBe('/any/path/media');
  });
});
