/**
 * Audience builds: a fixture corpus with one notice per publishable marking, each with a
 * sentinel word and a camera photo carrying GPS, serial, creator and capture time, plus a TLP:AMBER
 * photo on the TLP:CLEAR notice. Built once per audience; an independent scan of dist/ (every file,
 * Pagefind's compressed files decompressed) must find exactly the sentinels that audience may see,
 * and every other trace (pages, redirects, counts, filters, feed, related links, images) must agree.
 * Then: TLP:RED is refused naming the files; a planted leak makes the build's dist check fail;
 * no build step changes a content file. Prevents: a notice, a sentence, a filter value or a photo
 * marked above a build's audience reaching that build (TLP:AMBER text in a public build), and a
 * build that leaked anyway passing.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, astroBuild, astroSync, listFiles, runNode, tempDir } from '../helpers/site.ts';
import { snapshot, writeCorpus, type FixtureNotice } from '../helpers/corpus.ts';
import { readText, sha256 } from '../helpers/dist.ts';
import { exiftool } from '../helpers/fixtures.ts';
import { runDistCheck } from '../../src/dist-check/run.ts';
import { contentId } from '../../src/loading/images/image-cache.ts';
import { readSettings } from '../../src/settings.ts';
import { parse as parseYaml } from 'yaml';
import { parse as parseCsv } from 'csv-parse/sync';

type Audience = 'public' | 'community' | 'organisation';
const AUDIENCES: Audience[] = ['public', 'community', 'organisation'];

/** Sentinel words: one per notice, one for the AMBER photo's alt text. Unique in the whole project. */
const S = {
  CLEAR: 'zqxclearwalrus',
  GREEN: 'zqxgreenheron',
  AMBER: 'zqxamberotter',
  STRICT: 'zqxstrictlynx',
  PHOTO: 'zqxamberphotomole',
} as const;
const sentence = (w: string) => `The sentinel word of this case is ${w} and appears nowhere else.`;
/**
 * Sentinels of the French and Arabic translations of each notice (`index.fr.mdx`, `index.ar.mdx`): a
 * translation follows its notice's marking, so a withheld notice's translations must leave no trace in
 * any language's pages or search index, and a visible notice's must be on its /fr/ and /ar/ pages.
 */
const TR = { CLEAR: 'zqxclearwalrustr', GREEN: 'zqxgreenherontr', AMBER: 'zqxamberottertr', STRICT: 'zqxstrictlynxtr' } as const;

/** Colours of the photos, to recognise their resized copies in dist/. */
const COLOURS = {
  clear: [220, 30, 30],
  amberPhoto: [30, 30, 220],
  green: [30, 200, 30],
  amber: [230, 200, 20],
  strict: [200, 30, 200],
} as const satisfies Record<string, [number, number, number]>;

const NOTICES: FixtureNotice[] = [
  {
    slug: 'clear-case',
    id: 'MO-2030-0001',
    tlp: 'CLEAR',
    title: 'Cocaine in hollow table legs',
    sentinel: sentence(S.CLEAR),
    commodities: ['cocaine'],
    related: ['MO-2030-0002', 'MO-2030-0003'],
    images: [
      { file: 'clear.jpg', colour: COLOURS.clear },
      { file: 'amber-photo.jpg', colour: COLOURS.amberPhoto, tlp: 'AMBER', alt: `Surveillance photo ${S.PHOTO} of the handover` },
    ],
  },
  {
    slug: 'green-case',
    id: 'MO-2030-0002',
    tlp: 'GREEN',
    title: 'Cocaine in cable drums',
    sentinel: sentence(S.GREEN),
    commodities: ['cocaine'],
    related: ['MO-2030-0001'],
    images: [{ file: 'green.jpg', colour: COLOURS.green }],
  },
  {
    slug: 'amber-case',
    id: 'MO-2030-0003',
    tlp: 'AMBER',
    title: 'Heroin and cocaine in fridge doors',
    sentinel: sentence(S.AMBER),
    commodities: ['cocaine', 'heroin-opioids'],
    images: [{ file: 'amber.jpg', colour: COLOURS.amber }],
  },
  {
    slug: 'strict-case',
    id: 'MO-2030-0004',
    tlp: 'AMBER+STRICT',
    title: 'Ivory in resin blocks',
    sentinel: sentence(S.STRICT),
    commodities: ['ivory'],
    operation: 'WALRUSQUARTZ',
    images: [{ file: 'strict.jpg', colour: COLOURS.strict }],
  },
];

/** What each audience must contain: sentinels, notice slugs, photo colours. */
const EXPECTED: Record<Audience, { sentinels: string[]; slugs: string[]; colours: string[] }> = {
  public: { sentinels: [S.CLEAR], slugs: ['clear-case'], colours: ['clear'] },
  community: { sentinels: [S.CLEAR, S.GREEN], slugs: ['clear-case', 'green-case'], colours: ['clear', 'green'] },
  organisation: {
    sentinels: [S.CLEAR, S.GREEN, S.AMBER, S.STRICT, S.PHOTO],
    slugs: ['clear-case', 'green-case', 'amber-case', 'strict-case'],
    colours: ['clear', 'amberPhoto', 'green', 'amber', 'strict'],
  },
};

const ID_OF = Object.fromEntries(NOTICES.map((n) => [n.slug, n.id]));
const SENTENCE_OF = Object.fromEntries(NOTICES.map((n) => [n.slug, n.sentinel]));

let content: string;
let before: Map<string, string>;
const dist: Partial<Record<Audience, string>> = {};
/** Pagefind's `pagefind-entry.json`: the pages indexed per language. */
interface PagefindEntry {
  languages: Record<string, { page_count: number }>;
}
const output: Partial<Record<Audience, string>> = {};

/** Every file of dist/ as text, Pagefind's gzip files decompressed (independent of the dist check). */
function textsOf(dir: string): Map<string, string> {
  return new Map(listFiles(dir).map((rel) => [rel, readText(path.join(dir, rel))]));
}

/** Nearest fixture colour of an image's mean colour. */
async function colourOf(file: string): Promise<string> {
  const { channels } = await sharp(file).stats();
  const mean = channels.slice(0, 3).map((c) => c.mean);
  let best = '';
  let bestD = Infinity;
  for (const [name, c] of Object.entries(COLOURS)) {
    const d = c.reduce((sum, v, i) => sum + (v - mean[i]!) ** 2, 0);
    if (d < bestD) [best, bestD] = [name, d];
  }
  return best;
}

/** Writes a French and an Arabic translation beside each notice, its words carrying the notice's translation sentinel. */
function writeTranslations(dir: string): void {
  for (const [i, n] of NOTICES.entries()) {
    const word = Object.values(TR)[i]!;
    const text = fs.readFileSync(path.join(dir, 'notices', n.slug, 'index.mdx'), 'utf8');
    const d = parseYaml(text.split('---')[1]!) as {
      concealment: { placement?: string };
      indicators: string[];
      recommendedActions: string[];
      images: Array<{ src: string; caption?: string }>;
    };
    for (const [lang, words] of [
      ['fr', `La traduction ${word} de ce cas`],
      ['ar', `ترجمة ${word} لهذه الحالة`],
    ] as const) {
      const fm = {
        translated: '2026-01-01',
        title: `${words} (titre)`,
        summary: words,
        concealment: { object: words, ...(d.concealment.placement ? { placement: words } : {}) },
        indicators: d.indicators.map(() => words),
        recommendedActions: d.recommendedActions.map(() => words),
        images: d.images.map((img) => ({ src: img.src, alt: words, ...(img.caption ? { caption: words } : {}) })),
      };
      fs.writeFileSync(path.join(dir, 'notices', n.slug, `index.${lang}.mdx`), `---\n${JSON.stringify(fm)}\n---\n${words}.\n`);
    }
  }
}

beforeAll(async () => {
  content = await writeCorpus(tempDir('aud-content'), NOTICES);
  writeTranslations(content);
  before = snapshot(content);
  for (const a of AUDIENCES) {
    dist[a] = path.join(tempDir(`aud-dist-${a}`), 'dist');
    // The organisation build is an officer deployment: no CMS (MODUS_ADMIN=off).
    const r = await astroBuild(content, dist[a], { MODUS_AUDIENCE: a, ...(a === 'organisation' ? { MODUS_ADMIN: 'off' } : {}) });
    output[a] = r.output;
    if (r.code !== 0) throw new Error(`build for ${a} failed:\n${r.output}`);
  }
});

afterAll(() => {
  for (const d of Object.values(dist)) fs.rmSync(path.dirname(d), { recursive: true, force: true });
  fs.rmSync(content, { recursive: true, force: true });
});

describe.each(AUDIENCES)('the %s build', (audience) => {
  it('ran the dist check at the end of the build, and it passed', () => {
    expect(output[audience]).toMatch(
      new RegExp(
        `dist check passed \\(audience ${audience}, ${4 - EXPECTED[audience].slugs.length} of 4 entries withheld; \\d+ files? scanned, \\d+ reused unchanged\\)`,
      ),
    );
  });

  it('holds exactly the sentinels this audience may see, in pages and in the search index', () => {
    const texts = textsOf(dist[audience]!);
    const found = Object.values(S).filter((w) => [...texts.values()].some((t) => t.includes(w)));
    expect(found.sort()).toEqual([...EXPECTED[audience].sentinels].sort());
    // Translations: exactly those of the visible notices, on their French and Arabic pages and in the index.
    const translated = Object.values(TR).filter((w) => [...texts.values()].some((t) => t.includes(w)));
    const visibleTr = NOTICES.flatMap((n, i) => (EXPECTED[audience].slugs.includes(n.slug) ? [Object.values(TR)[i]!] : []));
    expect(translated.sort()).toEqual([...visibleTr].sort());
    for (const [i, n] of NOTICES.entries()) {
      if (!EXPECTED[audience].slugs.includes(n.slug)) continue;
      for (const lang of ['fr', 'ar'])
        expect(texts.get(`${lang}/notices/${n.slug}/index.html`), `${lang} ${n.slug}`).toContain(Object.values(TR)[i]!);
    }
    // Each visible notice's sentinel is in its page and in a Pagefind fragment (the scan does reach them).
    for (const slug of EXPECTED[audience].slugs) {
      const w = SENTENCE_OF[slug]!;
      expect(texts.get(`notices/${slug}/index.html`)).toContain(w);
      expect(
        [...texts].some(([f, t]) => f.endsWith('.pf_fragment') && t.includes(w)),
        slug,
      ).toBe(true);
    }
  });

  it('has pages, /id/ redirects, feed items and search records for visible notices only', () => {
    const files = listFiles(dist[audience]!);
    const pages = files
      .filter((f) => /^notices\/[^/]+\/index\.html$/.test(f) && !f.startsWith('notices/page/'))
      .map((f) => f.split('/')[1]);
    expect(pages.sort()).toEqual([...EXPECTED[audience].slugs].sort());
    const ids = files.filter((f) => f.startsWith('id/') && /^id\/MO-/.test(f)).map((f) => f.split('/')[1]);
    expect(ids.sort()).toEqual(EXPECTED[audience].slugs.map((s) => ID_OF[s]).sort());
    // The same ids typed in lower case, and no other /id/ page.
    const typed = files.filter((f) => f.startsWith('id/') && !/^id\/MO-/.test(f)).map((f) => f.split('/')[1]);
    expect(typed.sort()).toEqual(ids.map((id) => id!.toLowerCase()).sort());
    const feed = fs.readFileSync(path.join(dist[audience]!, 'feed.xml'), 'utf8');
    expect([...feed.matchAll(/<title>(MO-\d{4}-\d{4}):/g)].map((m) => m[1]).sort()).toEqual(ids.sort());
    const entry = JSON.parse(fs.readFileSync(path.join(dist[audience]!, 'pagefind/pagefind-entry.json'), 'utf8')) as PagefindEntry;
    for (const lang of ['en', 'fr', 'es', 'ar']) expect(entry.languages[lang]?.page_count, lang).toBe(EXPECTED[audience].slugs.length);
    // The notices CSV: one row per visible notice, none of a withheld one.
    const csv = parseCsv<Record<string, string>>(fs.readFileSync(path.join(dist[audience]!, 'data/notices.csv')), {
      bom: true,
      columns: true,
    });
    expect(csv.map((r) => r.id).sort()).toEqual(ids.sort());
    // No page of a withheld notice in any language.
    const inLanguages = files.filter((f) => /^(fr|es|ar)\/notices\/[^/]+\/index\.html$/.test(f) && !f.includes('/page/'));
    expect(new Set(inLanguages.map((f) => f.split('/')[2]))).toEqual(new Set(EXPECTED[audience].slugs));
  });

  it('counts and filters only visible notices (browse pages, Pagefind filter values)', () => {
    const d = dist[audience]!;
    const cocaine = fs.readFileSync(path.join(d, 'browse/commodity/cocaine/index.html'), 'utf8');
    const cards = [...cocaine.matchAll(/href="\/notices\/([^/]+)\/"/g)].map((m) => m[1]);
    const visibleCocaine = EXPECTED[audience].slugs.filter((s) => NOTICES.find((n) => n.slug === s)!.commodities!.includes('cocaine'));
    expect([...new Set(cards)].sort()).toEqual(visibleCocaine.sort());
    const org = audience === 'organisation';
    expect(fs.existsSync(path.join(d, 'browse/commodity/ivory/index.html'))).toBe(org);
    expect(fs.existsSync(path.join(d, 'browse/commodity/heroin-opioids/index.html'))).toBe(org);
    const filters = [...textsOf(path.join(d, 'pagefind/filter')).values()].join('\n');
    expect(filters.includes('Ivory')).toBe(org);
    expect(filters.includes('Cocaine')).toBe(true);
    expect(fs.readFileSync(path.join(d, 'browse/commodity/index.html'), 'utf8').includes('/browse/commodity/ivory/')).toBe(org);
  });

  it('links related and similar notices only when this audience may see them', () => {
    const page = fs.readFileSync(path.join(dist[audience]!, 'notices/clear-case/index.html'), 'utf8');
    const linked = new Set([...page.matchAll(/href="\/notices\/([^/]+)\/"/g)].map((m) => m[1]!).filter((s) => s !== 'clear-case'));
    const visibleRelated = ['green-case', 'amber-case'].filter((s) => EXPECTED[audience].slugs.includes(s));
    for (const s of visibleRelated) expect(linked, s).toContain(s);
    for (const s of linked) expect(EXPECTED[audience].slugs, s).toContain(s);
    if (audience === 'public') expect(linked.size).toBe(0);
  });

  it("shows no lower marking than the images on a page: the page takes the highest, cards and thumbnails keep to the notice's", async () => {
    const d = dist[audience]!;
    const page = fs.readFileSync(path.join(d, 'notices/clear-case/index.html'), 'utf8');
    const org = audience === 'organisation';
    const banner = /<div class="marking-banner[^"]*"[^>]*>\s*<span class="tlp[^"]*"[^>]*>(TLP:[A-Z+]+)<\/span>/.exec(page)?.[1];
    expect(banner).toBe(org ? 'TLP:AMBER' : 'TLP:CLEAR');
    expect(page.includes('print-page--amber')).toBe(org);
    expect(page.includes(`<span data-pagefind-meta="tlp">${org ? 'TLP:AMBER' : 'TLP:CLEAR'}</span>`)).toBe(true);
    // The search thumbnail and the card thumbnails of the CLEAR notice are its CLEAR photo, never the AMBER one.
    const meta = /data-pagefind-meta="image">([^<]+)</.exec(page)![1]!;
    expect(await colourOf(path.join(d, meta))).toBe('clear');
    const list = fs.readFileSync(path.join(d, 'browse/commodity/cocaine/index.html'), 'utf8');
    const card = /<article class="card">\s*<img[^>]*src="([^"]+)"(?:(?!<\/article>)[\s\S])*?href="\/notices\/clear-case\/"/.exec(list)![1]!;
    expect(await colourOf(path.join(d, card.replace(/&amp;/g, '&')))).toBe('clear');
    // Every notice names its search image itself (else Pagefind takes some <img> of the page).
    for (const slug of EXPECTED[audience].slugs) {
      const html = fs.readFileSync(path.join(d, `notices/${slug}/index.html`), 'utf8');
      expect(/data-pagefind-meta="image">(\/_img\/[0-9a-f]{20}-240\.webp|\/no-image\.svg)</.test(html), slug).toBe(true);
    }
  });

  it('publishes only resized copies of visible photos: no withheld photo, no metadata, no original', async () => {
    const d = dist[audience]!;
    const images = listFiles(d).filter((f) => /\.(jpe?g|png|webp|avif|gif|tiff?)$/i.test(f));
    // Every published image is a variant in _img/, named by the content id of its photo: exactly the five
    // variants (1200 px wide photos: AVIF and WebP at 480 and 960, a 240 WebP thumbnail) of each photo this
    // audience may see, and none of a photo above it (the AMBER photo of the CLEAR notice included).
    expect(images.filter((f) => !f.startsWith('_img/'))).toEqual([]);
    const photos = NOTICES.flatMap((n) =>
      n.images.map((img) => ({
        file: path.join(content, 'notices', n.slug, img.file),
        colour: Object.entries(COLOURS).find(([, c]) => c === img.colour)![0],
      })),
    );
    expect(photos.map((p) => p.colour).sort()).toEqual(Object.keys(COLOURS).sort());
    const expected: string[] = [];
    for (const p of photos) {
      const id = await contentId(p.file);
      const mine = images.filter((f) => f.includes(id)).sort();
      if (EXPECTED[audience].colours.includes(p.colour)) {
        expect(mine, p.colour).toEqual(['240.webp', '480.avif', '480.webp', '960.avif', '960.webp'].map((v) => `_img/${id}-${v}`));
        expected.push(...mine);
      } else {
        expect(mine, p.colour).toEqual([]);
      }
    }
    expect(images.sort()).toEqual(expected.sort());
    expect(images).toHaveLength(5 * EXPECTED[audience].colours.length);
    const colours = new Set(await Promise.all(images.map((f) => colourOf(path.join(d, f)))));
    expect([...colours].sort()).toEqual([...EXPECTED[audience].colours].sort());
    const exif = exiftool([d]);
    // The scan read every published image (else finding no metadata would prove nothing).
    const scanned = new Set(exif.map((r) => path.resolve(String(r.SourceFile))));
    expect(images.filter((f) => !scanned.has(path.join(d, f)))).toEqual([]);
    const leaks = exif.flatMap((r) =>
      Object.keys(r)
        .filter((k) => /GPS|Serial|Creator|Artist|DateTimeOriginal|CreateDate|Make|Model/i.test(k))
        .map((k) => `${String(r.SourceFile)} ${k}`),
    );
    expect(leaks).toEqual([]);
    const originals = new Set([...snapshot(content).keys()].filter((f) => !f.endsWith('.mdx')).map((f) => sha256(path.join(content, f))));
    expect(originals.size).toBe(5);
    expect(listFiles(d).filter((f) => originals.has(sha256(path.join(d, f))))).toEqual([]);
  });

  it('publishes JSON documents of exactly the notices this audience may see, each with only the photos within its marking', () => {
    const data = path.join(dist[audience]!, 'data');
    const ids = EXPECTED[audience].slugs.map((slug) => ID_OF[slug]!);
    expect(fs.readdirSync(path.join(data, 'notices')).sort()).toEqual(ids.map((id) => `${id}.json`).sort());
    const index = JSON.parse(fs.readFileSync(path.join(data, 'index.json'), 'utf8')) as {
      audience: string;
      notices: Array<{ id: string }>;
    };
    expect(index.audience).toBe(audience);
    expect(index.notices.map((n) => n.id).sort()).toEqual([...ids].sort());
    const withheld = NOTICES.filter((n) => !EXPECTED[audience].slugs.includes(n.slug));
    for (const rel of listFiles(data)) {
      const text = fs.readFileSync(path.join(data, rel), 'utf8');
      for (const n of withheld) {
        expect(text, `data/${rel} names ${n.id}`).not.toContain(n.id);
        expect(text, `data/${rel} holds ${n.slug}'s words`).not.toContain(n.sentinel);
      }
      // The TLP:AMBER photo of the TLP:CLEAR notice is in no document, not even where the audience may see it
      // (on its notice's page): a document is handled under its notice's marking.
      expect(text, `data/${rel}`).not.toContain(S.PHOTO);
      expect(text, `data/${rel}`).not.toContain('amber-photo');
    }
  });

  it('wrote the headers files; with MODUS_ADMIN=off there is no /admin/ at all', () => {
    const headers = fs.readFileSync(path.join(dist[audience]!, '_headers'), 'utf8');
    const nginx = fs.readFileSync(path.join(dist[audience]!, 'nginx-modus.conf'), 'utf8');
    expect(headers).toContain('Referrer-Policy: no-referrer');
    expect(headers).toMatch(/\/search\/\*\n {2}Content-Security-Policy: [^\n]*'wasm-unsafe-eval'/);
    expect(nginx).toContain('location ^~ /search/ {');
    const adminOff = audience === 'organisation';
    const files = listFiles(dist[audience]!);
    expect(files.includes('admin/index.html')).toBe(!adminOff);
    expect(files.some((f) => f.startsWith('admin/'))).toBe(!adminOff);
    expect(headers.includes('/admin/*')).toBe(!adminOff);
    expect(nginx.includes('location ^~ /admin/ { return 404; }')).toBe(adminOff);
  });
});

describe('around the builds', () => {
  it('no build step changed, added or removed a content file', () => {
    expect(snapshot(content)).toEqual(before);
  });

  it('TLP:RED is never built: the build stops and names every RED notice and image', async () => {
    const red = await writeCorpus(tempDir('aud-red'), [
      {
        ...NOTICES[0]!,
        images: [
          { file: 'clear.jpg', colour: COLOURS.clear, gps: false },
          { file: 'red-photo.jpg', colour: COLOURS.strict, gps: false, tlp: 'RED' },
        ],
        related: [],
      },
      {
        slug: 'red-case',
        id: 'MO-2030-0009',
        tlp: 'RED',
        title: 'For named recipients',
        sentinel: sentence('zqxredfox'),
        images: [{ file: 'r.jpg', colour: COLOURS.strict, gps: false }],
      },
    ]);
    try {
      for (const audience of AUDIENCES) {
        const r = await astroSync(red, { MODUS_AUDIENCE: audience });
        expect(r.code, audience).not.toBe(0);
        expect(r.output).toMatch(
          /notices\/red-case\/index\.mdx\n\s+tlp: TLP:RED is for named recipients only and never goes into the knowledge base/,
        );
        expect(r.output).toMatch(/notices\/clear-case\/index\.mdx\n\s+images\[1\]\.tlp: TLP:RED is for named recipients only/);
      }
    } finally {
      fs.rmSync(red, { recursive: true, force: true });
    }
  });

  it('a build in which this audience may see no notice at all succeeds, with an empty search index', async () => {
    const only = await writeCorpus(tempDir('aud-empty'), [{ ...NOTICES[1]!, related: [] }]);
    const out = path.join(tempDir('aud-empty-dist'), 'dist');
    try {
      const r = await astroBuild(only, out, { MODUS_AUDIENCE: 'public' });
      expect(r.code, r.output).toBe(0);
      expect(r.output).toContain('the search index is empty');
      expect(listFiles(out).filter((f) => /^notices\/[^/]+\/index\.html$/.test(f) && !f.startsWith('notices/page/'))).toEqual([]);
      const entry = JSON.parse(fs.readFileSync(path.join(out, 'pagefind/pagefind-entry.json'), 'utf8')) as PagefindEntry;
      expect(Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0)).toBe(0);
    } finally {
      fs.rmSync(only, { recursive: true, force: true });
      fs.rmSync(path.dirname(out), { recursive: true, force: true });
    }
  });

  it("npm run build's last steps (search index, dist check) fail on a planted leak, naming the file", async () => {
    const planted = path.join(tempDir('aud-planted-page'), 'dist');
    fs.cpSync(dist.public!, planted, { recursive: true });
    try {
      const page = path.join(planted, 'markings/index.html');
      fs.writeFileSync(page, fs.readFileSync(page, 'utf8').replace('</main>', `<p>${sentence(S.AMBER)}</p></main>`));
      const r = await runNode([path.join(ROOT, 'scripts/lib/finish-build.mjs'), planted], {
        MODUS_CONTENT_DIR: content,
        MODUS_AUDIENCE: 'public',
      });
      expect(r.code).toBe(1);
      expect(r.output).toContain('[modus-search] indexed');
      expect(r.output).toContain('The build failed after astro build:');
      expect(r.output).toMatch(/dist\/markings\/index\.html contains text of withheld notice MO-2030-0003 \(TLP:AMBER/);
      expect(r.output).not.toContain('dist check passed');
    } finally {
      fs.rmSync(path.dirname(planted), { recursive: true, force: true });
    }
  });

  it("a leak planted in dist/ makes the build's dist check fail, naming the file", async () => {
    const planted = path.join(tempDir('aud-planted'), 'dist');
    fs.cpSync(dist.public!, planted, { recursive: true });
    try {
      // Append the AMBER notice's sentence to a compressed Pagefind fragment of the public build.
      const frag = listFiles(planted).find((f) => f.endsWith('.pf_fragment'))!;
      const raw = zlib.gunzipSync(fs.readFileSync(path.join(planted, frag))).toString('utf8');
      const json = JSON.parse(raw.slice('pagefind_dcd'.length)) as { content: string };
      json.content += ` ${sentence(S.AMBER)}`;
      fs.writeFileSync(path.join(planted, frag), zlib.gzipSync(`pagefind_dcd${JSON.stringify(json)}`));
      const settings = readSettings({ MODUS_CONTENT_DIR: content, MODUS_AUDIENCE: 'public' });
      await expect(runDistCheck(`${planted}/`, settings)).rejects.toThrow(
        new RegExp(
          `withheld \\(\\d\\):\\n {4}dist/${frag.replaceAll('/', '\\/').replace('.', '\\.')} contains text of withheld notice MO-2030-0003 \\(TLP:AMBER`,
        ),
      );
      // The independent scan sees it too.
      expect([...textsOf(planted).values()].some((t) => t.includes(S.AMBER))).toBe(true);
    } finally {
      fs.rmSync(path.dirname(planted), { recursive: true, force: true });
    }
  });
});
