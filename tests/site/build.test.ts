/**
 * Build tests on the `basic` fixture (tests/fixtures/basic, images generated with sharp): every page
 * type, /id/ redirects, facet counts (F2, F3, F5), no JavaScript outside /search/, lang and dir,
 * images without originals or identifying metadata (F9, F10) and with their orientation applied,
 * a notice above the audience absent from dist/, date-only values identical in two time zones (F4),
 * the Pagefind count check, no broken internal link (F7, linkinator) and valid HTML (html-validate).
 *
 * The fixture is built once (TZ=America/Los_Angeles) and reused; F4 adds one build in Pacific/Auckland.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HtmlValidate } from 'html-validate';
import { LinkChecker } from 'linkinator';
import { parse as parseYaml } from 'yaml';
import { astroBuild, listFiles, preview, tempDir, type RunResult } from '../helpers/site.ts';
import { EVIDENCE, exiftool, materialise, type Fixture } from '../helpers/fixtures.ts';
import { htmlPages, page, readText, sha256, texts, type BuiltPage } from '../helpers/dist.ts';
import { buildSearchIndex } from '../../src/build/search-index.ts';
import { isSearchablePath } from '../../src/build/searchable.ts';
import { keyFactLines } from '../../src/lib/content-manifest.ts';
import { noticeSchema, type NoticeData } from '../../src/schema/notice.ts';
import { z } from 'astro/zod';

/** The visible notices of the fixture (public build): slug → id. */
const VISIBLE = {
  sculptures: 'MO-2024-0001',
  'ivory-logs': 'MO-2024-0004',
  gearbox: 'MO-2023-0012',
  'ivory-logs-2022': 'MO-2022-0003',
  'cash-quarter-panels': 'MO-2021-0005',
  minimal: 'MO-2020-0006',
} as const;
/** Newest first (published, then id): the order of every notice list. */
const NEWEST_FIRST = ['sculptures', 'ivory-logs', 'gearbox', 'ivory-logs-2022', 'cash-quarter-panels', 'minimal'];
/** The TLP:GREEN notice a public build must leave out entirely. */
const WITHHELD = { slug: 'banana-boxes', id: 'MO-2024-0007', word: 'zebrawood' };

let fixture: Fixture;
let dist: string;
let build: RunResult;
let pages: BuiltPage[];

beforeAll(async () => {
  fixture = await materialise('basic');
  dist = tempDir('dist-basic');
  build = await astroBuild(fixture.contentDir, dist, { TZ: 'America/Los_Angeles' });
  if (build.code !== 0) throw new Error(`fixture build failed:\n${build.output}`);
  pages = htmlPages(dist);
});

afterAll(() => {
  fixture?.remove();
  if (dist) fs.rmSync(dist, { recursive: true, force: true });
});

/** `[label, count]` of every value listed on a facet or browse page, for one facet. */
function counts(html: string, facet: string): Array<[string, number]> {
  const re = new RegExp(`<a href="/browse/${facet}/[^"]+/">([^<]+)</a> <span class="count"[^>]*>(\\d+)</span>`, 'g');
  return [...html.matchAll(re)].map((m) => [m[1]!.replaceAll('&amp;', '&'), Number(m[2])]);
}

/** Slugs of the notice cards on a list page, in order. */
const cardSlugs = (html: string) => [...html.matchAll(/class="card__title"><a href="\/notices\/([^/]+)\/"/g)].map((m) => m[1]!);

describe('the fixture build', () => {
  it('computes the derived indexes once per build and indexes every visible notice for search', () => {
    expect(build.output.match(/derived indexes computed once for 6 notices/g)).toHaveLength(1);
    expect(build.output).toContain('indexed 6 pages for search');
  });

  it('builds every page type', () => {
    const urls = new Set(pages.map((p) => p.url));
    for (const url of [
      '/', '/notices/', '/browse/', '/search/', '/markings/', '/404.html',
      '/browse/commodity/', '/browse/commodity/ivory/', '/browse/country/', '/browse/country/md/',
      '/browse/year/', '/browse/year/2021/', '/browse/operation/lionfish/', '/browse/concealment/inside-goods/',
      '/browse/transport/maritime-container/', '/browse/crime-area/environmental-crime/',
      '/browse/detection/xray-nii/', '/browse/anti-detection/false-declaration/',
      ...Object.keys(VISIBLE).map((s) => `/notices/${s}/`),
      ...Object.values(VISIBLE).map((id) => `/id/${id}/`),
    ]) expect(urls, url).toContain(url);
    const noticePages = pages.filter((p) => isSearchablePath(p.url));
    expect(noticePages.map((p) => p.url).sort()).toEqual(Object.keys(VISIBLE).map((s) => `/notices/${s}/`).sort());
  });

  it('/id/<ID>/ (and the id in lower case) redirects to each notice, without JavaScript', () => {
    for (const [slug, id] of Object.entries(VISIBLE)) {
      for (const typed of [id, id.toLowerCase()]) {
        const html = page(dist, `/id/${typed}/`);
        expect(html).toContain(`<meta http-equiv="refresh" content="0;url=/notices/${slug}/">`);
        expect(html).toMatch(new RegExp(`<a href="/notices/${slug}/">${id}: `));
      }
    }
    const ids = pages.filter((p) => p.url.startsWith('/id/')).map((p) => p.url);
    expect(ids).toHaveLength(2 * Object.keys(VISIBLE).length);
  });

  it('lists notices newest first, with status marks for superseded and withdrawn', () => {
    const list = page(dist, '/notices/');
    expect(cardSlugs(list)).toEqual(NEWEST_FIRST);
    expect(list).toContain('<span class="status status--superseded">Superseded</span>');
    expect(list).toContain('<span class="status status--withdrawn">Withdrawn</span>');
  });

  it('counts facet values per notice, canonically (F2) and with commas kept (F3), on facet and browse pages', () => {
    const expected: Array<[string, number]> = [
      ['Australia', 1], ['Kenya', 1], ['Moldova, Republic of', 1], ['Netherlands', 3], ['Norway', 1],
      ['Romania', 1], ['South Africa', 1], ['Vietnam', 2],
    ];
    expect(counts(page(dist, '/browse/country/'), 'country')).toEqual(expected);
    expect(counts(page(dist, '/browse/'), 'country')).toEqual(expected);
    expect(counts(page(dist, '/browse/year/'), 'year')).toEqual([['2023', 2], ['2022', 1], ['2021', 2]]);
    expect(counts(page(dist, '/browse/commodity/'), 'commodity')).toEqual([
      ['Cocaine', 1], ['Heroin and opioids', 1], ['Methamphetamine', 1], ['Ivory', 2], ['Pangolin scales', 1], ['Cash', 1],
    ]);
    expect(counts(page(dist, '/browse/concealment/'), 'concealment')).toEqual([
      ['Natural void in a vehicle', 1], ['False compartment (purpose-built)', 1], ['Inside goods', 3],
      ['Packaging or lining (false bottoms, luggage lining)', 1],
    ]);
  });

  it('a facet value page lists exactly its notices, newest first', () => {
    const nl = page(dist, '/browse/country/nl/');
    expect(cardSlugs(nl)).toEqual(['sculptures', 'gearbox', 'ivory-logs-2022']);
    expect(nl).toContain('<h1>Netherlands</h1>');
    expect(nl).toContain('<p>3 notices</p>');
    expect(cardSlugs(page(dist, '/browse/country/md/'))).toEqual(['gearbox']);
    expect(page(dist, '/browse/country/md/')).toContain('<h1>Moldova, Republic of</h1>');
  });

  it('F5: an unquoted `country: NO` stays Norway', () => {
    const html = page(dist, '/notices/cash-quarter-panels/');
    expect(html).toContain('<a href="/browse/country/no/">Norway</a>');
    expect(cardSlugs(page(dist, '/browse/country/no/'))).toEqual(['cash-quarter-panels']);
  });

  it('F6: a notice with every optional field omitted builds', () => {
    const html = page(dist, '/notices/minimal/');
    expect(html).toContain('<h1>Heroin in suitcase lining</h1>');
    expect(html).toContain('not reported'); // route
    expect(html).not.toContain('Seizures');
    expect(html).not.toContain('status-banner');
  });

  it('shows the superseded and withdrawn banners, with the successor linked', () => {
    const old = page(dist, '/notices/ivory-logs-2022/');
    expect(old).toContain('This notice is superseded.');
    expect(old).toContain('Replaced by a notice with newer seizures.');
    expect(old).toContain('<a href="/notices/ivory-logs/">MO-2024-0004: Ivory and pangolin scales in hollowed timber logs</a>');
    const gone = page(dist, '/notices/cash-quarter-panels/');
    expect(gone).toContain('This notice is withdrawn.');
    expect(gone).toContain('The reporting service withdrew the case.');
  });

  it('shows related notices, and similar notices that are neither the notice nor related', () => {
    const ivory = page(dist, '/notices/ivory-logs/');
    const more = ivory.slice(ivory.indexOf('class="notice__more"'));
    const related = more.slice(more.indexOf('id="rel-h"'), more.indexOf('id="sim-h"') === -1 ? undefined : more.indexOf('id="sim-h"'));
    expect(cardSlugs(related)).toEqual(['ivory-logs-2022']);
    const similar = more.includes('id="sim-h"') ? cardSlugs(more.slice(more.indexOf('id="sim-h"'))) : [];
    expect(similar).not.toContain('ivory-logs');
    expect(similar).not.toContain('ivory-logs-2022');
    expect(similar).toContain('sculptures'); // same concealment category: inside goods
  });

  it('ships no JavaScript on any page but /search/', () => {
    const withScript = pages.filter((p) => /<script\b/i.test(p.html)).map((p) => p.url);
    expect(withScript).toEqual(['/search/']);
    for (const p of pages.filter((x) => x.url !== '/search/')) expect(p.html, p.url).not.toMatch(/\son[a-z]+=/i);
    expect(page(dist, '/search/')).toContain('src="/pagefind/pagefind-component-ui.js"');
  });

  it('sets lang and dir on every page', () => {
    expect(pages.length).toBeGreaterThan(40);
    for (const p of pages) expect(p.html, p.url).toMatch(/<html lang="en" dir="ltr"/);
  });

  it('names a notice\'s search metadata from frontmatter, filter values one per element (F1, F3)', () => {
    const html = page(dist, '/notices/sculptures/');
    expect(html).toContain('<span data-pagefind-meta="title">Methamphetamine inside animal sculptures</span>');
    expect(html).toContain('<span data-pagefind-meta="id">MO-2024-0001</span>');
    expect(html).not.toMatch(/data-pagefind-(filter|meta)="[^"]*[:,]/); // never the inline name:value syntax
    expect(page(dist, '/notices/gearbox/')).toContain('<span data-pagefind-filter="country">Moldova, Republic of</span>');
    // A fenced code block stays plain: no highlighting styles, which the page's CSP would block.
    expect(page(dist, '/notices/gearbox/')).toContain('<pre><code>MACHINE PARTS - GEARBOX HOUSING - 1 PC\n</code></pre>');
    expect(html).toContain('Hollow casting: resin figurine');
  });

  it('prints: marking banner, print-only line with id, date and permanent link', () => {
    const html = page(dist, '/notices/sculptures/');
    expect(html).toContain('class="marking-banner marking-banner--clear"');
    expect(html).toMatch(/class="print-only print-footer"[^>]*>\s*Printed copy of notice MO-2024-0001, version of 2 April 2024\. Check for a newer version: http:\/\/localhost:4321\/id\/MO-2024-0001\//);
  });
});

describe('a notice above the build\'s audience (TLP:GREEN in a public build)', () => {
  it('is absent from every file of dist/: pages, search index, images', () => {
    const hits = listFiles(dist)
      .filter((f) => !/\.(avif|webp|jpe?g|png|woff2?|wasm)$/.test(f))
      .filter((f) => { const t = readText(path.join(dist, f)); return t.includes(WITHHELD.id) || t.includes(WITHHELD.word) || t.includes(WITHHELD.slug); });
    expect(hits).toEqual([]);
    expect(listFiles(dist).filter((f) => path.basename(f).startsWith('boxes.'))).toEqual([]);
  });
  it('is left out of counts: Netherlands counts 3, not 4; cocaine counts 1, not 2', () => {
    expect(counts(page(dist, '/browse/country/'), 'country')).toContainEqual(['Netherlands', 3]);
    expect(counts(page(dist, '/browse/commodity/'), 'commodity')).toContainEqual(['Cocaine', 1]);
  });
});

describe('images (F9, F10)', () => {
  const distImages = () => listFiles(dist).filter((f) => /\.(avif|webp|jpe?g|png|gif|tiff?)$/i.test(f) && !f.startsWith('favicon'));

  it('the generated sources really carry GPS, camera serial, capture time and creator (else the test proves nothing)', () => {
    const evidence = fixture.images.filter((f) => f.endsWith('.jpg'));
    expect(evidence.length).toBeGreaterThanOrEqual(3);
    for (const meta of exiftool(evidence)) {
      expect(meta['GPS:GPSLatitude'], String(meta.SourceFile)).toBeDefined();
      expect(meta['ExifIFD:SerialNumber']).toBe(EVIDENCE.serial);
      expect(meta['ExifIFD:DateTimeOriginal']).toBe(EVIDENCE.captured);
      expect(meta['XMP-dc:Creator']).toBe(EVIDENCE.creator);
      expect(meta['IFD0:Make']).toBe(EVIDENCE.make);
    }
    const rotated = exiftool(fixture.images.filter((f) => f.endsWith('rotated.jpg')), ['-n'])[0]!;
    expect(rotated['IFD0:Orientation']).toBe(6);
  });

  it('copies no original into dist/ (no file has the bytes of a source image)', () => {
    const sources = new Map(fixture.images.map((f) => [sha256(f), path.relative(fixture.contentDir, f)]));
    const copies = distImages().filter((f) => sources.has(sha256(path.join(dist, f))));
    expect(copies).toEqual([]);
    expect(distImages().length).toBeGreaterThan(10);
  });

  it('leaves no GPS, serial number, camera, creator, capture time or XMP in any file of dist/ (exiftool -r)', () => {
    const read = exiftool([dist]);
    // exiftool read every image (an empty answer would find nothing and pass).
    const images = distImages().map((f) => path.join(dist, f));
    expect(images.length).toBeGreaterThan(10);
    expect(images.filter((f) => !read.some((meta) => meta.SourceFile === f))).toEqual([]);
    const found = read.flatMap((meta) =>
      Object.keys(meta)
        .filter((k) => /^(GPS|XMP)|:(GPS\w*|SerialNumber|BodySerialNumber|Make|Model|Artist|Creator|DateTimeOriginal|CreateDate|OwnerName)$/.test(k))
        .map((k) => `${String(meta.SourceFile)} ${k}=${String(meta[k])}`),
    );
    expect(found).toEqual([]);
    for (const f of distImages()) expect(readText(path.join(dist, f)).includes(EVIDENCE.creator), f).toBe(false);
  });

  it('applies the EXIF orientation: every variant of the orientation-6 landscape source is portrait', () => {
    const variants = distImages().filter((f) => path.basename(f).startsWith('rotated.'));
    expect(variants.length).toBeGreaterThanOrEqual(4);
    for (const meta of exiftool(variants.map((f) => path.join(dist, f)))) {
      const [w, h] = String(meta['Composite:ImageSize']).split(/[x ]/).map(Number) as [number, number];
      expect(h, String(meta.SourceFile)).toBeGreaterThan(w);
    }
    expect(page(dist, '/notices/gearbox/')).toMatch(/alt="Gearbox housing opened on a workshop bench"[^>]*width="800" height="1200"/);
  });

  it('F9: ./name, %-encoded and bare names of one file resolve to the same optimised image', () => {
    const html = page(dist, '/notices/ivory-logs/');
    const srcs = [...html.matchAll(/<img src="([^"]+)"[^>]*alt="X-ray image of a log/g)].map((m) => m[1]);
    expect(srcs).toHaveLength(3);
    expect(new Set(srcs).size).toBe(1);
    expect(fs.existsSync(path.join(dist, decodeURIComponent(srcs[0]!)))).toBe(true);
  });

  it('gives every image alt text and dimensions; gallery images come as AVIF and WebP sources', () => {
    for (const p of pages) {
      for (const img of p.html.match(/<img\b[^>]*>/g) ?? []) {
        expect(img, p.url).toMatch(/\balt(="[^"]*")?[\s>]/);
        expect(img, p.url).toMatch(/\bwidth="\d+" height="\d+"/);
      }
    }
    const gallery = page(dist, '/notices/sculptures/');
    expect(gallery).toMatch(/<source srcset="[^"]+\.avif 480w, [^"]+\.avif 960w" type="image\/avif"/);
    expect(gallery).toMatch(/<source srcset="[^"]+\.webp 480w, [^"]+\.webp 960w" type="image\/webp"/);
  });
});

describe('F4: date-only values in two time zones', () => {
  let auckland: string;
  beforeAll(async () => {
    auckland = tempDir('dist-auckland');
    const r = await astroBuild(fixture.contentDir, auckland, { TZ: 'Pacific/Auckland' });
    if (r.code !== 0) throw new Error(`Auckland build failed:\n${r.output}`);
  });
  afterAll(() => fs.rmSync(auckland, { recursive: true, force: true }));

  it('shows 1 March 2024 with datetime="2024-03-01" in both builds', () => {
    for (const d of [dist, auckland]) {
      const html = page(d, '/notices/sculptures/');
      expect(html).toContain('<time datetime="2024-03-01">1 March 2024</time>');
      expect(page(d, '/notices/')).toContain('<time datetime="2024-03-01">1 March 2024</time>');
      expect(page(d, '/notices/ivory-logs/')).toContain('<time datetime="2024-02-29">29 February 2024</time>');
    }
  });

  it('lists notices in the same order, and every page is byte-identical', () => {
    expect(cardSlugs(page(auckland, '/notices/'))).toEqual(NEWEST_FIRST);
    const other = new Map(htmlPages(auckland).map((p) => [p.url, p.html]));
    expect([...other.keys()]).toEqual(pages.map((p) => p.url));
    for (const p of pages) expect(other.get(p.url), p.url).toBe(p.html);
  });
});

describe('search index count check (src/build/search-index.ts)', () => {
  /** Builds the search index of a copy of dist/, after `corrupt` changed the copy; returns what it logged. */
  async function runHook(corrupt: (copy: string) => void): Promise<string[]> {
    const copy = tempDir('dist-copy');
    fs.cpSync(dist, copy, { recursive: true });
    fs.rmSync(path.join(copy, 'pagefind'), { recursive: true, force: true });
    corrupt(copy);
    try {
      const indexed = await buildSearchIndex(copy, () => {});
      return [`indexed ${indexed} pages for search`];
    } finally {
      fs.rmSync(copy, { recursive: true, force: true });
    }
  }

  it('passes on the build as made', async () => {
    expect(await runHook(() => {})).toEqual(['indexed 6 pages for search']);
  });

  it('fails when a notice page lacks data-pagefind-body', async () => {
    await expect(runHook((copy) => {
      const f = path.join(copy, 'notices/gearbox/index.html');
      const html = fs.readFileSync(f, 'utf8');
      expect(html).toContain(' data-pagefind-body');
      fs.writeFileSync(f, html.replace(' data-pagefind-body', ''));
    })).rejects.toThrow('Pagefind indexed 5 pages but the build has 6 searchable pages');
  });

  it('indexes only notice and course pages: another page marked data-pagefind-body stays out', async () => {
    // Pagefind is handed the searchable pages only (not the whole of dist/), so the count stays 6.
    expect(await runHook((copy) => {
      const f = path.join(copy, 'markings/index.html');
      const html = fs.readFileSync(f, 'utf8');
      expect(html).toContain('<main id="main"');
      fs.writeFileSync(f, html.replace('<main id="main"', '<main data-pagefind-body id="main"'));
    })).toEqual(['indexed 6 pages for search']);
  });
});

describe('links and HTML', () => {
  it('F7: has no broken internal link or fragment (linkinator, crawling from /)', async () => {
    const server = await preview(dist);
    try {
      const checker = new LinkChecker();
      const result = await checker.check({
        path: `${server.url}/`,
        recurse: true,
        checkFragments: true,
        concurrency: 4,
        linksToSkip: async (link) => !link.startsWith(server.url),
      });
      const broken = result.links.filter((l) => l.state === 'BROKEN').map((l) => `${l.status} ${l.url} (from ${l.parent})`);
      expect(broken).toEqual([]);
      const checked = new Set(result.links.filter((l) => l.state === 'OK').map((l) => new URL(l.url).pathname));
      for (const slug of Object.keys(VISIBLE)) expect(checked).toContain(`/notices/${slug}/`);
      expect(checked).toContain('/browse/country/md/');
    } finally {
      await server.stop();
    }
  });

  it('is valid HTML on one page of each type (html-validate, recommended rules)', async () => {
    // no-redundant-role: role="list" on <ul class="cards"> is deliberate (Safari drops list semantics
    // when list-style is none). Everything else of html-validate:recommended stays on.
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'], rules: { 'no-redundant-role': 'off' } });
    const sample = [
      '/', '/notices/', '/notices/sculptures/', '/notices/ivory-logs-2022/', '/notices/minimal/', '/browse/',
      '/browse/country/', '/browse/country/md/', '/search/', '/markings/', '/404.html', '/id/MO-2024-0001/',
    ];
    const messages: string[] = [];
    for (const url of sample) {
      const report = await validator.validateString(page(dist, url), url);
      for (const r of report.results) for (const m of r.messages) messages.push(`${url}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
    }
    expect(messages).toEqual([]);
  });
});

describe('every notice page', () => {
  it('has a marking banner, id, title, summary, key facts, indicators, actions, images and sources', () => {
    for (const [slug, id] of Object.entries(VISIBLE)) {
      const html = page(dist, `/notices/${slug}/`);
      const source = fs.readFileSync(path.join(fixture.contentDir, 'notices', slug, 'index.mdx'), 'utf8');
      const { title, summary } = parseYaml(/^---\n([\s\S]*?)\n---\n/.exec(source)![1]!) as { title: string; summary: string };
      expect(html, slug).toMatch(/class="marking-banner marking-banner--clear"/);
      expect(html, slug).toContain(`<span class="mono" data-pagefind-weight="10">${id}</span>`);
      expect(texts(html, /<h1[^>]*>(.*?)<\/h1>/gs), slug).toEqual([title]);
      expect(texts(html, /<p class="lead"[^>]*>(.*?)<\/p>/gs), slug).toEqual([summary]);
      for (const heading of ['Key facts', 'Indicators', 'Recommended actions', 'Images', 'Sources']) {
        expect(texts(html, /<h2 id="[^"]+">(.*?)<\/h2>/g), slug).toContain(heading);
      }
    }
  });

  it('shows each key-fact line the dist check counts as visible text (keyFactLines follows KeyFacts.astro)', () => {
    const plain = noticeSchema(() => z.string());
    const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/\s+/g, ' ');
    let lines = 0;
    for (const slug of Object.keys(VISIBLE)) {
      const source = fs.readFileSync(path.join(fixture.contentDir, 'notices', slug, 'index.mdx'), 'utf8');
      const data = plain.parse(parseYaml(/^---\n([\s\S]*?)\n---\n/.exec(source)![1]!)) as NoticeData;
      const facts = text(/<dl class="facts">[\s\S]*?<\/dl>/.exec(page(dist, `/notices/${slug}/`))![0]);
      for (const line of keyFactLines(data)) {
        expect(facts, slug).toContain(line);
        lines++;
      }
    }
    expect(lines).toBeGreaterThan(Object.keys(VISIBLE).length);
  });
});
