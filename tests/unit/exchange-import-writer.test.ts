/**
 * The import writer (src/exchange/import/write-notices.ts): all or nothing, never over an existing
 * notice, ids new to the file, TLP:RED refused, files in the exact form the CMS writes, and folders that
 * are either whole or invisible to the site. Each test names the failure it prevents.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { z } from 'astro/zod';
import { afterAll, describe, expect, it } from 'vitest';
import { decapResave } from '../../src/cms/node/decap-format.ts';
import { translationFieldOrder } from '../../src/cms/node/translation-config.ts';
import type { NoticeCandidate } from '../../src/exchange/import/candidate.ts';
import { freeFolderSlug, titleSlug } from '../../src/exchange/import/folder-slug.ts';
import { TEMP_FOLDER_PREFIX, writeNotices } from '../../src/exchange/import/write-notices.ts';
import { readEntryFile } from '../../src/loading/frontmatter.ts';
import { draftSchema } from '../../src/model/draft.ts';
import { NOTICE_FIELD_ORDER, noticeSchema } from '../../src/model/notice.ts';
import { notice } from '../helpers/notice-data.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/** A content folder holding one notice, MO-2024-0001 in `notices/existing/`. */
function contentFolder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'modus-import-'));
  dirs.push(dir);
  fs.mkdirSync(path.join(dir, 'notices', 'existing'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'notices', 'existing', 'index.mdx'), '---\nid: MO-2024-0001\ntitle: Existing\ntlp: CLEAR\n---\nBody.\n');
  return dir;
}

/** Every file under `dir`, relative, sorted (to see that nothing was written). */
function tree(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[]).sort();
}

const png = await sharp({ create: { width: 32, height: 24, channels: 3, background: { r: 200, g: 10, b: 10 } } })
  .png()
  .toBuffer();

/** A complete candidate with id `id` (its image `photo.png` given). */
function candidate(id: string | undefined, over: Record<string, unknown> = {}, where = `row ${id ?? 'x'}`): NoticeCandidate {
  return {
    where,
    frontmatter: notice({ id, images: [{ src: 'photo.png', alt: 'A sculpture', kind: 'photo' }], ...over }),
    body: 'Officers found **crystal** in the base.\n\n- one\n- two\n',
    images: [{ file: 'photo.png', bytes: new Uint8Array(png) }],
    translations: {},
  };
}

/** A draft as a STIX object becomes: no images, no summary, no lists. */
function draft(id: string | undefined, title = 'Cocaine in a sea chest'): NoticeCandidate {
  return {
    where: `attack-pattern--${id ?? 'new'}`,
    frontmatter: { id, title, tlp: 'amber', draft: true },
    body: '',
    images: [],
    translations: {},
  };
}

const options = (contentDir: string) => ({ contentDir, file: 'in.json', today: new Date('2026-12-06T00:00:00Z') });

describe('import writer: all or nothing', () => {
  it('writes nothing at all when one candidate of several has a problem (a half import would leave an editor to sort out what came in)', async () => {
    const dir = contentFolder();
    const before = tree(dir);
    const r = await writeNotices(
      [candidate('MO-2024-0002'), candidate('MO-2024-0003', { commodities: ['unobtainium'] }), candidate('MO-2024-0004')],
      options(dir),
    );
    expect(r.written).toBe(false);
    expect(r.problems).toEqual([
      {
        file: 'in.json',
        where: 'row MO-2024-0003',
        field: 'commodities[0]',
        message: expect.stringMatching(/"unobtainium" is not a known commodity/),
      },
    ]);
    expect(tree(dir)).toEqual(before);
  });

  it('names the ids that exist already and never overwrites them (an import must not replace an edited notice)', async () => {
    const dir = contentFolder();
    const before = fs.readFileSync(path.join(dir, 'notices/existing/index.mdx'), 'utf8');
    const r = await writeNotices([candidate('MO-2024-0001'), candidate('MO-2024-0005')], options(dir));
    expect(r.problems).toEqual([
      {
        file: 'in.json',
        where: 'row MO-2024-0001',
        field: 'id',
        message: 'MO-2024-0001 exists already in the content folder (notices/existing); an import never overwrites a notice.',
      },
    ]);
    expect(fs.readFileSync(path.join(dir, 'notices/existing/index.mdx'), 'utf8')).toBe(before);
    expect(tree(dir)).toEqual(['notices', 'notices/existing', 'notices/existing/index.mdx']);
  });

  it('refuses an id that comes twice in the file (two notices would fight for one id)', async () => {
    const dir = contentFolder();
    const r = await writeNotices([candidate('MO-2024-0007', {}, 'row 2'), candidate('MO-2024-0007', {}, 'row 5')], options(dir));
    expect(r.problems).toEqual([
      {
        file: 'in.json',
        where: 'row 5',
        field: 'id',
        message: 'MO-2024-0007 comes twice in this file (first at row 2); each notice needs its own id.',
      },
    ]);
    expect(tree(dir)).toHaveLength(3);
  });

  it('refuses TLP:RED, as a notice and as a draft (RED never goes into the knowledge base)', async () => {
    const dir = contentFolder();
    const red = draft('MO-2024-0008');
    red.frontmatter.tlp = 'RED';
    const r = await writeNotices([candidate('MO-2024-0009', { tlp: 'TLP:RED' }), red], options(dir));
    expect(r.problems.map((p) => `${p.where} ${p.field}: ${p.message}`)).toEqual([
      expect.stringMatching(/^row MO-2024-0009 tlp: TLP:RED is for named recipients only/),
      expect.stringMatching(/^attack-pattern--MO-2024-0008 tlp: TLP:RED is for named recipients only/),
    ]);
    expect(tree(dir)).toHaveLength(3);
  });

  it('refuses a notice whose image file is not in the import, and an image file no entry names', async () => {
    const dir = contentFolder();
    const c = candidate('MO-2024-0010');
    c.images = [{ file: 'other.png', bytes: new Uint8Array(png) }];
    const r = await writeNotices([c], options(dir));
    expect(r.problems.map((p) => `${p.field}: ${p.message}`)).toEqual([
      'images[0].src: No image file "photo.png" comes with this notice: the import file must carry it.',
      'images: The image file "other.png" is named by no entry of images: give it an entry (src, alt, kind).',
    ]);
  });

  it('refuses an image file that is not an image, and writes nothing (a broken picture would stop the next build)', async () => {
    const dir = contentFolder();
    const c = candidate('MO-2024-0011');
    c.images = [{ file: 'photo.png', bytes: new TextEncoder().encode('not a picture') }];
    const r = await writeNotices([candidate('MO-2024-0012', { title: 'Fine one' }), c], options(dir));
    expect(r.written).toBe(false);
    expect(r.problems).toEqual([
      { file: 'in.json', where: 'row MO-2024-0011', field: 'images', message: expect.stringContaining('photo.png') },
    ]);
    expect(tree(dir)).toEqual(['notices', 'notices/existing', 'notices/existing/index.mdx']);
  });

  it('a dry run checks and plans but writes nothing', async () => {
    const dir = contentFolder();
    const r = await writeNotices([candidate('MO-2024-0013')], { ...options(dir), dryRun: true });
    expect(r).toMatchObject({
      written: false,
      problems: [],
      notices: [{ id: 'MO-2024-0013', folder: 'notices/methamphetamine-inside-animal-sculptures' }],
    });
    expect(tree(dir)).toHaveLength(3);
  });
});

describe('import writer: the files written', () => {
  it('writes index.mdx, translations and images in exactly the form Decap writes (a CMS save would otherwise rewrite the whole file)', async () => {
    const dir = contentFolder();
    const c = candidate('MO-2024-0020', { tlp: 'green', keywords: ['resin', 'NO', '2024-01-01'] });
    c.translations = {
      fr: {
        frontmatter: {
          translated: '2024-03-02',
          title: 'Méthamphétamine dans des sculptures',
          summary: 'De la méthamphétamine cachée dans des sculptures creuses.',
          concealment: { object: 'Figurine en résine creuse' },
          indicators: ['Plus lourde qu’elle ne paraît.'],
          recommendedActions: ['La passer aux rayons X.'],
          images: [{ src: 'photo.png', alt: 'Une sculpture' }],
        },
        body: 'Les agents ont trouvé du cristal.\n',
      },
    };
    const r = await writeNotices([c], options(dir));
    expect(r.problems).toEqual([]);
    expect(r.notices).toEqual([
      {
        id: 'MO-2024-0020',
        title: 'Methamphetamine inside animal sculptures',
        folder: 'notices/methamphetamine-inside-animal-sculptures',
        draft: false,
        files: ['index.mdx', 'index.fr.mdx', 'photo.png'],
      },
    ]);
    const folder = path.join(dir, 'notices/methamphetamine-inside-animal-sculptures');
    const index = fs.readFileSync(path.join(folder, 'index.mdx'), 'utf8');
    expect(await decapResave(index, NOTICE_FIELD_ORDER)).toBe(index);
    const fr = fs.readFileSync(path.join(folder, 'index.fr.mdx'), 'utf8');
    expect(await decapResave(fr, translationFieldOrder('notice'))).toBe(fr);
    expect(fs.readFileSync(path.join(folder, 'photo.png'))).toEqual(png);
    // Keys in the form's order: id before title before tlp.
    expect(index.indexOf('id:')).toBeLessThan(index.indexOf('title:'));
    expect(index.indexOf('title:')).toBeLessThan(index.indexOf('tlp:'));
  });

  it('a written notice reads back through the loader’s schema exactly as the candidate did (the import must not change a fact)', async () => {
    const dir = contentFolder();
    const c = candidate('MO-2024-0021', { keywords: ['NO', 'yes', '2024-01-01', '#hash', 'a: b'], operation: 'LIONFISH' });
    await writeNotices([c], options(dir));
    const written = readEntryFile(fs.readFileSync(path.join(dir, 'notices/methamphetamine-inside-animal-sculptures/index.mdx'), 'utf8'));
    const schema = noticeSchema(() => z.string());
    expect(schema.parse(written.data)).toEqual(schema.parse(c.frontmatter));
    expect(written.body).toBe(c.body.trim());
  });

  it('writes a draft that reads back through the draft schema, marking kept, draft: true kept', async () => {
    const dir = contentFolder();
    const r = await writeNotices([draft('MO-2024-0022')], options(dir));
    expect(r.notices).toMatchObject([{ id: 'MO-2024-0022', draft: true, folder: 'notices/cocaine-in-a-sea-chest' }]);
    const { data } = readEntryFile(fs.readFileSync(path.join(dir, 'notices/cocaine-in-a-sea-chest/index.mdx'), 'utf8'));
    expect(draftSchema(() => z.string()).parse(data)).toMatchObject({ id: 'MO-2024-0022', tlp: 'AMBER', draft: true });
  });

  it('gives a candidate without an id the next free id of its year, past the content folder’s and the file’s', async () => {
    const dir = contentFolder();
    const r = await writeNotices([draft(undefined, 'First'), draft('MO-2026-0005', 'Given'), draft(undefined, 'Second')], options(dir));
    expect(r.notices.map((n) => n.id)).toEqual(['MO-2026-0006', 'MO-2026-0005', 'MO-2026-0007']);
    const published = await writeNotices([candidate(undefined, { title: 'Old one' })], options(dir));
    expect(published.notices.map((n) => n.id)).toEqual(['MO-2024-0002']); // published 2024-03-01; MO-2024-0001 exists
  });

  it('never takes an existing folder name or alias for a new folder', async () => {
    const dir = contentFolder();
    fs.mkdirSync(path.join(dir, 'notices/cocaine-in-a-sea-chest'));
    fs.writeFileSync(
      path.join(dir, 'notices/cocaine-in-a-sea-chest/index.mdx'),
      '---\nid: MO-2024-0030\naliases: [cocaine-in-a-sea-chest-2]\n---\n',
    );
    const r = await writeNotices([draft('MO-2024-0031'), draft('MO-2024-0032')], options(dir));
    expect(r.notices.map((n) => n.folder)).toEqual(['notices/cocaine-in-a-sea-chest-3', 'notices/cocaine-in-a-sea-chest-4']);
  });
});

describe('import writer: translations', () => {
  it('refuses a translation dated after today, as the build would (the import must not write what stops the build)', async () => {
    const dir = contentFolder();
    const c = candidate('MO-2024-0060');
    c.translations = {
      fr: {
        frontmatter: {
          translated: '2027-01-01',
          title: 'Titre',
          summary: 'Résumé.',
          concealment: { object: 'Figurine' },
          indicators: ['Un.'],
          recommendedActions: ['Rayons X.'],
          images: [{ src: 'photo.png', alt: 'Une sculpture' }],
        },
        body: '',
      },
    };
    const r = await writeNotices([c], options(dir));
    expect(r.problems.map((p) => `${p.field}: ${p.message}`)).toEqual([
      'translations.fr.translated: 2027-01-01 is after today (2026-12-06): write the day this translation was last brought in line with the original.',
    ]);
  });
});

describe('folder names from titles', () => {
  it('makes ASCII slugs as the CMS does, and falls back to the id when the title has no Latin letters', () => {
    expect(titleSlug('Cocaïne dans une « caisse » de mer!')).toBe('cocaine-dans-une-caisse-de-mer');
    expect(titleSlug('كوكايين في صندوق')).toBe('');
    expect(freeFolderSlug('كوكايين في صندوق', 'MO-2024-0040', new Set())).toBe('mo-2024-0040');
    expect(freeFolderSlug('Index', 'MO-2024-0041', new Set())).toBe('index-2');
    expect(titleSlug('a'.repeat(30) + ' ' + 'b'.repeat(40)).length).toBeLessThanOrEqual(60);
  });
});

describe('import writer: no half-written folder', () => {
  it('leaves no temporary folder behind, and names temporary folders so the site never reads them', async () => {
    const dir = contentFolder();
    await writeNotices([candidate('MO-2024-0050')], options(dir));
    expect(fs.readdirSync(path.join(dir, 'notices')).filter((n) => n.startsWith('.'))).toEqual([]);
    expect(TEMP_FOLDER_PREFIX.startsWith('.')).toBe(true);
  });

  it('checks translations against their original (a translation with a missing indicator would stop the build)', async () => {
    const dir = contentFolder();
    const c = candidate('MO-2024-0051');
    c.translations = {
      es: {
        frontmatter: {
          translated: '2024-03-02',
          title: 'Metanfetamina',
          summary: 'Resumen.',
          concealment: { object: 'Figura' },
          indicators: ['Uno.', 'Dos.'],
          recommendedActions: ['Rayos X.'],
          images: [{ src: 'photo.png', alt: 'Una escultura' }],
        },
        body: '',
      },
    };
    const r = await writeNotices([c], options(dir));
    expect(r.problems.map((p) => `${p.field}: ${p.message}`)).toEqual([
      expect.stringMatching(/^translations\.es\.indicators: The original has 1 indicators, this translation 2/),
    ]);
    expect(tree(dir)).toHaveLength(3);
  });
});

describe('import writer: bodies the build would refuse', () => {
  it('refuses a body or a translation body with a script, an expression, an import or a javascript: link, naming line and column, and writes nothing (an import that succeeds must leave content that builds)', async () => {
    const dir = contentFolder();
    const before = tree(dir);
    const hostile = candidate('MO-2024-0002');
    hostile.body = 'Seen at the port {process.exit(1)}.\n\n<script>alert(1)</script>\n\n[details](javascript:alert(1))\n';
    const fine = candidate('MO-2024-0003');
    fine.body = 'Braces written as text: \\{ and \\}.\n';
    const r = await writeNotices([hostile, fine], options(dir));
    expect(r.written).toBe(false);
    expect(r.problems.map((p) => [p.where, p.field, /^line (\d+), column (\d+) of the body/.exec(p.message)?.slice(1).join(':')])).toEqual([
      ['row MO-2024-0002', 'body', '1:18'],
      ['row MO-2024-0002', 'body', '3:1'],
      ['row MO-2024-0002', 'body', '5:1'],
    ]);
    expect(tree(dir)).toEqual(before);
  });
});
