/**
 * Build tests on the `basic` fixture (tests/fixtures/basic, images generated with sharp): every page
 * type, /id/ redirects, facet counts (F2, F3, F5), no JavaScript outside /search/, lang and dir,
 * images without originals or identifying metadata (F9, F10) and with their orientation applied,
 * image variants in dist/_img/ (every address a page gives is a file, no file that is not a variant of
 * an image shown), a notice above the audience absent from dist/, date-only values identical in two
 * time zones (F4), the Pagefind count check, no broken internal link (F7, linkinator) and valid HTML
 * (html-validate); last, rebuilds: nothing encoded when nothing changed, new variants for a replaced photo.
 *
 * The fixture is built once (TZ=America/Los_Angeles) and reused; F4 adds one build in Pacific/Auckland,
 * the rebuilds two more. Prevents: an original photo or its GPS, serial or creator published (F10), an
 * image path the CMS writes not resolved (F9), a date a day off (F4), one country counted as several
 * (F2, F3, F5), a broken internal link (F7), stray or missing image variants, script on content pages,
 * and a notice above the audience anywhere in dist/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HtmlValidate } from 'html-validate';
import { LinkChecker, LinkState } from 'linkinator';
import { parse as parseYaml } from 'yaml';
import sharp from 'sharp';
import { astroBuild, listFiles, preview, tempDir, type RunResult } from '../helpers/site.ts';
import { EVIDENCE, exiftool, materialise, type Fixture } from '../helpers/fixtures.ts';
import { htmlPages, page, readText, sha256, texts, type BuiltPage } from '../helpers/dist.ts';
import { buildSearchIndex } from '../../src/search/search-index.ts';
import { isSearchablePath } from '../../src/search/searchable.ts';
import { keyFactLines } from '../../src/dist-check/content-manifest.ts';
import { noticeSchema, type NoticeData } from '../../src/model/notice.ts';
import { contentId } from '../../src/loading/images/image-cache.ts';
import { variantName, variantsOf, type ImageRef } from '../../src/loading/images/image-variants.ts';
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

/** Every `/_img/…` address in a text (src, each srcset candidate, Pagefind's meta image), without repeats. */
const variantUrls = (text: string) => [...new Set(text.match(/\/_img\/[^\s"'<>,)]+/g) ?? [])];
/** The content id in a variant address or file name (`/_img/<id>-<width>.<format>`). */
const idOf = (url: string) => /([0-9a-f]{20})-\d+\.(?:avif|webp)$/.exec(url)?.[1];
/** Content id of a fixture image (src/loading/images/image-cache.ts). */
const fixtureId = (rel: string) => contentId(path.join(fixture.contentDir, rel));
/** The images integration's summary lines in a build's output: [encoded, reused, files, images] each. */
const imageSummaries = (output: string) =>
  [
    ...output.matchAll(
      /\[modus-images\] (\d+) image variants encoded, (\d+) reused from the cache; (\d+) files for (\d+) images in _img\//g,
    ),
  ].map((m) => m.slice(1, 5).map(Number));

describe('the fixture build', () => {
  it('computes the derived indexes once per build and indexes every visible notice for search', () => {
    expect(build.output.match(/derived indexes computed once for 6 notices/g)).toHaveLength(1);
    // Each visible notice page in the four languages (one index per language).
    expect(build.output).toContain('indexed 24 pages for search');
  });

  it('writes a page of every type: home, lists, search, markings, 404, browse pages of every facet, each notice and its /id/ redirect', () => {
    const urls = new Set(pages.map((p) => p.url));
    for (const url of [
      '/',
      '/notices/',
      '/browse/',
      '/search/',
      '/markings/',
      '/404.html',
      '/browse/commodity/',
      '/browse/commodity/ivory/',
      '/browse/country/',
      '/browse/country/md/',
      '/browse/year/',
      '/browse/year/2021/',
      '/browse/operation/lionfish/',
      '/browse/concealment/inside-goods/',
      '/browse/transport/maritime-container/',
      '/browse/crime-area/environmental-crime/',
      '/browse/detection/xray-nii/',
      '/browse/anti-detection/false-declaration/',
      ...Object.keys(VISIBLE).map((s) => `/notices/${s}/`),
      ...Object.values(VISIBLE).map((id) => `/id/${id}/`),
    ])
      expect(urls, url).toContain(url);
    const noticePages = pages.filter((p) => isSearchablePath(p.url));
    expect(noticePages.map((p) => p.url).sort()).toEqual(
      ['', '/fr', '/es', '/ar'].flatMap((l) => Object.keys(VISIBLE).map((s) => `${l}/notices/${s}/`)).sort(),
    );
    // Every page but the 404 and the CMS exists in each language, at the same address under /fr/, /es/, /ar/.
    const english = [...urls].filter((u) => !/^\/(fr|es|ar)\//.test(u) && u !== '/404.html' && !u.startsWith('/admin/'));
    for (const l of ['fr', 'es', 'ar'])
      expect(
        english.filter((u) => !urls.has(`/${l}${u}`)),
        l,
      ).toEqual([]);
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
      ['Australia', 1],
      ['Kenya', 1],
      ['Moldova, Republic of', 1],
      ['Netherlands', 3],
      ['Norway', 1],
      ['Romania', 1],
      ['South Africa', 1],
      ['Vietnam', 2],
    ];
    expect(counts(page(dist, '/browse/country/'), 'country')).toEqual(expected);
    expect(counts(page(dist, '/browse/'), 'country')).toEqual(expected);
    expect(counts(page(dist, '/browse/year/'), 'year')).toEqual([
      ['2023', 2],
      ['2022', 1],
      ['2021', 2],
    ]);
    expect(counts(page(dist, '/browse/commodity/'), 'commodity')).toEqual([
      ['Cocaine', 1],
      ['Heroin and opioids', 1],
      ['Methamphetamine', 1],
      ['Ivory', 2],
      ['Pangolin scales', 1],
      ['Cash', 1],
    ]);
    expect(counts(page(dist, '/browse/concealment/'), 'concealment')).toEqual([
      ['Natural void in a vehicle', 1],
      ['False compartment (purpose-built)', 1],
      ['Inside goods', 3],
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

  it('ships no JavaScript on any page but the search and offline pages (/search/, /fr/search/, /offline/, …)', () => {
    const SEARCH = ['/ar/search/', '/es/search/', '/fr/search/', '/search/'];
    const OFFLINE = ['/ar/offline/', '/es/offline/', '/fr/offline/', '/offline/'];
    const withScript = pages.filter((p) => /<script\b/i.test(p.html)).map((p) => p.url);
    expect(withScript.sort()).toEqual([...OFFLINE, ...SEARCH].sort());
    for (const p of pages.filter((x) => !SEARCH.includes(x.url))) expect(p.html, p.url).not.toMatch(/\son[a-z]+=/i);
    expect(page(dist, '/search/')).toContain('src="/pagefind/pagefind-component-ui.js"');
  });

  it('sets lang and dir on every page: its language, right to left in Arabic', () => {
    expect(pages.length).toBeGreaterThan(160);
    for (const p of pages) {
      const lang = /^\/(fr|es|ar)\//.exec(p.url)?.[1] ?? 'en';
      expect(p.html, p.url).toMatch(new RegExp(`<html lang="${lang}" dir="${lang === 'ar' ? 'rtl' : 'ltr'}"`));
    }
  });

  it("names a notice's search metadata from frontmatter, filter values one per element (F1, F3)", () => {
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
    expect(html).toMatch(
      /class="print-only print-footer"[^>]*>\s*Printed copy of notice MO-2024-0001, version of 2 April 2024\. Check for a newer version: http:\/\/localhost:4321\/id\/MO-2024-0001\//,
    );
  });
});

describe("a notice above the build's audience (TLP:GREEN in a public build)", () => {
  it('is absent from every file of dist/: pages, search index, images', async () => {
    // Its photo's variants would be named by the photo's content id: no file has that name, no file mentions it.
    const photo = await fixtureId('notices/banana-boxes/boxes.png');
    const hits = listFiles(dist)
      .filter((f) => !/\.(avif|webp|jpe?g|png|woff2?|wasm)$/.test(f))
      .filter((f) => {
        const t = readText(path.join(dist, f));
        return t.includes(WITHHELD.id) || t.includes(WITHHELD.word) || t.includes(WITHHELD.slug) || t.includes(photo);
      });
    expect(hits).toEqual([]);
    expect(listFiles(dist).filter((f) => f.includes(photo) || path.basename(f).startsWith('boxes.'))).toEqual([]);
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
    const rotated = exiftool(
      fixture.images.filter((f) => f.endsWith('rotated.jpg')),
      ['-n'],
    )[0]!;
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
        .filter((k) =>
          /^(GPS|XMP)|:(GPS\w*|SerialNumber|BodySerialNumber|Make|Model|Artist|Creator|DateTimeOriginal|CreateDate|OwnerName)$/.test(k),
        )
        .map((k) => `${String(meta.SourceFile)} ${k}=${String(meta[k])}`),
    );
    expect(found).toEqual([]);
    for (const f of distImages()) expect(readText(path.join(dist, f)).includes(EVIDENCE.creator), f).toBe(false);
  });

  it('applies the EXIF orientation: every variant of the orientation-6 landscape source is portrait', async () => {
    const id = await fixtureId('notices/gearbox/rotated.jpg');
    const variants = distImages().filter((f) => path.basename(f).startsWith(`${id}-`));
    expect(variants).toHaveLength(5);
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

  it('gives every image alt text and dimensions; gallery images come as AVIF and WebP sources', async () => {
    for (const p of pages) {
      for (const img of p.html.match(/<img\b[^>]*>/g) ?? []) {
        expect(img, p.url).toMatch(/\balt(="[^"]*")?[\s>]/);
        expect(img, p.url).toMatch(/\bwidth="\d+" height="\d+"/);
      }
    }
    // The 1600×1200 photo: AVIF and WebP sources at 480 and 960 px, and a 960 × 720 WebP <img>, all its own variants.
    const v = `/_img/${await fixtureId('notices/sculptures/evidence.jpg')}`;
    const gallery = page(dist, '/notices/sculptures/');
    expect(gallery).toContain(`<source srcset="${v}-480.avif 480w, ${v}-960.avif 960w" type="image/avif"`);
    expect(gallery).toContain(`<source srcset="${v}-480.webp 480w, ${v}-960.webp 960w" type="image/webp"`);
    expect(gallery).toMatch(
      new RegExp(
        `<img src="${v}-960\\.webp" srcset="${v}-480\\.webp 480w, ${v}-960\\.webp 960w"[^>]* alt="[^"]+" width="960" height="720"`,
      ),
    );
  });
});

describe('image variants in dist/_img/ (src/integrations/images.ts)', () => {
  /** Every `/_img/` address of the build: in HTML pages and in Pagefind's fragments (the result thumbnails). */
  const referenced = () => {
    const fragments = listFiles(dist)
      .filter((f) => f.endsWith('.pf_fragment'))
      .map((f) => readText(path.join(dist, f)));
    return [...new Set([...pages.map((p) => p.html), ...fragments].flatMap(variantUrls))].sort();
  };

  it('every /_img/ address a page refers to (src, srcset, Pagefind meta image) is a file in dist/_img/', () => {
    // Each kind of reference is there (else the check below would pass on a scan that reaches none).
    const kinds = {
      src: pages.flatMap((p) => [...p.html.matchAll(/<img [^>]*?\bsrc="(\/_img\/[^"]+)"/g)].map((m) => m[1]!)),
      srcset: pages.flatMap((p) =>
        [...p.html.matchAll(/\bsrcset="([^"]+)"/g)].flatMap((m) => m[1]!.split(', ').map((c) => c.split(' ')[0]!)),
      ),
      meta: pages.flatMap((p) => [...p.html.matchAll(/data-pagefind-meta="image">([^<]+)</g)].map((m) => m[1]!)),
    };
    const VARIANT = /^\/_img\/[0-9a-f]{20}-\d+\.(avif|webp)$/;
    for (const [kind, urls] of Object.entries(kinds)) {
      expect(urls.length, kind).toBeGreaterThan(5);
      // A notice without a picture names the placeholder as its search image; nothing else is outside /_img/.
      expect(
        urls.filter((u) => !VARIANT.test(u) && !(kind === 'meta' && u === '/no-image.svg')),
        kind,
      ).toEqual([]);
    }
    const urls = referenced();
    expect(urls).toEqual(expect.arrayContaining([...kinds.src, ...kinds.srcset, ...kinds.meta].filter((u) => u !== '/no-image.svg')));
    expect(urls.filter((u) => !VARIANT.test(u))).toEqual([]);
    expect(urls.filter((u) => !fs.statSync(path.join(dist, u), { throwIfNoEntry: false })?.isFile())).toEqual([]);
  });

  it('holds exactly the variants of the images pages show: no stray file, none missing, 5 per image', async () => {
    // The fixture's images by content id, with their size as displayed (orientation 5–8 turns the picture).
    const sources = new Map<string, ImageRef>();
    for (const file of fixture.images) {
      const meta = await sharp(file).metadata();
      const turned = (meta.orientation ?? 1) >= 5;
      const ref = {
        path: file,
        id: await contentId(file),
        width: turned ? meta.height : meta.width,
        height: turned ? meta.width : meta.height,
      };
      sources.set(ref.id, ref);
    }
    const shown = [...new Set(referenced().map((u) => idOf(u)!))];
    expect(shown.filter((id) => !sources.has(id))).toEqual([]);
    // evidence.jpg, rotated.jpg, "X-ray scan 1.jpg" (the same bytes in two notices), panel.png, lining.png;
    // not boxes.png (its notice is withheld).
    expect(shown).toHaveLength(5);
    const expected = shown.flatMap((id) => variantsOf(sources.get(id)!).map((v) => variantName(sources.get(id)!, v)));
    expect(expected).toHaveLength(5 * 5);
    const files = listFiles(path.join(dist, '_img'));
    expect(files.sort()).toEqual(expected.sort());
    // Each file is what its name says: format and width.
    for (const f of files) {
      const [, width, format] = /-(\d+)\.(avif|webp)$/.exec(f)!;
      const meta = await sharp(path.join(dist, '_img', f)).metadata();
      expect([meta.format, meta.width], f).toEqual([format === 'avif' ? 'heif' : 'webp', Number(width)]);
    }
    // The build's own summary agrees: one line, 25 variant files for 5 images (encoded now or taken from the cache).
    const [summary, ...more] = imageSummaries(build.output);
    expect(more).toEqual([]);
    expect(summary![0]! + summary![1]!).toBe(25);
    expect(summary!.slice(2)).toEqual([25, 5]);
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

describe('search index count check (src/search/search-index.ts)', () => {
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

  it('indexes the 6 notice pages of the build as made, in each of the four languages', async () => {
    expect(await runHook(() => {})).toEqual(['indexed 24 pages for search']);
  });

  it('fails when a notice page lacks data-pagefind-body', async () => {
    await expect(
      runHook((copy) => {
        const f = path.join(copy, 'notices/gearbox/index.html');
        const html = fs.readFileSync(f, 'utf8');
        expect(html).toContain(' data-pagefind-body');
        fs.writeFileSync(f, html.replace(' data-pagefind-body', ''));
      }),
    ).rejects.toThrow('Pagefind indexed 23 pages but the build has 24 searchable pages');
  });

  it('indexes only notice and course pages: another page marked data-pagefind-body stays out', async () => {
    // Pagefind is handed the searchable pages only (not the whole of dist/), so the count stays 24.
    expect(
      await runHook((copy) => {
        const f = path.join(copy, 'markings/index.html');
        const html = fs.readFileSync(f, 'utf8');
        expect(html).toContain('<main id="main"');
        fs.writeFileSync(f, html.replace('<main id="main"', '<main data-pagefind-body id="main"'));
      }),
    ).toEqual(['indexed 24 pages for search']);
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
        linksToSkip: (link) => Promise.resolve(!link.startsWith(server.url)),
      });
      const broken = result.links.filter((l) => l.state === LinkState.BROKEN).map((l) => `${l.status} ${l.url} (from ${l.parent})`);
      expect(broken).toEqual([]);
      const checked = new Set(result.links.filter((l) => l.state === LinkState.OK).map((l) => new URL(l.url).pathname));
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
      '/',
      '/notices/',
      '/notices/sculptures/',
      '/notices/ivory-logs-2022/',
      '/notices/minimal/',
      '/browse/',
      '/browse/country/',
      '/browse/country/md/',
      '/search/',
      '/markings/',
      '/404.html',
      '/id/MO-2024-0001/',
      '/fr/notices/sculptures/',
      '/ar/notices/sculptures/',
      '/ar/search/',
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
      // The id's line is weighted for search (as a block, so that the id ends a sentence in excerpts).
      expect(html, slug).toMatch(new RegExp(`<p class="notice__id" data-pagefind-weight="10">.*?<span class="mono">${id}</span></p>`));
      expect(texts(html, /<h1[^>]*>(.*?)<\/h1>/gs), slug).toEqual([title]);
      expect(texts(html, /<p class="lead"[^>]*>(.*?)<\/p>/gs), slug).toEqual([summary]);
      for (const heading of ['Key facts', 'Indicators', 'Recommended actions', 'Images', 'Sources']) {
        expect(texts(html, /<h2 id="[^"]+">(.*?)<\/h2>/g), slug).toContain(heading);
      }
    }
  });

  it('shows each key-fact line the dist check counts as visible text (keyFactLines follows KeyFacts.astro)', () => {
    const plain = noticeSchema(() => z.string());
    const text = (html: string) =>
      html
        .replace(/<[^>]+>/g, '')
        .replace(/&amp;/g, '&')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'")
        .replace(/\s+/g, ' ');
    let lines = 0;
    for (const slug of Object.keys(VISIBLE)) {
      const source = fs.readFileSync(path.join(fixture.contentDir, 'notices', slug, 'index.mdx'), 'utf8');
      const data = plain.parse(parseYaml(/^---\n([\s\S]*?)\n---\n/.exec(source)![1]!)) as NoticeData;
      // keyFactLines gives the lines of the four languages: each is shown on the page of its language.
      const facts = ['', '/fr', '/es', '/ar']
        .map((l) => text(/<dl class="facts">[\s\S]*?<\/dl>/.exec(page(dist, `${l}/notices/${slug}/`))![0]))
        .join('\n');
      for (const line of keyFactLines(data)) {
        expect(facts, slug).toContain(line.replace(/\s+/g, ' '));
        lines++;
      }
    }
    expect(lines).toBeGreaterThan(Object.keys(VISIBLE).length);
  });
});

describe('rebuilds and the image cache (.cache/astro/modus-images/)', () => {
  let again: string;
  afterAll(() => {
    if (again) fs.rmSync(again, { recursive: true, force: true });
  });

  it('a second build with no change encodes no image variant: all 25 come from the cache', async () => {
    again = tempDir('dist-basic-again');
    const r = await astroBuild(fixture.contentDir, again, { TZ: 'America/Los_Angeles' });
    expect(r.code, r.output).toBe(0);
    expect(r.output).toContain('[modus-images] 0 image variants encoded, 25 reused from the cache; 25 files for 5 images in _img/');
    expect(imageSummaries(r.output)).toEqual([[0, 25, 25, 5]]);
    expect(listFiles(path.join(again, '_img')).sort()).toEqual(listFiles(path.join(dist, '_img')).sort());
  });

  it('a photo replaced under the same file name gets a new id: its pages show the new variants, the old ones leave dist/_img/', async () => {
    const rel = 'notices/cash-quarter-panels/panel.png';
    const file = path.join(fixture.contentDir, rel);
    const oldId = await fixtureId(rel);
    expect(listFiles(path.join(again, '_img')).filter((f) => f.startsWith(`${oldId}-`))).toHaveLength(5);
    // Same name, same size in pixels and same modification time: only the picture differs. Its colour is
    // new on every run, so its variants are not in the cache yet either.
    const before = fs.statSync(file);
    const colour = [0, 1, 2].map(() => Math.floor(Math.random() * 256)) as [number, number, number];
    await sharp({ create: { width: 600, height: 400, channels: 3, background: { r: colour[0], g: colour[1], b: colour[2] } } })
      .png()
      .toFile(file);
    fs.utimesSync(file, before.atimeMs / 1000, before.mtimeMs / 1000);
    expect(fs.statSync(file).mtimeMs).toBe(before.mtimeMs);
    const meta = await sharp(file).metadata();
    expect([meta.width, meta.height]).toEqual([600, 400]);
    const newId = await fixtureId(rel);
    expect(newId).not.toBe(oldId);

    // Built into the same folder as the build before.
    const r = await astroBuild(fixture.contentDir, again, { TZ: 'America/Los_Angeles' });
    expect(r.code, r.output).toBe(0);
    // Only the new photo's 5 variants are encoded; the 4 other images' 20 come from the cache.
    expect(imageSummaries(r.output)).toEqual([[5, 20, 25, 5]]);
    const html = page(again, '/notices/cash-quarter-panels/');
    expect(new Set(variantUrls(html).map(idOf))).toEqual(new Set([newId]));
    // No page and no search index file names the old photo any more.
    expect(listFiles(again).filter((f) => !/\.(avif|webp|woff2?|wasm)$/.test(f) && readText(path.join(again, f)).includes(oldId))).toEqual(
      [],
    );
    expect(page(again, '/notices/')).toContain(`/_img/${newId}-240.webp`);
    const files = listFiles(path.join(again, '_img'));
    expect(files.filter((f) => f.startsWith(`${oldId}-`))).toEqual([]);
    expect(files.filter((f) => f.startsWith(`${newId}-`)).sort()).toEqual([
      `${newId}-240.webp`,
      `${newId}-480.avif`,
      `${newId}-480.webp`,
      `${newId}-600.avif`,
      `${newId}-600.webp`,
    ]);
    // The new variants show the new picture (not a cached copy of the old one).
    for (const f of files.filter((x) => x.startsWith(`${newId}-`))) {
      const { channels } = await sharp(path.join(again, '_img', f)).stats();
      channels.slice(0, 3).forEach((c, i) => expect(Math.abs(c.mean - colour[i]!), `${f} channel ${i}`).toBeLessThan(12));
    }
  });
});
