/**
 * The JSON exchange files of a real build (docs/exchange.md, "JSON"): the courses fixture, with a French
 * translation, a TLP:AMBER notice and a TLP:AMBER photo on a TLP:CLEAR notice, built for the `community`
 * audience (up to TLP:GREEN). Prevents: a published document its own published schema refuses; an index
 * that misses a notice the build publishes; a variant or page address that leads nowhere; a notice or an
 * image above the build's audience reaching a JSON file; a notice page without its link to its data; a
 * build's documents that do not import back into notices the schema accepts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { z } from 'astro/zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJson } from '../../src/exchange/import/read-json.ts';
import type { CourseDocument, IndexDocument, NoticeDocument } from '../../src/model/documents.ts';
import { noticeSchema } from '../../src/model/notice.ts';
import { generateImage, materialise, type Fixture } from '../helpers/fixtures.ts';
import { astroBuild, listFiles, tempDir } from '../helpers/site.ts';

const SITE = 'https://modus.example.org';
/** Words of what the community audience may not see: a TLP:AMBER notice and a TLP:AMBER photo's alt text. */
const AMBER_NOTICE = { id: 'MO-2030-0099', word: 'zqxambernoticeheron' };
const AMBER_PHOTO = 'zqxamberphotoegret';
const FRENCH_TITLE = 'Méthamphétamine dans des sculptures en résine';

let fixture: Fixture;
let dist: string;
let output = '';

const readJsonFile = <T>(rel: string): T => JSON.parse(fs.readFileSync(path.join(dist, rel), 'utf8')) as T;
const dataFiles = () => listFiles(path.join(dist, 'data')).map((f) => `data/${f}`);
/** The path of an address of this build (`https://modus.example.org/x/` → `x/`), or of a file in dist/ it names. */
const distPath = (address: string) => {
  expect(address.startsWith(`${SITE}/`), address).toBe(true);
  const p = address.slice(SITE.length + 1);
  return p.endsWith('/') ? `${p}index.html` : p;
};

/** Edits the fixture: a French translation, a TLP:AMBER photo on a TLP:CLEAR notice, a TLP:AMBER notice. */
async function editFixture(content: string): Promise<void> {
  const notices = path.join(content, 'notices');
  const fr = {
    translated: '2026-01-01',
    title: FRENCH_TITLE,
    summary: 'De la méthamphétamine cachée dans des sculptures creuses.',
    concealment: { object: 'Sculptures en résine creuses' },
    indicators: ['Des sculptures bien plus lourdes que leur taille.', 'De la résine fraîche à la base.', 'Un garde-meubles comme adresse.'],
    recommendedActions: ['Radiographier la sculpture.'],
    images: [
      { src: 'sculpture.png', alt: 'Dessin d’une sculpture creuse', caption: 'La base creuse' },
      { src: 'xray.png', alt: 'Radiographie montrant un bloc dense' },
    ],
  };
  fs.writeFileSync(
    path.join(notices, 'resin-sculptures/index.fr.mdx'),
    `---\n${JSON.stringify(fr)}\n---\nLes sculptures étaient creuses.\n`,
  );

  const seaChest = path.join(notices, 'sea-chest-bulk-carrier/index.mdx');
  await generateImage(path.join(notices, 'sea-chest-bulk-carrier/amber-photo.png'), { kind: 'plain', width: 640, height: 480 });
  const text = fs.readFileSync(seaChest, 'utf8');
  const photo = `  - src: amber-photo.png\n    alt: Surveillance photo ${AMBER_PHOTO}\n    kind: photo\n    tlp: AMBER\n`;
  fs.writeFileSync(seaChest, text.replace(/\nsources:\n/, `\n${photo}sources:\n`));

  const amber = path.join(notices, 'amber-wine');
  fs.cpSync(path.join(notices, 'liquid-cocaine-wine'), amber, { recursive: true });
  const wine = fs.readFileSync(path.join(amber, 'index.mdx'), 'utf8');
  fs.writeFileSync(
    path.join(amber, 'index.mdx'),
    wine
      .replace('id: MO-2030-0005', `id: ${AMBER_NOTICE.id}`)
      .replace('tlp: CLEAR', 'tlp: AMBER')
      .replace('title: Cocaine dissolved in bottles of red wine', `title: Cocaine in wine ${AMBER_NOTICE.word}`),
  );
}

beforeAll(async () => {
  fixture = await materialise('courses');
  await editFixture(fixture.contentDir);
  dist = path.join(tempDir('exchange-json'), 'dist');
  const r = await astroBuild(fixture.contentDir, dist, { MODUS_AUDIENCE: 'community', MODUS_SITE_URL: SITE });
  output = r.output;
  if (r.code !== 0) throw new Error(`build failed:\n${r.output}`);
});

afterAll(() => {
  fixture?.remove();
  if (dist) fs.rmSync(path.dirname(dist), { recursive: true, force: true });
});

describe('the JSON files of a build', () => {
  it('pass the dist check of the build', () => {
    expect(output).toMatch(/dist check passed/);
  });

  it('each validate against the JSON Schema published beside them, which their $schema names', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    const schemas = Object.fromEntries(
      (['notice', 'course', 'index'] as const).map((type) => {
        const schema = readJsonFile<{ $id: string }>(`data/schema/${type}.schema.json`);
        expect(schema.$id).toBe(`${SITE}/data/schema/${type}.schema.json`);
        return [type, { id: schema.$id, validate: ajv.compile(schema) }];
      }),
    );
    // The JSON documents (the STIX bundles and the CSV beside them are other formats).
    const files = dataFiles().filter((f) => f === 'data/index.json' || /^data\/(notices|courses)\/[^/]+\.json$/.test(f));
    const typeOf = (f: string) => (f === 'data/index.json' ? 'index' : f.startsWith('data/notices/') ? 'notice' : 'course');
    expect(files.filter((f) => typeOf(f) === 'course')).toHaveLength(2);
    for (const f of files) {
      const doc = readJsonFile<{ $schema: string }>(f);
      const { id, validate } = schemas[typeOf(f)]!;
      expect(doc.$schema, f).toBe(id);
      expect(validate(doc), `${f}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });

  it('the index lists every notice the build publishes, with its page, and every course', () => {
    const index = readJsonFile<IndexDocument>('data/index.json');
    expect(index.audience).toBe('community');
    expect(index.site).toBe(SITE);
    // The notices of the build: the permanent links it made (in upper and lower case).
    const ids = fs.readdirSync(path.join(dist, 'id')).filter((d) => d === d.toUpperCase());
    expect(index.notices.map((n) => n.id).sort()).toEqual(ids.sort());
    expect(ids).toHaveLength(5);
    for (const n of index.notices) {
      expect(fs.existsSync(path.join(dist, distPath(n.page))), n.page).toBe(true);
      expect(fs.existsSync(path.join(dist, distPath(n.document))), n.document).toBe(true);
    }
    expect(dataFiles().filter((f) => f.startsWith('data/notices/'))).toHaveLength(5);
    expect(index.courses.map((c) => c.slug).sort()).toEqual(
      fs
        .readdirSync(path.join(dist, 'data/courses'))
        .map((f) => f.replace(/\.json$/, ''))
        .sort(),
    );
  });

  it('every address of a document leads to a file of the build: pages, permanent links, image variants', () => {
    for (const f of dataFiles().filter((f) => f.startsWith('data/notices/'))) {
      const doc = readJsonFile<NoticeDocument>(f);
      for (const address of [doc.urls.page, doc.urls.permanent, doc.urls.document]) {
        expect(fs.existsSync(path.join(dist, distPath(address))), `${f}: ${address}`).toBe(true);
      }
      expect(doc.notice.images.length, f).toBeGreaterThan(0);
      for (const img of doc.notice.images) {
        for (const v of img.variants) expect(fs.existsSync(path.join(dist, distPath(v.url))), `${f}: ${v.url}`).toBe(true);
      }
    }
    const course = readJsonFile<CourseDocument>('data/courses/maritime-methods.json');
    expect(fs.existsSync(path.join(dist, distPath(course.urls.page)))).toBe(true);
  });

  it('carry the translations and the body as written, and the notice page links its document', () => {
    const doc = readJsonFile<NoticeDocument>('data/notices/MO-2030-0001.json');
    expect(doc.translations.fr?.title).toBe(FRENCH_TITLE);
    expect(doc.translations.fr?.body).toBe('Les sculptures étaient creuses.');
    expect(doc.body).toMatch(/^The sculptures were \*\*hollow\*\*/);
    expect(doc.notice.aliases).toEqual(['meth-in-statues']);
    for (const page of ['notices/resin-sculptures/index.html', 'fr/notices/resin-sculptures/index.html']) {
      expect(fs.readFileSync(path.join(dist, page), 'utf8')).toContain('href="/data/notices/MO-2030-0001.json"');
    }
  });

  it('hold nothing above the audience: no TLP:AMBER notice, no TLP:AMBER photo', () => {
    expect(fs.existsSync(path.join(dist, `data/notices/${AMBER_NOTICE.id}.json`))).toBe(false);
    for (const f of dataFiles()) {
      const text = fs.readFileSync(path.join(dist, f), 'utf8');
      for (const word of [AMBER_NOTICE.id, AMBER_NOTICE.word, AMBER_PHOTO, 'amber-photo'])
        expect(text, `${f} holds ${word}`).not.toContain(word);
    }
    const seaChest = readJsonFile<NoticeDocument>('data/notices/MO-2030-0002.json');
    expect(seaChest.notice.images.map((img) => img.src)).toEqual(['sea-chest.jpg']);
  });

  it('import back, from the index, into notices the notice schema accepts, with their images', () => {
    const indexFile = path.join(dist, 'data/index.json');
    const r = readJson(indexFile, fs.readFileSync(indexFile));
    expect(r.problems).toEqual([]);
    expect(r.notes).toEqual([]);
    expect(r.candidates).toHaveLength(5);
    for (const c of r.candidates) {
      expect(c.frontmatter.draft, c.where).toBeUndefined();
      const parsed = noticeSchema(() => z.string()).safeParse(c.frontmatter);
      expect(parsed.success, `${c.where}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
      expect(c.images.length).toBe((c.frontmatter.images as unknown[]).length);
      for (const img of c.images) expect(img.bytes.byteLength).toBeGreaterThan(100);
    }
  });
});
