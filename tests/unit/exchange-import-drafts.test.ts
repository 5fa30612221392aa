/**
 * Drafts (src/model/draft.ts), as an import writes them: checked with the draft schema, built into no
 * audience, treated as withheld by the dist check; and an import's temporary folder never read. Run
 * in-process with the site's own notices' loader (tests/helpers/loader-context.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'astro/zod';
import { afterAll, describe, expect, it } from 'vitest';
import { translationStatus } from '../../src/build/translation-status.ts';
import { readContentManifest } from '../../src/dist-check/content-manifest.ts';
import { isWithheld } from '../../src/dist-check/withheld.ts';
import { draftSchema } from '../../src/model/draft.ts';
import { loadNotices } from '../helpers/loader-context.ts';
import { fixtureNotice, projects } from '../helpers/loader-project.ts';

const { make: project, cleanUp } = projects();
afterAll(cleanUp);

const problemLines = (err?: Error) => (err?.message ?? '').split('\n').filter((l) => l.startsWith('    '));

/** A draft as an import from STIX writes it: no images, no summary, no lists. */
const draftNotice = (slug: string, n: number, data: Record<string, unknown> = {}) =>
  fixtureNotice(slug, n, {
    images: [],
    data: { draft: true, summary: undefined, crimeAreas: undefined, indicators: undefined, sources: undefined, ...data },
  });

describe('drafts in the loader', () => {
  it('loads a draft without images and stores it for no audience (a draft must never reach a page)', async () => {
    const { root, contentDir } = await project([fixtureNotice('published', 1), draftNotice('unfinished', 2)]);
    for (const audience of ['public', 'organisation'] as const) {
      const load = await loadNotices(root, contentDir, { audience });
      expect(load.error).toBeUndefined();
      expect([...load.stored.keys()]).toEqual(['published']);
      // The checks across notices still see it (its id is taken; links to it are checked).
      expect((await load.published)?.map((e) => e.slug).sort()).toEqual(['published', 'unfinished']);
    }
  });

  it('reports a bad value in a draft with the usual message naming the file and field', async () => {
    const { root, contentDir } = await project([draftNotice('unfinished', 2, { commodities: ['unobtainium'], tlp: 'PURPLE' })]);
    const load = await loadNotices(root, contentDir);
    expect(problemLines(load.error)).toEqual([
      expect.stringMatching(/^ {4}tlp: "PURPLE" is not a TLP 2\.0 marking/),
      expect.stringMatching(/^ {4}commodities\[0\]: "unobtainium" is not a known commodity\./),
    ]);
    expect(load.error?.message).toContain('content/notices/unfinished/index.mdx');
  });

  it('a draft still needs its id, title and marking', async () => {
    const { root, contentDir } = await project([draftNotice('unfinished', 2, { title: undefined, tlp: undefined })]);
    const load = await loadNotices(root, contentDir);
    expect(problemLines(load.error).map((l) => l.trim().split(':')[0])).toEqual(['title', 'tlp']);
  });

  it('a published notice still needs its images (draft: false is no draft)', async () => {
    const { root, contentDir } = await project([fixtureNotice('no-pictures', 1, { images: [], data: { draft: false } })]);
    const load = await loadNotices(root, contentDir);
    expect(problemLines(load.error)).toEqual([expect.stringMatching(/^ {4}images: /)]);
  });

  it('refuses a published notice that links a draft (the link would lead nowhere and print its id)', async () => {
    const { root, contentDir } = await project([
      fixtureNotice('published', 1, { related: ['MO-2030-0002'] }),
      draftNotice('unfinished', 2),
    ]);
    const load = await loadNotices(root, contentDir);
    expect(problemLines(load.error)).toEqual([
      expect.stringMatching(/^ {4}related\[0\]: MO-2030-0002 is a draft, which no build publishes/),
    ]);
  });

  it('refuses a published notice whose text or body names a draft, with the field and the line (else only the dist check stops the build, after dist/ is written, naming output files)', async () => {
    const { root, contentDir } = await project([
      fixtureNotice('published', 1, { data: { keywords: ['see mo-2030-0002'] }, sentinel: 'Compare MO-2030-0002.' }),
      draftNotice('unfinished', 2),
    ]);
    const load = await loadNotices(root, contentDir);
    expect(problemLines(load.error)).toEqual([
      // The fixture's sentinel sentence is in its summary and its body.
      expect.stringMatching(/^ {4}summary: mentions MO-2030-0002, a draft, which no build publishes/),
      expect.stringMatching(/^ {4}keywords\[0\]: mentions MO-2030-0002, a draft, which no build publishes/),
      expect.stringMatching(/^ {4}content\/notices\/published\/index\.mdx:\d+:9 body: mentions MO-2030-0002, a draft/),
    ]);
  });

  it('the draft schema checks present fields as the notice schema does, and its rules across fields', () => {
    const schema = draftSchema(() => z.string());
    expect(schema.safeParse({ id: 'MO-2030-0001', title: 'T', tlp: 'clear', draft: true, indicators: [] }).success).toBe(true);
    const bad = schema.safeParse({ id: 'MO-2030-0001', title: 'T', tlp: 'CLEAR', published: '2030-02-01', updated: '2030-01-01' });
    expect(bad.error?.issues.map((i) => i.path.join('.'))).toEqual(['updated']);
    expect(schema.safeParse({ id: 'MO-2030-0001', title: 'T', tlp: 'CLEAR', keyword: ['x'] }).error?.issues[0]?.message).toMatch(
      /Unknown field "keyword": did you mean "keywords"\?/,
    );
  });
});

describe('an import’s temporary folder', () => {
  it('is never read by the loader, half-written or whole (a crash mid-import must not break or change the build)', async () => {
    const { root, contentDir } = await project([fixtureNotice('published', 1)]);
    const temp = path.join(contentDir, 'notices', '.import-half-1a2b3c4d');
    fs.mkdirSync(temp);
    fs.writeFileSync(path.join(temp, 'index.mdx'), '---\nid: MO-2030-0009\ntitle: Half'); // cut off mid-write
    const whole = path.join(contentDir, 'notices', '.import-whole-5e6f7a8b');
    fs.cpSync(path.join(contentDir, 'notices', 'published'), whole, { recursive: true });
    const load = await loadNotices(root, contentDir);
    expect(load.error).toBeUndefined();
    expect([...load.stored.keys()]).toEqual(['published']);
    expect(readContentManifest(contentDir).entries.map((e) => e.slug)).toEqual(['published']);
    expect(translationStatus(contentDir).map((r) => r.slug)).toEqual(['published']);
  });
});

describe('drafts in the dist check and the translation list', () => {
  it('the dist check counts a draft as withheld from every audience, so its id or text in dist/ fails the build', async () => {
    const { contentDir } = await project([fixtureNotice('published', 1), draftNotice('unfinished', 2)]);
    const entries = readContentManifest(contentDir).entries;
    const draft = entries.find((e) => e.slug === 'unfinished')!;
    expect(draft).toMatchObject({ draft: true, id: 'MO-2030-0002', tlp: 'CLEAR' });
    expect(draft.texts).toContain('Sentinel of unfinished.');
    expect(isWithheld(draft, 'organisation')).toBe(true);
    expect(
      isWithheld(
        entries.find((e) => e.slug === 'published')!,
        'public',
      ),
    ).toBe(false);
  });

  it('npm run translations leaves drafts out (nothing to translate before it is finished)', async () => {
    const { contentDir } = await project([fixtureNotice('published', 1), draftNotice('unfinished', 2)]);
    expect(translationStatus(contentDir).map((r) => r.slug)).toEqual(['published']);
  });
});
