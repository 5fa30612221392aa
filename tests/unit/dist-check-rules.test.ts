/**
 * Each rule of the dist check on its own (src/dist-check/rules/*.ts), on a small hand-made dist/ and a
 * hand-written content manifest, for the leaks and failures tests/unit/dist-check.test.ts does not
 * plant: each test is named by what would reach readers if the rule missed it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Audience, Tlp } from '../../src/model/tlp.ts';
import { contentId } from '../../src/loading/images/image-cache.ts';
import { cspMeta } from '../../src/render/csp.ts';
import { checkDist } from '../../src/dist-check/check-dist.ts';
import type { ManifestEntry } from '../../src/dist-check/content-manifest.ts';
import type { DistCheckRule } from '../../src/dist-check/rule.ts';
import { imageMetadata } from '../../src/dist-check/rules/image-metadata.ts';
import { markings } from '../../src/dist-check/rules/markings.ts';
import { originalCopies } from '../../src/dist-check/rules/original-copies.ts';
import { otherHosts } from '../../src/dist-check/rules/other-hosts.ts';
import { pagePolicies } from '../../src/dist-check/rules/page-policies.ts';
import { withheldImageVariants } from '../../src/dist-check/rules/withheld-image-variants.ts';
import { withheldText } from '../../src/dist-check/rules/withheld-text.ts';

let root: string;
let content: string;
let n = 0;

const AMBER_SENTENCE = 'The tablets were pressed into the hollow walls of ceramic flower pots.';
const CSS = (tlp: string) => `@page tlp-${tlp}{@top-center{content:"TLP:${tlp.toUpperCase()}"}}.print-page--${tlp}{page:tlp-${tlp}}`;
const page = (body: string, type: 'content' | 'search' = 'content') =>
  `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="${cspMeta(type).replaceAll('"', '&quot;')}"></head><body>${body}</body></html>`;
const banner = (tlp: Tlp) =>
  `<div class="marking-banner marking-banner--${tlp.toLowerCase().replace('+', '-')}"><span>TLP:${tlp}</span></div>`;

/** A notice of the manifest, as content-manifest.ts would read it. */
function notice(slug: string, id: string, tlp: Tlp, extra: Partial<ManifestEntry> = {}): ManifestEntry {
  return {
    kind: 'notice',
    file: `notices/${slug}/index.mdx`,
    slug,
    id,
    tlp,
    draft: false,
    aliases: [],
    texts: [],
    images: [],
    facets: [],
    ...extra,
  };
}

/** Writes `files` into a fresh dist/ and runs `rule` alone on it; returns its findings. */
async function check(
  rule: DistCheckRule,
  files: Record<string, string | Buffer>,
  opts: { entries?: ManifestEntry[]; audience?: Audience; originals?: string[]; commonTexts?: string[]; distDir?: string } = {},
) {
  const distDir = opts.distDir ?? path.join(root, `dist-${++n}`);
  for (const [rel, data] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(distDir, rel)), { recursive: true });
    fs.writeFileSync(path.join(distDir, rel), data);
  }
  return checkDist(
    {
      distDir,
      audience: opts.audience ?? 'public',
      admin: true,
      siteUrl: 'https://modus.example.org',
      manifest: { contentDir: content, entries: opts.entries ?? [], originals: opts.originals ?? [] },
      commonTexts: opts.commonTexts,
    },
    [rule],
  );
}

const photo = (r: number, g: number, b: number) =>
  sharp({ create: { width: 32, height: 24, channels: 3, background: { r, g, b } } })
    .jpeg()
    .toBuffer();

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'modus-distrules-'));
  content = path.join(root, 'content');
  fs.mkdirSync(path.join(content, 'notices/pots'), { recursive: true });
  fs.mkdirSync(path.join(content, 'notices/vases'), { recursive: true });
  fs.writeFileSync(path.join(content, 'notices/pots/seizure.jpg'), await photo(10, 120, 10));
  fs.writeFileSync(path.join(content, 'notices/pots/same.jpg'), await photo(90, 90, 200));
  fs.writeFileSync(path.join(content, 'notices/vases/same.jpg'), await photo(90, 90, 200));
  fs.writeFileSync(path.join(content, 'notices/pots/report.pdf'), '%PDF-1.4 seizure report of the officer, with names');
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('withheld image variants', () => {
  it('finds a variant of an AMBER photo of a visible GREEN notice (the photo is withheld by its own marking)', async () => {
    const img = path.join(content, 'notices/pots/seizure.jpg');
    const id = await contentId(img);
    const f = await check(
      withheldImageVariants,
      { [`_img/${id}-480.webp`]: 'x' },
      { audience: 'community', entries: [notice('pots', 'MO-2030-0001', 'GREEN', { images: [{ file: img, tlp: 'AMBER' }] })] },
    );
    expect(f).toEqual([
      {
        file: `_img/${id}-480.webp`,
        rule: 'withheld',
        message:
          'is a variant of notices/pots/seizure.jpg, an image this audience may not see (of notice MO-2030-0001 (TLP:GREEN, notices/pots/index.mdx))',
      },
    ]);
  });

  it('does not report a variant whose bytes a visible notice shows too (the same photo in two notices)', async () => {
    const withheld = path.join(content, 'notices/pots/same.jpg');
    const visible = path.join(content, 'notices/vases/same.jpg');
    const id = await contentId(withheld);
    expect(await contentId(visible)).toBe(id);
    const entries = [
      notice('pots', 'MO-2030-0001', 'AMBER', { images: [{ file: withheld, tlp: 'AMBER' }] }),
      notice('vases', 'MO-2030-0002', 'CLEAR', { images: [{ file: visible, tlp: 'CLEAR' }] }),
    ];
    expect(await check(withheldImageVariants, { [`_img/${id}-240.webp`]: 'x' }, { entries })).toEqual([]);
    // Without the visible notice, the same variant is a leak.
    expect(await check(withheldImageVariants, { [`_img/${id}-240.webp`]: 'x' }, { entries: entries.slice(0, 1) })).toHaveLength(1);
  });
});

describe('markings', () => {
  it('finds a GREEN notice page that shows an AMBER photo under a GREEN banner (a page carries the highest marking it shows)', async () => {
    const entries = [notice('pots', 'MO-2030-0001', 'GREEN', { images: [{ file: 'x.jpg', tlp: 'AMBER' }] })];
    const f = await check(
      markings,
      { 'notices/pots/index.html': page(`<article class="print-page--green">${banner('GREEN')}</article>`), '_astro/s.css': CSS('green') },
      { audience: 'organisation', entries },
    );
    expect(f.map((x) => `${x.file} ${x.message}`)).toEqual([
      'notices/pots/index.html has no TLP:AMBER marking banner',
      'notices/pots/index.html is not set up to print TLP:AMBER on every page (class print-page--amber)',
    ]);
  });

  it('finds a notice page with its banner on screen but not set up to print its marking on every page', async () => {
    const f = await check(
      markings,
      { 'notices/pots/index.html': page(`<article>${banner('CLEAR')}</article>`), '_astro/s.css': CSS('clear') },
      { entries: [notice('pots', 'MO-2030-0001', 'CLEAR')] },
    );
    expect(f.map((x) => `${x.file} ${x.rule} ${x.message}`)).toEqual([
      'notices/pots/index.html marking is not set up to print TLP:CLEAR on every page (class print-page--clear)',
    ]);
  });
});

describe('page policies', () => {
  it("finds a content page carrying the search page's policy (which lets scripts run)", async () => {
    const f = await check(pagePolicies, { 'notices/pots/index.html': page('<p>x</p>', 'search') });
    expect(f).toEqual([
      {
        file: 'notices/pots/index.html',
        rule: 'csp',
        message: `has Content-Security-Policy "${cspMeta('search')}" instead of the content policy "${cspMeta('content')}"`,
      },
    ]);
  });

  it('finds an inline <style> element on a page, which its policy blocks (allowed on /admin/ only)', async () => {
    const f = await check(pagePolicies, {
      'index.html': page('<style>p{}</style>'),
      'admin/index.html': '<html><head><meta http-equiv="Content-Security-Policy" content="x"><style>p{}</style></head></html>',
    });
    expect(f.map((x) => `${x.file} ${x.message}`)).toEqual(['index.html has an inline <style> element, which the policy blocks']);
  });
});

describe('original copies', () => {
  it('finds a byte copy of an attachment that is not an image (the seizure report as the officer filed it)', async () => {
    const report = path.join(content, 'notices/pots/report.pdf');
    const f = await check(
      originalCopies,
      { 'files/report.pdf': fs.readFileSync(report), 'other.pdf': 'x'.repeat(51) },
      { originals: [report] },
    );
    expect(f).toEqual([
      {
        file: 'files/report.pdf',
        rule: 'original-copy',
        message:
          'is a byte copy of the original notices/pots/report.pdf (content folder); only resized copies without metadata may be published',
      },
    ]);
  });

  it('does not take a dist/ built inside the content folder for originals', async () => {
    const distDir = path.join(content, 'dist');
    const f = await check(originalCopies, { 'a.txt': 'same bytes' }, { distDir, originals: [path.join(distDir, 'a.txt')] });
    expect(f).toEqual([]);
  });
});

describe('image metadata', () => {
  it('finds XMP metadata, where a photo keeps its creator, in a published WebP', async () => {
    const xmp =
      '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description/></rdf:RDF></x:xmpmeta>';
    const webp = await sharp({ create: { width: 16, height: 16, channels: 3, background: '#336699' } })
      .webp()
      .withXmp(xmp)
      .toBuffer();
    const f = await check(imageMetadata, { '_img/a.webp': webp });
    expect(f.map((x) => `${x.file} ${x.rule} ${x.message.split(',')[0]}`)).toEqual(['_img/a.webp image-metadata carries XMP metadata']);
  });

  it('finds a file named as an image that cannot be read (it cannot be shown to carry no metadata)', async () => {
    const f = await check(imageMetadata, { '_astro/x.png': 'not a picture' });
    expect(f).toEqual([
      {
        file: '_astro/x.png',
        rule: 'image-metadata',
        message: 'cannot be read as an image to check its metadata (Input file contains unsupported image format)',
      },
    ]);
  });
});

describe('withheld text', () => {
  const entries = [
    notice('flower-pots', 'MO-2030-0002', 'AMBER', { texts: [AMBER_SENTENCE] }),
    notice('vases', 'MO-2030-0001', 'CLEAR', { texts: ['Vases.'] }),
  ];
  const amber = 'withheld notice MO-2030-0002 (TLP:AMBER, notices/flower-pots/index.mdx)';

  it('finds the slug of a withheld notice in a script, with no link to its page', async () => {
    const f = await check(withheldText, { '_astro/app.js': 'const next = "flower-pots";' }, { entries });
    expect(f.map((x) => x.message)).toEqual([`contains "flower-pots", the slug of ${amber}`]);
  });

  it('finds the id of a withheld notice used as a JSON key', async () => {
    const f = await check(withheldText, { 'data.json': '{"MO-2030-0002": {"x": 1}}' }, { entries });
    expect(f.map((x) => x.message)).toEqual([`contains the id MO-2030-0002 of ${amber}`]);
  });

  it("finds a withheld notice's sentence in Pagefind's compressed meta file (CBOR), not only in fragments", async () => {
    const text = Buffer.from(AMBER_SENTENCE);
    const cbor = Buffer.concat([Buffer.from([0x81, 0x78, text.length]), text]);
    const meta = zlib.gzipSync(Buffer.concat([Buffer.from('pagefind_dcd'), cbor]));
    const f = await check(withheldText, { 'pagefind/pagefind.en_1.pf_meta': meta }, { entries });
    expect(f.map((x) => x.message)).toEqual([
      `contains text of ${amber}: "the tablets were pressed into the hollow walls of ceramic"`,
      `contains text of ${amber}: "were pressed into the hollow walls of ceramic flower pots"`,
    ]);
  });

  it('does not take a sentence the site itself shows (a UI text) for the text of a withheld notice', async () => {
    const files = { 'index.html': page(`<p>${AMBER_SENTENCE}</p>`) };
    expect(await check(withheldText, files, { entries, commonTexts: [AMBER_SENTENCE] })).toEqual([]);
    expect(await check(withheldText, files, { entries })).toHaveLength(2);
  });
});

describe('other hosts', () => {
  it('finds an SVG file of dist/ that makes the browser load an image from another host', async () => {
    const f = await check(otherHosts, { 'logo.svg': '<svg><image href="https://tracker.example/p.png"/></svg>' });
    expect(f.map((x) => x.message)).toEqual(['makes the browser load https://tracker.example/p.png from another host (<image href>)']);
  });

  it('finds url() to another host in a <style> element and in a style= attribute', async () => {
    const f = await check(otherHosts, {
      'index.html': page(
        '<style>p{background:url(https://a.example/1.png)}</style><div style="background:url(\'//b.example/2.png\')"></div>',
      ),
    });
    expect(f.map((x) => x.message)).toEqual([
      'makes the browser load //b.example/2.png from another host (<div style>)',
      'makes the browser load https://a.example/1.png from another host (<style>)',
    ]);
  });
});
