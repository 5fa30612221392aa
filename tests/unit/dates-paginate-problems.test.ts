/**
 * Small pure modules: date-only formatting in any time zone (F4), pagination, problem formatting,
 * fields paths, image paths (F9), URLs, which pages are searchable (settings: settings-feed.test.ts).
 * Prevents: a date shown a day off in another time zone (field case F4), an empty last list page,
 * content problems reported without file and field, an image path the CMS writes refused or one
 * leaving the notice folder accepted, and a link to a page the site does not build.
 */
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { compareDates, parseDateOnly } from '../../src/knowledge/dates.ts';
import { formatDate } from '../../src/render/dates.ts';
import { paginate } from '../../src/knowledge/paginate.ts';
import { ContentProblemsError, fieldPath, formatProblems, problemsFromIssues } from '../../src/loading/problems.ts';
import {
  browseUrl,
  courseListUrl,
  facetValueUrl,
  feedUrl,
  homeUrl,
  idUrl,
  markingsUrl,
  noticeListUrl,
  noticeUrl,
  searchUrl,
} from '../../src/knowledge/urls.ts';
import { isSearchablePath } from '../../src/search/searchable.ts';
import { normaliseImagePath } from '../../src/model/images.ts';

describe('dates (F4)', () => {
  const tz = process.env.TZ;
  afterEach(() => {
    process.env.TZ = tz;
  });

  it('formats a date-only value the same in every time zone', () => {
    for (const zone of ['America/Los_Angeles', 'Pacific/Auckland', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'UTC']) {
      process.env.TZ = zone;
      // The zone really applies to this process (else the test would prove nothing).
      expect(new Date(Date.UTC(2024, 2, 1)).getTimezoneOffset() !== 0, zone).toBe(zone !== 'UTC');
      expect(formatDate('2024-03-01'), zone).toBe('1 March 2024');
      expect(formatDate('2024-02-29'), zone).toBe('29 February 2024');
      expect(formatDate('2024-12-31'), zone).toBe('31 December 2024');
    }
  });
  it('parses and compares date-only values as text', () => {
    expect(parseDateOnly('2024-03-01')).toEqual({ year: 2024, month: 3, day: 1 });
    expect(() => parseDateOnly('2024-3-1')).toThrow('Not a date-only value');
    expect(['2024-03-01', '2023-12-31', '2024-02-29'].sort(compareDates)).toEqual(['2023-12-31', '2024-02-29', '2024-03-01']);
  });
});

describe('paginate', () => {
  const url = (n: number) => `/p/${n}/`;
  it('splits items into numbered pages, each linking the previous and the next', () => {
    const pages = paginate([1, 2, 3, 4, 5], 2, url);
    expect(pages.map((p) => p.items)).toEqual([[1, 2], [3, 4], [5]]);
    expect(pages.map((p) => [p.number, p.total, p.url, p.prev, p.next])).toEqual([
      [1, 3, '/p/1/', undefined, '/p/2/'],
      [2, 3, '/p/2/', '/p/1/', '/p/3/'],
      [3, 3, '/p/3/', '/p/2/', undefined],
    ]);
  });
  it('an exact multiple makes no empty last page; an empty list makes one empty page', () => {
    expect(paginate([1, 2, 3, 4], 2, url)).toHaveLength(2);
    expect(paginate([], 20, url)).toEqual([{ number: 1, total: 1, items: [], url: '/p/1/', prev: undefined, next: undefined }]);
  });
});

describe('problems', () => {
  it('turns zod paths into field notation', () => {
    expect(fieldPath(['images', 0, 'alt'])).toBe('images[0].alt');
    expect(fieldPath(['route', 'origin', 2])).toBe('route.origin[2]');
    expect(fieldPath([])).toBe('(frontmatter)');
  });
  it('formats every problem grouped by file, with file:line:col when known', () => {
    const text = formatProblems([
      ...problemsFromIssues('content/notices/a/index.mdx', [
        { path: ['tlp'], message: 'Bad marking.' },
        { path: ['images', 0, 'alt'], message: 'Empty.' },
      ]),
      { file: 'content/notices/b/index.mdx', field: 'body', message: 'Unclosed <div>.', line: 12, column: 3 },
    ]);
    expect(text).toBe(
      [
        '3 problems in the content; nothing was built:',
        '  content/notices/a/index.mdx',
        '    tlp: Bad marking.',
        '    images[0].alt: Empty.',
        '  content/notices/b/index.mdx',
        '    content/notices/b/index.mdx:12:3 body: Unclosed <div>.',
      ].join('\n'),
    );
    expect(formatProblems([])).toBe('');
    expect(formatProblems([{ file: 'f', field: 'id', message: 'm' }])).toMatch(/^1 problem in the content/);
  });
  it('ContentProblemsError carries the problems and the formatted message', () => {
    const p = [{ file: 'f', field: 'id', message: 'm' }];
    const e = new ContentProblemsError(p);
    expect(e.problems).toBe(p);
    expect(e.message).toBe(formatProblems(p));
  });
});

describe('image paths (F9)', () => {
  it('accepts the forms the CMS writes, all as ./name', () => {
    expect(normaliseImagePath('X-ray scan 1.jpg')).toEqual({ ok: true, path: './X-ray scan 1.jpg' });
    expect(normaliseImagePath('./X-ray scan 1.jpg')).toEqual({ ok: true, path: './X-ray scan 1.jpg' });
    expect(normaliseImagePath('X-ray%20scan%201.jpg')).toEqual({ ok: true, path: './X-ray scan 1.jpg' });
    expect(normaliseImagePath('img/photo.jpg')).toEqual({ ok: true, path: './img/photo.jpg' });
  });
  it('refuses absolute paths, URLs, .., backslashes, broken escapes and empty paths, naming the path', () => {
    for (const [raw, why] of [
      ['/content/notices/logs/X-ray scan 1.jpg', 'is absolute'],
      ['https://example.org/a.jpg', 'is a URL'],
      ['data:image/png;base64,AAAA', 'is a URL'],
      ['../other/a.jpg', 'leaves the notice folder'],
      ['img\\a.jpg', 'contains a backslash'],
      ['bad%E0%A4%A.jpg', 'broken %-escape'],
    ] as const) {
      const r = normaliseImagePath(raw);
      expect(r.ok, raw).toBe(false);
      if (!r.ok) {
        expect(r.message).toContain(why);
        expect(r.message).toContain(`"${raw}"`);
      }
    }
    expect(normaliseImagePath('  ')).toMatchObject({ ok: false, message: expect.stringContaining('empty') });
  });
});

describe('urls and searchable pages', () => {
  it('builds the site URLs with trailing slashes', () => {
    expect(noticeUrl('sculptures')).toBe('/notices/sculptures/');
    expect(idUrl('MO-2024-0001')).toBe('/id/MO-2024-0001/');
    expect(noticeListUrl(1)).toBe('/notices/');
    expect(noticeListUrl(3)).toBe('/notices/page/3/');
    expect(facetValueUrl('country', 'nl')).toBe('/browse/country/nl/');
    expect(facetValueUrl('year', '2021', 2)).toBe('/browse/year/2021/2/');
  });
  it('each fixed page address is a page the site builds (src/pages)', () => {
    const page = (rel: string) => fs.existsSync(new URL(`../../src/pages/[...lang]/${rel}`, import.meta.url));
    const fixed: Array<[string, string]> = [
      [homeUrl(), 'index.astro'],
      [searchUrl(), 'search.astro'],
      [browseUrl(), 'browse/index.astro'],
      [markingsUrl(), 'markings.astro'],
      [feedUrl(), 'feed.xml.ts'],
      [noticeListUrl(1), 'notices/index.astro'],
      [courseListUrl(), 'courses/index.astro'],
    ];
    expect(fixed.map(([url]) => url)).toEqual(['/', '/search/', '/browse/', '/markings/', '/feed.xml', '/notices/', '/courses/']);
    expect(fixed.filter(([, file]) => !page(file))).toEqual([]);
  });
  it('notice pages are searchable; lists, /id/ redirects, browse, search and deeper paths are not', () => {
    expect(isSearchablePath('notices/sculptures/')).toBe(true);
    expect(isSearchablePath('/notices/sculptures/')).toBe(true);
    // The same pages in French, Spanish and Arabic are indexed too (each into its language's index); a
    // folder that is not a language is not.
    for (const lang of ['fr', 'es', 'ar']) expect(isSearchablePath(`${lang}/notices/sculptures/`), lang).toBe(true);
    expect(isSearchablePath('fr/courses/maritime/')).toBe(true);
    for (const p of [
      'notices/',
      'notices/page/2/',
      'id/MO-2024-0001/',
      'browse/country/nl/',
      'search/',
      '',
      'notices/a/b/',
      'de/notices/x/',
      'fr/notices/page/2/',
      'fr/search/',
    ]) {
      expect(isSearchablePath(p), p).toBe(false);
    }
  });
});

describe('zod type errors in words an editor can act on', () => {
  it('a single value where a list is expected says how to write a list; a schema message stays as written', async () => {
    const { z } = await import('astro/zod');
    const { noticeSchema } = await import('../../src/model/notice.ts');
    const { problemsFromIssues } = await import('../../src/loading/problems.ts');
    const r = noticeSchema(() => z.string()).safeParse({ route: { origin: 'NL' }, concealment: 'x' });
    expect(r.success).toBe(false);
    const byField = new Map(problemsFromIssues('f.mdx', r.success ? [] : r.error.issues).map((p) => [p.field, p.message]));
    expect(byField.get('route.origin')).toBe(
      'Expected a list, got a string. Write one "- item" per line under origin: (or origin: [first, second] for short values).',
    );
    expect(byField.get('concealment')).toBe('Expected concealment with a category and an object, got "x".');
  });
});
