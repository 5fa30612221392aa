/**
 * The published `/data/notices.csv` of a built fixture (audience `community`): one row per notice that
 * audience may see, none of a withheld notice (its id and its text are nowhere in the file), no image
 * above the audience (an AMBER photo on a CLEAR notice), page addresses on the build's site address,
 * no link to the withheld notice, and the file imports back without a problem. Prevents: an export built
 * from the content folder instead of the build's knowledge base (a TLP:AMBER notice, photo or id in a
 * community build's CSV).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { astroBuild, tempDir } from '../helpers/site.ts';
import { writeCorpus, type FixtureNotice } from '../helpers/corpus.ts';
import { readNoticesCsv } from '../../src/exchange/import/read-csv.ts';
import { CSV_HEADER } from '../../src/exchange/csv/columns.ts';

const SITE = 'https://modus.example.org';
const S = { CLEAR: 'zqxcsvclearpike', GREEN: 'zqxcsvgreenwren', AMBER: 'zqxcsvambertoad', PHOTO: 'zqxcsvamberphotovole' } as const;
const sentence = (w: string) => `The sentinel word of this case is ${w} and appears nowhere else.`;

const NOTICES: FixtureNotice[] = [
  {
    slug: 'clear-case',
    id: 'MO-2031-0001',
    tlp: 'CLEAR',
    title: 'Cocaine in hollow table legs',
    sentinel: sentence(S.CLEAR),
    // The AMBER notice is withheld from the build: its id must not reach the CSV through this link.
    related: ['MO-2031-0002', 'MO-2031-0003'],
    images: [
      { file: 'clear.jpg', colour: [220, 30, 30], gps: false },
      { file: 'amber-photo.jpg', colour: [30, 30, 220], gps: false, tlp: 'AMBER', alt: `Surveillance photo ${S.PHOTO}` },
    ],
  },
  {
    slug: 'green-case',
    id: 'MO-2031-0002',
    tlp: 'GREEN',
    title: 'Cocaine in cable drums',
    sentinel: sentence(S.GREEN),
    images: [{ file: 'green.jpg', colour: [30, 200, 30], gps: false }],
    data: { keywords: ['=cmd|calc', 'كبتاغون'] },
  },
  {
    slug: 'amber-case',
    id: 'MO-2031-0003',
    tlp: 'AMBER',
    title: 'Heroin in fridge doors',
    sentinel: sentence(S.AMBER),
    images: [{ file: 'amber.jpg', colour: [230, 200, 20], gps: false }],
  },
];

let content: string;
let dist: string;
let csv: string;

beforeAll(async () => {
  content = await writeCorpus(tempDir('csv-content'), NOTICES);
  dist = path.join(tempDir('csv-dist'), 'dist');
  const r = await astroBuild(content, dist, { MODUS_AUDIENCE: 'community', MODUS_SITE_URL: SITE });
  if (r.code !== 0) throw new Error(`build failed:\n${r.output}`);
  csv = fs.readFileSync(path.join(dist, 'data/notices.csv'), 'utf8');
});

afterAll(() => {
  fs.rmSync(content, { recursive: true, force: true });
  fs.rmSync(path.dirname(dist), { recursive: true, force: true });
});

describe('the published notices CSV of a community build', () => {
  it('has one row per visible notice and nothing of the withheld notice or the AMBER photo', () => {
    const rows = parse<Record<string, string>>(csv, { bom: true, columns: true });
    expect(rows.map((r) => r.id).sort()).toEqual(['MO-2031-0001', 'MO-2031-0002']);
    for (const leak of ['MO-2031-0003', 'amber-case', S.AMBER, S.PHOTO, 'amber-photo.jpg']) expect(csv, leak).not.toContain(leak);
    expect(csv).toContain(S.CLEAR);
    expect(csv).toContain(S.GREEN);
    const clear = rows.find((r) => r.id === 'MO-2031-0001')!;
    expect(clear.images).toBe('src: clear.jpg | alt: Picture for clear-case | kind: photo');
    expect(clear.page_url).toBe(`${SITE}/notices/clear-case/`);
    expect(clear.permanent_url).toBe(`${SITE}/id/MO-2031-0001/`);
    expect(clear.body).toContain(S.CLEAR);
    expect(clear.related).toBe('MO-2031-0002');
  });

  it('is UTF-8 with BOM and CRLF, with formula cells escaped and Arabic intact', () => {
    expect(csv.startsWith(`\uFEFF${CSV_HEADER.join(',')}\r\n`)).toBe(true);
    const green = parse<Record<string, string>>(csv, { bom: true, columns: true }).find((r) => r.id === 'MO-2031-0002')!;
    expect(green.keywords).toBe("'=cmd|calc\nكبتاغون");
  });

  it('imports back without a problem, as drafts', () => {
    const r = readNoticesCsv('notices.csv', fs.readFileSync(path.join(dist, 'data/notices.csv')));
    expect(r.problems).toEqual([]);
    expect(r.candidates.map((c) => [c.frontmatter.id, c.frontmatter.draft])).toEqual([
      ['MO-2031-0002', true],
      ['MO-2031-0001', true],
    ]);
  });
});
