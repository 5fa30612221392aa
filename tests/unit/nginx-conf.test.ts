/**
 * The nginx snippet of a build (src/render/headers/nginx.ts), read as nginx reads its locations.
 * Prevents: a location that drops the common headers (nginx forgets inherited `add_header`s in a
 * location with its own), a file served with the wrong policy or cache lifetime (an un-hashed file
 * cached for a year, so readers keep an old search script or page), /admin/ served by a build without
 * the CMS, and a build published under a path whose locations miss that path.
 * Served by the real nginx: tests/site/nginx.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { COMMON_HEADERS, cspHeader, type PageType } from '../../src/render/csp.ts';
import { CACHE_IMMUTABLE, CACHE_REVALIDATE, nginxHeaders } from '../../src/render/headers/nginx.ts';

interface Location {
  /** What follows `location`, e.g. `^~ /search/` or `~ \.pf_(…)$` (nested ones are prefixed by their parent's). */
  match: string;
  headers: Map<string, string[]>;
  body: string[];
}

/** The locations of a snippet (nested ones too), with their `add_header`s and other directives. */
function locations(conf: string): Location[] {
  const out: Location[] = [];
  const stack: Location[] = [];
  for (const raw of conf.split('\n')) {
    const line = raw.trim();
    const one = /^location (.+?) \{ (.*) \}$/.exec(line);
    if (one) {
      out.push({ match: one[1]!, headers: new Map(), body: [one[2]!] });
      continue;
    }
    const open = /^location (.+) \{$/.exec(line);
    if (open) {
      const parent = stack.at(-1);
      const loc = { match: parent ? `${parent.match} > ${open[1]!}` : open[1]!, headers: new Map<string, string[]>(), body: [] };
      out.push(loc);
      stack.push(loc);
    } else if (line === '}') {
      stack.pop();
    } else if (stack.length) {
      const h = /^add_header (\S+) "(.*)" always;$/.exec(line);
      const loc = stack.at(-1)!;
      if (h) loc.headers.set(h[1]!, [...(loc.headers.get(h[1]!) ?? []), h[2]!.replaceAll('\\"', '"')]);
      else loc.body.push(line);
    }
  }
  return out;
}

const byMatch = (conf: string) => new Map(locations(conf).map((l) => [l.match, l]));

describe('nginx snippet', () => {
  const conf = nginxHeaders(true);
  const locs = byMatch(conf);

  it('every location that serves files repeats every common header, once, and one policy and one Cache-Control', () => {
    const serving = locations(conf).filter((l) => l.headers.size > 0);
    expect(serving.length).toBeGreaterThan(8);
    for (const l of serving) {
      for (const [k, v] of COMMON_HEADERS) {
        const want = k === 'X-Frame-Options' && l.match.includes('/admin/') ? 'SAMEORIGIN' : v;
        expect(l.headers.get(k), `${l.match}: ${k}`).toEqual([want]);
      }
      expect(l.headers.get('Content-Security-Policy'), l.match).toHaveLength(1);
      expect(l.headers.get('Cache-Control'), l.match).toHaveLength(1);
    }
    // Locations without headers only answer 404 (through error_page, whose page has them).
    for (const l of locations(conf).filter((l) => l.headers.size === 0)) expect(l.body, l.match).toEqual(['return 404;']);
  });

  it('gives each folder the policy of its page type', () => {
    const cases: Array<[string, PageType]> = [
      ['^~ /', 'content'],
      ['^~ /_astro/', 'content'],
      ['^~ /_img/', 'content'],
      ['^~ /search/', 'search'],
      ['^~ /fr/search/', 'search'],
      ['^~ /es/search/', 'search'],
      ['^~ /ar/search/', 'search'],
      ['^~ /pagefind/', 'search'],
      ['^~ /pagefind/ > ~ \\.(pf_fragment|pf_index|pf_filter|pf_meta)$', 'search'],
      ['^~ /admin/', 'admin'],
      // The service worker's own requests obey the policy its script was served with (docs/offline.md).
      ['^~ /offline/', 'offline'],
      ['^~ /ar/offline/', 'offline'],
      ['^~ /sw.js', 'offline'],
    ];
    for (const [match, type] of cases) expect(locs.get(match)?.headers.get('Content-Security-Policy'), match).toEqual([cspHeader(type)]);
    expect(cspHeader('admin')).not.toEqual(cspHeader('content'));
  });

  it('caches content-addressed files for a year and revalidates everything else', () => {
    const immutable = ['^~ /_astro/', '^~ /_img/', '^~ /pagefind/ > ~ \\.(pf_fragment|pf_index|pf_filter|pf_meta)$'];
    for (const l of locations(conf).filter((l) => l.headers.size > 0)) {
      expect(l.headers.get('Cache-Control'), l.match).toEqual([immutable.includes(l.match) ? CACHE_IMMUTABLE : CACHE_REVALIDATE]);
    }
    expect(CACHE_IMMUTABLE).toBe('public, max-age=31536000, immutable');
  });

  it('serves the 404 page, hides the headers files, compresses text and types Pagefind and CSV files', () => {
    expect(conf).toContain('\nerror_page 404 /404.html;\n');
    expect(locs.get('= /_headers')?.body).toEqual(['return 404;']);
    expect(locs.get('= /nginx-modus.conf')?.body).toEqual(['return 404;']);
    expect(conf).toMatch(/\ngzip on;\n/);
    const gzipTypes = /\ngzip_types (.+);\n/.exec(conf)![1]!.split(' ');
    expect(gzipTypes).toEqual(
      expect.arrayContaining(['text/css', 'application/javascript', 'application/json', 'application/xml', 'image/svg+xml', 'text/csv']),
    );
    expect(gzipTypes.filter((t) => /^image\/(?!svg)|octet-stream|^font\//.test(t))).toEqual([]);
    expect(conf).toMatch(/\n {4}application\/octet-stream pagefind pf_fragment pf_index pf_filter pf_meta;\n/);
    expect(conf).toMatch(/\n {4}text\/csv csv;\n/);
    expect(conf).toMatch(/\ncharset_types [^;\n]*\btext\/csv\b/);
  });

  it('without the CMS, /admin/ answers 404 and no admin policy is written', () => {
    const off = nginxHeaders(false);
    expect(byMatch(off).get('^~ /admin/')?.body).toEqual(['return 404;']);
    expect(off).not.toContain(cspHeader('admin'));
    expect(off).not.toContain('SAMEORIGIN');
  });

  it('under a base path, every location and the 404 page are under that path', () => {
    const under = nginxHeaders(true, { base: '/any/path/' });
    const matches = locations(under).map((l) => l.match.split(' > ')[0]!.replace(/^(\^~|=) /, ''));
    for (const m of matches) expect(m === '/any/path' || m.startsWith('/any/path/'), m).toBe(true);
    expect(under).toContain('\nerror_page 404 /any/path/404.html;\n');
    const m = byMatch(under);
    expect(m.get('^~ /any/path/fr/search/')?.headers.get('Content-Security-Policy')).toEqual([cspHeader('search')]);
    expect(m.get('^~ /any/path/_img/')?.headers.get('Cache-Control')).toEqual([CACHE_IMMUTABLE]);
    expect(m.get('= /any/path/_headers')?.body).toEqual(['return 404;']);
    // The path typed without its trailing slash goes to the build's home page, with the headers.
    expect(m.get('= /any/path')?.body).toEqual(['return 301 /any/path/;']);
    expect(m.get('= /any/path')?.headers.get('Referrer-Policy')).toEqual(['no-referrer']);
  });
});
