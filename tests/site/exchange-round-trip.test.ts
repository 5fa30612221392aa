/**
 * Export → import → export (docs/exchange.md): a build's notices, imported into an empty content folder by
 * `npm run import` (the command an editor runs) from the build's own `/data/index.json`, build into the
 * same facts. Prevents: a field, translation, body or marking lost or changed on the way out or back in; an
 * imported notice that moves to another address (its folder name) or turns into a draft when its images
 * are at hand; an export that depends on something besides the notice's facts (the STIX bundles carry no
 * image, so they must come out byte for byte the same).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import type { NoticeDocument } from '../../src/model/documents.ts';
import { materialise, type Fixture } from '../helpers/fixtures.ts';
import { astroBuild, listFiles, tempDir } from '../helpers/site.ts';

const SITE = 'https://modus.example.org';
const ROOT = path.resolve(import.meta.dirname, '../..');

let fixture: Fixture;
let work: string;
let first: string;
let second: string;
let importOutput = '';

const read = (dist: string, rel: string) => fs.readFileSync(path.join(dist, rel), 'utf8');
const noticeDocs = (dist: string) =>
  listFiles(path.join(dist, 'data/notices'))
    .filter((f) => f.endsWith('.json'))
    .sort();

/** A notice document's facts: everything but the image files themselves (imported images are re-encoded, so their names and variants differ). */
function facts(doc: NoticeDocument): unknown {
  const imageFacts = (images: unknown) =>
    Array.isArray(images)
      ? images.map((img: Record<string, unknown>) =>
          Object.fromEntries(Object.entries(img).filter(([k]) => !['src', 'variants', 'width', 'height'].includes(k))),
        )
      : images;
  const translations = Object.fromEntries(
    Object.entries(doc.translations ?? {}).map(([lang, t]) => [lang, { ...t, images: imageFacts((t as { images?: unknown }).images) }]),
  );
  return { ...doc, notice: { ...doc.notice, images: imageFacts(doc.notice.images) }, translations };
}

beforeAll(async () => {
  fixture = await materialise('courses');
  // A French translation, so translations make the round trip too.
  fs.writeFileSync(
    path.join(fixture.contentDir, 'notices/resin-sculptures/index.fr.mdx'),
    `---\n${JSON.stringify({
      translated: '2026-01-01',
      title: 'Méthamphétamine dans des sculptures en résine',
      summary: 'De la méthamphétamine cachée dans des sculptures creuses.',
      concealment: { object: 'Sculptures en résine creuses' },
      indicators: [
        'Des sculptures bien plus lourdes que leur taille.',
        'De la résine fraîche à la base.',
        'Un garde-meubles comme adresse.',
      ],
      recommendedActions: ['Radiographier la sculpture.'],
      images: [
        { src: 'sculpture.png', alt: 'Dessin d’une sculpture creuse', caption: 'La base creuse' },
        { src: 'xray.png', alt: 'Radiographie montrant un bloc dense' },
      ],
    })}\n---\nLes sculptures étaient creuses.\n`,
  );
  work = tempDir('exchange-round-trip');
  first = path.join(work, 'first');
  const a = await astroBuild(fixture.contentDir, first, { MODUS_AUDIENCE: 'community', MODUS_SITE_URL: SITE });
  if (a.code !== 0) throw new Error(`first build failed:\n${a.output}`);

  const content = path.join(work, 'imported');
  fs.mkdirSync(path.join(content, 'notices'), { recursive: true });
  const r = spawnSync('npm', ['run', '--silent', 'import', '--', path.join(first, 'data/index.json'), '--content', content], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 300_000,
  });
  importOutput = `${r.stdout}\n${r.stderr}`;
  if (r.status !== 0) throw new Error(`import failed (${r.status}):\n${importOutput}`);

  second = path.join(work, 'second');
  const b = await astroBuild(content, second, { MODUS_AUDIENCE: 'community', MODUS_SITE_URL: SITE });
  if (b.code !== 0) throw new Error(`second build failed:\n${b.output}`);
});

afterAll(() => {
  fixture?.remove();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

describe('export → npm run import → export', () => {
  it('imports every notice of the build whole (with its images), none as a draft', () => {
    expect(noticeDocs(first).length).toBeGreaterThan(2);
    expect(importOutput).not.toMatch(/draft/i);
    expect(noticeDocs(second)).toEqual(noticeDocs(first));
  });

  it('gives each notice the same facts: every field, translation, body, marking and address', () => {
    for (const f of noticeDocs(first)) {
      const before = JSON.parse(read(first, `data/notices/${f}`)) as NoticeDocument;
      const after = JSON.parse(read(second, `data/notices/${f}`)) as NoticeDocument;
      expect(facts(after), f).toEqual(facts(before));
    }
    const fr = JSON.parse(read(second, 'data/notices/MO-2030-0001.json')) as NoticeDocument;
    expect(JSON.stringify(fr.translations)).toContain('Méthamphétamine dans des sculptures en résine');
  });

  it('gives byte-identical STIX bundles for every notice, which carry the bodies of the notice and its translations', () => {
    expect(read(first, 'data/stix/MO-2030-0001.json')).toContain('Les sculptures étaient creuses.');
    for (const f of listFiles(path.join(first, 'data/stix')).filter((x) => x !== 'bundle.json')) {
      expect(read(second, `data/stix/${f}`), f).toBe(read(first, `data/stix/${f}`));
    }
  });

  it('gives the same CSV rows, but for the image file names', () => {
    const rows = (dist: string) => parse<Record<string, string>>(read(dist, 'data/notices.csv'), { columns: true, bom: true });
    const withoutFiles = (r: Record<string, string>) => ({ ...r, images: r.images!.replace(/src: [^|\n]*/g, 'src: …') });
    expect(rows(second).map(withoutFiles)).toEqual(rows(first).map(withoutFiles));
  });
});
