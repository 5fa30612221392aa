/**
 * The notices CSV (src/exchange/csv/): the export of the sample notices read back with csv-parse gives
 * the same values; the file opens right in spreadsheets (BOM, CRLF, Arabic intact); a formula-looking cell
 * is escaped; export → import gives the same frontmatter and body. Prevents: a column dropped or garbled,
 * a list or nested item that does not come back the same, Arabic mangled by Excel (no BOM), a cell a
 * spreadsheet would run as a formula, a field of the notice with no column.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { readEntryFile } from '../../src/loading/frontmatter.ts';
import { NOTICE_FIELD_ORDER, type NoticeData } from '../../src/model/notice.ts';
import { CSV_FORMAT_VERSION } from '../../src/exchange/format-version.ts';
import { CSV_COLUMNS, CSV_HEADER } from '../../src/exchange/csv/columns.ts';
import { escapeFormula, joinList, joinParts, splitList, splitPartsLine, unescapeFormula } from '../../src/exchange/csv/cells.ts';
import { noticesCsv, type NoticeForCsv } from '../../src/exchange/csv/write-csv.ts';
import { readNoticesCsv } from '../../src/exchange/import/read-csv.ts';
import { notice, schema } from '../helpers/notice-data.ts';
import { draftSchema } from '../../src/model/draft.ts';
import { z } from 'astro/zod';

const drafts = draftSchema(() => z.string());

const SITE = 'https://modus.example.org';
const NOTICES_DIR = path.resolve('content/notices');

/** Every sample notice of content/, validated by the notice schema (images as file names), with its body. */
function sampleNotices(): NoticeForCsv[] {
  return fs
    .readdirSync(NOTICES_DIR)
    .sort()
    .map((slug) => {
      const entry = readEntryFile(fs.readFileSync(path.join(NOTICES_DIR, slug, 'index.mdx'), 'utf8'));
      const data = schema.parse(entry.data) as NoticeData<unknown>;
      return { slug, data, shownImages: data.images, body: entry.body };
    });
}

/** One notice of the helper's fixture, validated. */
function fixture(over: Record<string, unknown> = {}, body = 'A body.'): NoticeForCsv {
  const data = schema.parse(notice(over)) as NoticeData<unknown>;
  return { slug: 'fixture', data, shownImages: data.images, body };
}

const samples = sampleNotices();
const csv = noticesCsv(samples, SITE);
/** The rows as csv-parse reads them (the BOM removed), as objects by column name. */
const rows = parse<Record<string, string>>(csv, { bom: true, columns: true });
const byId = new Map(rows.map((r) => [r.id!, r]));

describe('the notices CSV of the sample notices', () => {
  it('has one column per field of a notice (but draft: exports hold no draft), so a new field cannot be left out of the export unnoticed', () => {
    const held = new Set(CSV_COLUMNS.map((c) => c.field.split('.')[0]));
    expect(NOTICE_FIELD_ORDER.filter((f) => !held.has(f))).toEqual(['draft']);
    expect(new Set(CSV_HEADER).size).toBe(CSV_HEADER.length);
  });

  it('has every column documented, in file order, in docs/exchange/csv.md', () => {
    const doc = fs.readFileSync(path.resolve('docs/exchange/csv.md'), 'utf8');
    const documented = [...doc.matchAll(/^\| `([a-z_]+)` \|/gm)].map((m) => m[1]);
    expect(documented).toEqual([...CSV_HEADER]);
  });

  it('starts with the UTF-8 byte order mark and ends every row with CRLF (Excel opens it as UTF-8)', () => {
    const bytes = Buffer.from(csv, 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.startsWith(`\uFEFF${CSV_HEADER.join(',')}\r\n`)).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    // Line breaks inside cells are LF; every record ends with CRLF: as many CRLF as records.
    expect(csv.split('\r\n').length - 1).toBe(samples.length + 1);
  });

  it('holds one row per notice with the values of its frontmatter', () => {
    expect(rows).toHaveLength(samples.length);
    for (const n of samples) {
      const r = byId.get(n.data.id)!;
      expect(r, n.data.id).toBeDefined();
      expect(r.format_version).toBe(String(CSV_FORMAT_VERSION));
      expect(unescapeFormula(r.title!)).toBe(n.data.title);
      expect(unescapeFormula(r.summary!)).toBe(n.data.summary);
      expect(r.tlp).toBe(n.data.tlp);
      expect(r.published).toBe(n.data.published);
      expect(r.concealment_category).toBe(n.data.concealment.category);
      expect(splitList(r.commodities!)).toEqual(n.data.commodities);
      expect(splitList(unescapeFormula(r.indicators!))).toEqual(n.data.indicators);
      expect(splitList(r.route_destination!)).toEqual(n.data.route.destination);
      expect(r.seizures!.split('\n').filter(Boolean)).toHaveLength(n.data.seizures.length);
      expect(r.images!.split('\n')).toHaveLength(n.data.images.length);
      expect(unescapeFormula(r.body!)).toBe(n.body);
      expect(r.page_url).toBe(`${SITE}/notices/${n.slug}/`);
      expect(r.permanent_url).toBe(`${SITE}/id/${n.data.id}/`);
    }
  });

  it('writes nested items as key: value parts, and images by file name without bytes', () => {
    const pomegranates = byId.get('MO-2025-0018')!;
    expect(pomegranates.seizures).toBe('country: SA | year: 2021 | quantity: About 5.3 million pills');
    expect(pomegranates.images).toMatch(
      /^src: pomegranate-crate\.png \| alt: Illustration of an open produce crate .* \| kind: illustration$/,
    );
    expect(pomegranates.sources).toBe(
      'title: Report on Captagon found in a pomegranate consignment at Jeddah | publisher: naharnet.com\n' +
        'title: Report on the Saudi ban on Lebanese produce after Captagon seizures | publisher: The National (thenationalnews.com) | date: 2021-06-15',
    );
  });

  it("keeps an Arabic notice's cells intact", () => {
    const ar = samples.find((n) => n.data.language === 'ar')!;
    const r = byId.get(ar.data.id)!;
    expect(r.language).toBe('ar');
    expect(r.title).toBe(ar.data.title);
    expect(r.title).toMatch(/[\u0600-\u06FF]/);
    expect(r.concealment_object).toBe(ar.data.concealment.object);
    expect(splitList(r.keywords!)).toEqual(ar.data.keywords);
  });

  it('is the same bytes for the same notices (no date of generation)', () => {
    expect(noticesCsv(sampleNotices(), SITE)).toBe(csv);
  });
});

describe('formula-looking cells', () => {
  it('are exported with a leading apostrophe, which import removes', () => {
    const hostile = fixture({ title: '=HYPERLINK("http://evil.example","x")', keywords: ['+1 cmd', '@SUM(A1)'], operation: '-OP' });
    const out = noticesCsv([hostile], SITE);
    const [r] = parse<Record<string, string>>(out, { bom: true, columns: true });
    expect(r!.title).toBe(`'=HYPERLINK("http://evil.example","x")`);
    expect(r!.keywords).toBe(`'+1 cmd\n@SUM(A1)`);
    expect(r!.operation).toBe(`'-OP`);
    // No cell of the file starts like a formula.
    expect(Object.values(r!).filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
    const back = readNoticesCsv('x.csv', Buffer.from(out));
    expect(back.problems).toEqual([]);
    expect(back.candidates[0]!.frontmatter.title).toBe(hostile.data.title);
    expect(back.candidates[0]!.frontmatter.keywords).toEqual(['+1 cmd', '@SUM(A1)']);
  });

  it('escape a cell that starts with an apostrophe too, so that import gives it back whole', () => {
    expect(escapeFormula("'Ndrangheta")).toBe("''Ndrangheta");
    expect(unescapeFormula(escapeFormula("'Ndrangheta"))).toBe("'Ndrangheta");
    expect(escapeFormula('\tTAB')).toBe("'\tTAB");
    expect(escapeFormula('plain')).toBe('plain');
  });
});

describe('links to other notices', () => {
  it('name only notices of the build: a related or successor notice withheld from it is left out, as on its pages', () => {
    const visible = fixture({ id: 'MO-2024-0002', title: 'Visible' });
    const linking = fixture({
      related: ['MO-2024-0002', 'MO-2024-0009'],
      status: 'superseded',
      statusReason: 'Replaced.',
      supersededBy: 'MO-2024-0008',
    });
    const out = noticesCsv([linking, visible], SITE);
    expect(out).not.toContain('MO-2024-0009');
    expect(out).not.toContain('MO-2024-0008');
    const [r] = parse<Record<string, string>>(out, { bom: true, columns: true });
    expect(r!.related).toBe('MO-2024-0002');
    expect(r!.superseded_by).toBe('');
    const kept = noticesCsv([fixture({ ...linking.data, supersededBy: 'MO-2024-0002' }), visible], SITE);
    expect(parse<Record<string, string>>(kept, { bom: true, columns: true })[0]!.superseded_by).toBe('MO-2024-0002');
  });
});

describe('lists and nested items', () => {
  it('come back the same when an item holds a line break, a backslash or " | "', () => {
    const items = ['one\ntwo', 'back\\slash', 'a | b', 'end\\'];
    expect(splitList(joinList(items))).toEqual(items);
    const line = joinParts({ title: 'A | B\\C\nD', publisher: 'P', url: 'https://x.example/?a=1|2' }, [
      'title',
      'publisher',
      'date',
      'url',
    ]);
    expect(line).not.toContain('\n');
    const r = splitPartsLine(line, ['title', 'publisher', 'date', 'url'], () => undefined);
    expect(r).toEqual({ ok: true, parts: { title: 'A | B\\C\nD', publisher: 'P', url: 'https://x.example/?a=1|2' } });
  });
});

describe('export → import', () => {
  it('gives back the same frontmatter and body for every sample notice, as drafts without images', () => {
    const { candidates, problems } = readNoticesCsv('notices.csv', Buffer.from(csv, 'utf8'));
    expect(problems).toEqual([]);
    expect(candidates).toHaveLength(samples.length);
    for (const [i, c] of candidates.entries()) {
      const n = samples.find((s) => s.data.id === c.frontmatter.id)!;
      expect(c.where).toMatch(new RegExp(`^row ${i + 2} \\(line \\d+\\)$`));
      expect(c.frontmatter.draft).toBe(true);
      expect(c.frontmatter.images).toBeUndefined();
      expect(c.images).toEqual([]);
      // Each draft is valid in the draft form of the notice schema, which the writer checks it with.
      expect(drafts.safeParse(c.frontmatter).error?.issues ?? [], n.data.id).toEqual([]);
      const { draft: _draft, ...fm } = c.frontmatter;
      // The images are not in the draft (no files): add the original's to compare every other field.
      expect(schema.parse({ ...fm, images: n.data.images }), n.data.id).toEqual(n.data);
      expect(c.body).toBe(n.body);
    }
  });

  it('keeps the key order of notice files and reads a seizure year as a number', () => {
    const { candidates } = readNoticesCsv('notices.csv', Buffer.from(csv, 'utf8'));
    const c = candidates.find((x) => x.frontmatter.id === 'MO-2025-0018')!;
    const keys = Object.keys(c.frontmatter);
    expect(keys).toContain('draft');
    expect(keys).toEqual(NOTICE_FIELD_ORDER.filter((k) => keys.includes(k)));
    expect(c.frontmatter.seizures).toEqual([{ country: 'SA', year: 2021, quantity: 'About 5.3 million pills' }]);
  });

  it('reads a file without BOM and with LF line ends too (as some tools save it): every cell with a line break is quoted', () => {
    const lf = csv.slice(1).replace(/\r\n/g, '\n');
    const { candidates, problems } = readNoticesCsv('lf.csv', Buffer.from(lf, 'utf8'));
    expect(problems).toEqual([]);
    expect(candidates).toHaveLength(samples.length);
  });
});

describe('images beside the CSV', () => {
  it('a row whose every image is in the folder named by its id is a whole notice with its images; others stay drafts', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'csv-images-'));
    try {
      const file = path.join(dir, 'notices.csv');
      fs.writeFileSync(file, csv);
      const whole = samples.find((n) => n.data.id === 'MO-2025-0018')!;
      const linked = samples.find((n) => n.data.id !== whole.data.id)!;
      for (const n of [whole, linked]) fs.mkdirSync(path.join(dir, n.data.id));
      const src = (n: NoticeForCsv, i: number) => String(n.data.images[i]!.src).replace(/^\.\//, '');
      fs.copyFileSync(path.join(NOTICES_DIR, whole.slug, src(whole, 0)), path.join(dir, whole.data.id, src(whole, 0)));
      // A link to the file is not taken (it could point anywhere on the importer's computer).
      fs.symlinkSync(path.join(NOTICES_DIR, linked.slug, src(linked, 0)), path.join(dir, linked.data.id, src(linked, 0)));
      const { candidates, problems } = readNoticesCsv(file, fs.readFileSync(file));
      expect(problems).toEqual([]);
      const c = candidates.find((x) => x.frontmatter.id === whole.data.id)!;
      expect(c.frontmatter.draft).toBeUndefined();
      expect(schema.parse(c.frontmatter)).toEqual(whole.data);
      expect(c.images.map((i) => i.file)).toEqual([src(whole, 0)]);
      expect(Buffer.from(c.images[0]!.bytes).equals(fs.readFileSync(path.join(NOTICES_DIR, whole.slug, src(whole, 0))))).toBe(true);
      const l = candidates.find((x) => x.frontmatter.id === linked.data.id)!;
      expect([l.frontmatter.draft, l.frontmatter.images, l.images]).toEqual([true, undefined, []]);
      expect(candidates.filter((x) => x.frontmatter.draft !== true)).toHaveLength(1);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('an image path that leaves the folder is never read', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'csv-images-'));
    try {
      const n = fixture();
      const text = noticesCsv([n], SITE).replace('src: photo.jpg', 'src: ../secret/photo.jpg');
      expect(text).toContain('../secret/photo.jpg');
      fs.mkdirSync(path.join(dir, 'secret'));
      fs.mkdirSync(path.join(dir, n.data.id));
      fs.writeFileSync(path.join(dir, 'secret', 'photo.jpg'), 'secret');
      // Without the check, ../secret/photo.jpg from the folder MO-2024-0001/ beside the CSV is this file.
      const file = path.join(dir, 'notices.csv');
      fs.writeFileSync(file, text);
      const { candidates, problems } = readNoticesCsv(file, fs.readFileSync(file));
      expect(problems).toEqual([]);
      expect([candidates[0]!.frontmatter.draft, candidates[0]!.images]).toEqual([true, []]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
