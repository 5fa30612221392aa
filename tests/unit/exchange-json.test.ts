/**
 * The JSON exchange documents (src/model/documents.ts, src/exchange/json/) and their import reader
 * (src/exchange/import/read-json.ts), on a real notice of content/ with its translations. Prevents: a
 * published JSON Schema that accepts a broken document or refuses a real one; a notice field added to the
 * notice schema but missing from the documents (or `draft` leaking into them); documents whose bytes change
 * between builds of the same notice; the alt text of an image the audience may not see reaching a document
 * through a translation; a document that does not read back into the notice it came from; an import that
 * takes an unknown format or a newer format version, or that publishes a notice whose images are missing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { z } from 'astro/zod';
import { afterAll, describe, expect, it } from 'vitest';
import { readEntryFile } from '../../src/loading/frontmatter.ts';
import { variantsOf } from '../../src/loading/images/image-variants.ts';
import { documentNoticeSchema, noticeDocumentSchema, UNPUBLISHED_NOTICE_KEYS, type NoticeDocument } from '../../src/model/documents.ts';
import type { ImageRef } from '../../src/model/images.ts';
import { NOTICE_FIELD_ORDER, noticeSchema, type NoticeData } from '../../src/model/notice.ts';
import { draftSchema } from '../../src/model/draft.ts';
import { noticeTranslationSchema, type NoticeTranslationData } from '../../src/model/translation.ts';
import type { Language } from '../../src/model/languages.ts';
import { courseDocument } from '../../src/exchange/json/course-document.ts';
import { indexDocument } from '../../src/exchange/json/index-document.ts';
import { noticeDocument, serialiseDocument, type PublishedImage } from '../../src/exchange/json/notice-document.ts';
import { documentJsonSchema } from '../../src/exchange/json/schemas.ts';
import { readJson } from '../../src/exchange/import/read-json.ts';
import { JSON_FORMAT_VERSION } from '../../src/exchange/format-version.ts';
import { courseSchema } from '../../src/model/course.ts';
import { tempDir } from '../helpers/site.ts';

const SITE = 'https://modus.example.org';
const FOLDER = path.resolve('content/notices/cocaine-in-sea-chest');
const COURSE = path.resolve('content/courses');

/** A notice of content/ as the build's knowledge base holds it: validated, its images given a content id and size. */
function realNotice() {
  const entry = readEntryFile(fs.readFileSync(path.join(FOLDER, 'index.mdx'), 'utf8'));
  const data = noticeSchema(() => z.string()).parse(entry.data);
  const images = data.images.map((img, i) => ({
    ...img,
    src: { path: img.src, id: `${String(i).padStart(2, '0')}${'a'.repeat(18)}`, width: 1600, height: 1200 } satisfies ImageRef,
  }));
  const translations = new Map<Language, { data: NoticeTranslationData; body: string }>();
  for (const lang of ['fr', 'es', 'ar'] as const) {
    const t = readEntryFile(fs.readFileSync(path.join(FOLDER, `index.${lang}.mdx`), 'utf8'));
    translations.set(lang, { data: noticeTranslationSchema().parse(t.data), body: t.body });
  }
  return { data: { ...data, images } as NoticeData<ImageRef>, body: entry.body, translations, images: images as PublishedImage[] };
}

function realDocument(): NoticeDocument {
  const n = realNotice();
  return noticeDocument({
    slug: 'cocaine-in-sea-chest',
    data: n.data,
    body: n.body,
    images: n.images,
    isPublished: () => true,
    translations: n.translations,
    site: SITE,
  });
}

function validator(type: 'notice' | 'course' | 'index') {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(documentJsonSchema(type, SITE));
}

describe('the document schemas', () => {
  it('hold every field of the notice schema, in its order, except the keys a published notice never carries', () => {
    // Fails when a field is added to the notice schema and the document schema is written apart from it.
    const expected = NOTICE_FIELD_ORDER.filter((k) => !UNPUBLISHED_NOTICE_KEYS.includes(k));
    expect(Object.keys(documentNoticeSchema().shape)).toEqual(expected);
    const json = documentJsonSchema('notice', SITE) as { properties: { notice: { properties: object; required: string[] } } };
    expect(Object.keys(json.properties.notice.properties)).toEqual(expected);
    expect(Object.keys(json.properties.notice.properties)).not.toContain('draft');
  });

  it('are published with their address, a title and descriptions', () => {
    for (const type of ['notice', 'course', 'index'] as const) {
      const json = documentJsonSchema(type, SITE);
      expect(json.$id).toBe(`${SITE}/data/schema/${type}.schema.json`);
      expect(json.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(json.title).toMatch(/^Modus /);
      expect(String(json.description).length).toBeGreaterThan(20);
    }
  });

  it('accept a real notice document (ajv, draft 2020-12) and the zod schema reads it back unchanged', () => {
    const doc = realDocument();
    const validate = validator('notice');
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    expect(noticeDocumentSchema(JSON_FORMAT_VERSION).parse(doc)).toEqual(doc);
  });

  /** Sets (or, for `undefined`, deletes) the value at a dotted path of a document copy. */
  function setPath(doc: Record<string, unknown>, dotted: string, value: unknown): void {
    const keys = dotted.split('.');
    let at = doc;
    for (const k of keys.slice(0, -1)) at = at[k] as Record<string, unknown>;
    if (value === undefined) delete at[keys.at(-1)!];
    else at[keys.at(-1)!] = value;
  }

  it.each([
    ['a missing title', 'notice.title', undefined],
    ['TLP:RED', 'notice.tlp', 'RED'],
    ['a date with a time', 'notice.published', '2024-03-01T10:00'],
    ['an impossible date', 'notice.published', '2024-13-45'],
    ['a country that is not a code', 'notice.route.origin', ['Ecuador']],
    ['a lower-case notice id', 'id', 'mo-2024-0001'],
    ['an unknown field', 'notice.draft', true],
    ['a blank indicator', 'notice.indicators', ['  ']],
    ['a variant without its address', 'notice.images.0.variants.0.url', undefined],
    ['another format', 'format', 'modus-course'],
    ['a translation under an unknown language', 'translations.de', { title: 'x' }],
  ])('refuse a document with %s', (_what, dotted, value) => {
    const doc = JSON.parse(JSON.stringify(realDocument())) as Record<string, unknown>;
    setPath(doc, dotted, value);
    expect(validator('notice')(doc)).toBe(false);
  });

  it('accept a real course document and an index', () => {
    const entry = readEntryFile(fs.readFileSync(path.join(COURSE, fs.readdirSync(COURSE)[0]!, 'index.mdx'), 'utf8'));
    const course = courseDocument({
      slug: 'a-course',
      data: courseSchema().parse(entry.data),
      body: entry.body,
      translations: new Map(),
      site: SITE,
    });
    const v = validator('course');
    expect(v(course), JSON.stringify(v.errors)).toBe(true);
    const n = realNotice();
    const index = indexDocument({
      notices: [{ id: 'cocaine-in-sea-chest', data: n.data }],
      courses: [{ id: 'a-course', data: course.course }],
      audience: 'public',
      site: SITE,
    });
    const vi = validator('index');
    expect(vi(index), JSON.stringify(vi.errors)).toBe(true);
  });
});

describe('the notice document', () => {
  it('gives the page, permanent and document addresses and every published variant of each image, from the site address', () => {
    const doc = realDocument();
    expect(doc.urls).toEqual({
      page: `${SITE}/notices/cocaine-in-sea-chest/`,
      permanent: `${SITE}/id/${doc.id}/`,
      document: `${SITE}/data/notices/${doc.id}.json`,
    });
    const img = doc.notice.images[0]!;
    const ref = realNotice().images[0]!.src;
    expect(img.variants.map((v) => `${v.width}.${v.format}`)).toEqual(variantsOf(ref).map((v) => `${v.width}.${v.format}`));
    for (const v of img.variants) expect(v.url).toMatch(new RegExp(`^${SITE}/_img/${ref.id}-${v.width}\\.${v.format}$`));
    expect(img.variants.find((v) => v.width === 960)?.height).toBe(720);
    expect(doc.translations.fr?.title).toBeTruthy();
    expect(Object.keys(doc.translations)).toEqual(['fr', 'es', 'ar']);
  });

  it('is byte-identical for the same notice, whatever order its keys came in (no build time)', () => {
    const n = realNotice();
    const shuffled = Object.fromEntries(Object.entries(n.data).reverse()) as typeof n.data;
    const again = noticeDocument({
      slug: 'cocaine-in-sea-chest',
      data: shuffled,
      body: n.body,
      images: n.images,
      translations: new Map([...n.translations].reverse()),
      isPublished: () => true,
      site: SITE,
    });
    expect(serialiseDocument(again)).toBe(serialiseDocument(realDocument()));
    expect(serialiseDocument(again)).not.toMatch(/"generated"|\d{4}-\d{2}-\d{2}T/);
  });

  it('names no notice the build does not publish: related and supersededBy keep only published ids', () => {
    const n = realNotice();
    const data = {
      ...n.data,
      status: 'superseded' as const,
      statusReason: 'Replaced.',
      supersededBy: 'MO-2030-0009',
      related: ['MO-2030-0008', n.data.id],
    };
    const doc = noticeDocument({
      slug: 's',
      data,
      body: '',
      images: n.images,
      translations: new Map(),
      isPublished: (id) => id === n.data.id,
      site: SITE,
    });
    expect(doc.notice.related).toEqual([n.data.id]);
    expect(doc.notice.supersededBy).toBeUndefined();
    expect(serialiseDocument(doc)).not.toMatch(/MO-2030-000[89]/);
  });

  it('leaves out an image the audience may not see, and its words in every translation', () => {
    const n = realNotice();
    const hidden = { ...n.images[0]!, src: { ...n.images[0]!.src, path: './hidden.png' }, alt: 'zqxhiddenalt' };
    const data: NoticeData<ImageRef> = Object.assign({ ...n.data, images: [...n.data.images, hidden] }, { draft: false });
    const fr = n.translations.get('fr')!;
    const translations = new Map<Language, { data: NoticeTranslationData; body: string }>([
      ['fr', { ...fr, data: { ...fr.data, images: [...fr.data.images, { src: 'hidden.png', alt: 'zqxhiddenalt' }] } }],
    ]);
    const doc = noticeDocument({ slug: 's', data, body: '', images: n.images, translations, isPublished: () => true, site: SITE });
    expect(serialiseDocument(doc)).not.toContain('zqxhiddenalt');
    expect(serialiseDocument(doc)).not.toContain('"draft"');
    expect(doc.translations.fr?.images).toHaveLength(fr.data.images.length);
  });
});

describe('readJson', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  /** A downloaded build: the document under data/notices/ and, unless `withoutImages`, each image's variants under _img/. */
  function writeBuild(withoutImages = false): { root: string; file: string; doc: NoticeDocument } {
    const root = tempDir('read-json');
    dirs.push(root);
    const doc = realDocument();
    const file = path.join(root, 'data/notices', `${doc.id}.json`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, serialiseDocument(doc));
    if (!withoutImages) {
      for (const img of doc.notice.images) {
        for (const v of img.variants) {
          const local = path.join(root, new URL(v.url).pathname);
          fs.mkdirSync(path.dirname(local), { recursive: true });
          fs.writeFileSync(local, `${v.format} ${v.width}`);
        }
      }
    }
    fs.writeFileSync(
      path.join(root, 'data/index.json'),
      serialiseDocument(
        indexDocument({ notices: [{ id: doc.slug, data: realNotice().data }], courses: [], audience: 'public', site: SITE }),
      ),
    );
    return { root, file, doc };
  }

  it('reads a document back into the notice file it came from, with the largest variant of each image', () => {
    const { file } = writeBuild();
    const r = readJson(file, fs.readFileSync(file));
    expect(r.problems).toEqual([]);
    expect(r.notes).toEqual([]);
    const [c] = r.candidates;
    const original = readEntryFile(fs.readFileSync(path.join(FOLDER, 'index.mdx'), 'utf8'));
    const validated = noticeSchema(() => z.string()).parse(original.data);
    // The same frontmatter as validated, but each image named after the file it now is (the 960 px WebP).
    const expected = {
      ...validated,
      images: validated.images.map((img) => ({ ...img, src: `${path.posix.basename(img.src, path.extname(img.src))}.webp` })),
    };
    expect(c!.frontmatter).toEqual(expected);
    expect(Object.keys(c!.frontmatter)).toEqual(Object.keys(validated));
    // It passes the notice schema (which writes image paths as `./file`).
    const reread = noticeSchema(() => z.string()).parse(c!.frontmatter);
    expect(reread).toEqual({ ...expected, images: expected.images.map((img) => ({ ...img, src: `./${img.src}` })) });
    expect(c!.body).toBe(original.body);
    expect(c!.images.map((i) => [i.file, new TextDecoder().decode(i.bytes)])).toEqual(expected.images.map((i) => [i.src, 'webp 960']));
    expect(Object.keys(c!.translations)).toEqual(['fr', 'es', 'ar']);
    const fr = readEntryFile(fs.readFileSync(path.join(FOLDER, 'index.fr.mdx'), 'utf8'));
    const frData = noticeTranslationSchema().parse(fr.data);
    expect(c!.translations.fr).toEqual({
      frontmatter: { ...frData, images: frData.images.map((img, i) => ({ ...img, src: expected.images[i]!.src })) },
      body: fr.body,
    });
  });

  it('reads the documents an index lists, relative to the folder that holds data/, and reports progress', () => {
    const { root } = writeBuild();
    const index = path.join(root, 'data/index.json');
    const progress: Array<[number, number]> = [];
    const r = readJson(index, fs.readFileSync(index, 'utf8'), (done, total) => progress.push([done, total]));
    expect(r.problems).toEqual([]);
    expect(r.candidates.map((c) => c.frontmatter.id)).toEqual([realDocument().id]);
    expect(progress).toEqual([[1, 1]]);
  });

  it('reads a build published under a path (https://host/any/path/data/…): its files are at the top of the downloaded folder', () => {
    // Prevents: an index or notice document of a build served under a path of an intranet portal that the
    // import cannot follow (its addresses carry the path; the downloaded dist/ folder does not).
    const { root, doc } = writeBuild();
    for (const rel of ['data/index.json', `data/notices/${doc.id}.json`]) {
      const f = path.join(root, rel);
      fs.writeFileSync(f, fs.readFileSync(f, 'utf8').replaceAll(`${SITE}/`, `${SITE}/any/path/`));
    }
    const index = path.join(root, 'data/index.json');
    expect(fs.readFileSync(index, 'utf8')).toContain(`${SITE}/any/path/data/notices/${doc.id}.json`);
    const r = readJson(index, fs.readFileSync(index, 'utf8'));
    expect(r.problems).toEqual([]);
    expect(r.notes).toEqual([]);
    expect(r.candidates.map((c) => c.frontmatter.id)).toEqual([doc.id]);
    expect(r.candidates[0]!.images.map((i) => new TextDecoder().decode(i.bytes))).toEqual(doc.notice.images.map(() => 'webp 960'));
  });

  it('imports a notice whose image files are missing as a draft without images, and says so in a note', () => {
    const { file, doc } = writeBuild(true);
    const r = readJson(file, fs.readFileSync(file, 'utf8'));
    expect(r.problems).toEqual([]);
    const [c] = r.candidates;
    expect(c!.frontmatter.draft).toBe(true);
    expect(c!.frontmatter.images).toBeUndefined();
    // A draft passes the draft schema, `draft` where the notice's field order has it.
    expect(draftSchema(() => z.string()).safeParse(c!.frontmatter).success).toBe(true);
    const keys = Object.keys(c!.frontmatter);
    expect(keys).toEqual(NOTICE_FIELD_ORDER.filter((k) => keys.includes(k)));
    expect(c!.images).toEqual([]);
    expect(c!.translations.fr?.frontmatter.images).toEqual([]);
    expect(r.notes).toHaveLength(1);
    expect(r.notes[0]).toMatch(new RegExp(`^${doc.id}: image files not found .*draft`));
  });

  it.each([
    ['an unknown format', { format: 'misp-event', formatVersion: 1 }, /Unknown format "misp-event"/],
    ['a newer major version', { format: 'modus-notice', formatVersion: JSON_FORMAT_VERSION + 1 }, /newer Modus/],
    ['a course document', { format: 'modus-course', formatVersion: 1 }, /only notices are imported/],
  ])('refuses %s with a problem naming the file and the field', (_what, doc, message) => {
    const r = readJson('/tmp/x.json', JSON.stringify(doc));
    expect(r.candidates).toEqual([]);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ file: '/tmp/x.json', field: expect.stringMatching(/^format/) });
    expect(r.problems[0]!.message).toMatch(message);
  });

  it('refuses a file that is not JSON, and an index whose documents are not beside it', () => {
    expect(readJson('/tmp/x.json', '{ not json').problems[0]!.message).toMatch(/^Not a JSON document/);
    const { root } = writeBuild();
    fs.rmSync(path.join(root, 'data/notices'), { recursive: true });
    const index = path.join(root, 'data/index.json');
    const r = readJson(index, fs.readFileSync(index, 'utf8'));
    expect(r.candidates).toEqual([]);
    expect(r.problems[0]).toMatchObject({ where: realDocument().id, field: 'notices.0.document' });
  });
});
