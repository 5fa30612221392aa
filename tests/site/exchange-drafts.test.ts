/**
 * A draft written by the import (src/exchange/import/write-notices.ts) in a real build: a notice without
 * images and its French translation, marked TLP:CLEAR, beside two published notices, built for the widest
 * audience. The build passes (a draft needs no images) and no file of dist/ (pages of every language,
 * Pagefind's compressed index, the feed, redirects) holds its id, folder name or a sentence of it or its
 * translation; a sentence of it planted in dist/ fails the dist check, which names it as a draft.
 * Prevents: an unfinished import reaching officers, and a leak of one passing the build.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeNotices } from '../../src/exchange/import/write-notices.ts';
import { runDistCheck } from '../../src/dist-check/run.ts';
import { readSettings } from '../../src/settings.ts';
import { writeCorpus } from '../helpers/corpus.ts';
import { readText } from '../helpers/dist.ts';
import { astroBuild, listFiles, tempDir } from '../helpers/site.ts';
import { fixtureNotice } from '../helpers/loader-project.ts';

const DRAFT = { id: 'MO-2030-0009', word: 'zqxdraftnarwhal', frWord: 'zqxdraftnarwhaltr', slug: 'heroin-in-zqxdraftnarwhal-crates' };

let work: string;
let content: string;
let dist: string;
let output = '';
let code = -1;

beforeAll(async () => {
  work = tempDir('drafts');
  content = path.join(work, 'content');
  dist = path.join(work, 'dist');
  await writeCorpus(content, [fixtureNotice('first', 1), fixtureNotice('second', 2)]);
  const written = await writeNotices(
    [
      {
        where: `attack-pattern--${DRAFT.id}`,
        frontmatter: {
          id: DRAFT.id,
          title: `Heroin in ${DRAFT.word} crates`,
          summary: `Heroin in crates; ${DRAFT.word} summary.`,
          tlp: 'CLEAR',
          draft: true,
          published: '2026-02-01',
          indicators: [`Crates ${DRAFT.word} heavier than declared.`],
          recommendedActions: ['X-ray the crates.'],
        },
        body: `The ${DRAFT.word} crates had double floors.\n`,
        images: [],
        translations: {
          fr: {
            frontmatter: {
              translated: '2026-02-02',
              title: `Héroïne dans des caisses ${DRAFT.frWord}`,
              summary: `Résumé ${DRAFT.frWord}.`,
              concealment: { object: 'Caisses' },
              indicators: [`Caisses ${DRAFT.frWord} plus lourdes.`],
              recommendedActions: ['Passer aux rayons X.'],
            },
            body: `Les caisses ${DRAFT.frWord} avaient un double fond.\n`,
          },
        },
      },
    ],
    { contentDir: content, file: 'bundle.json' },
  );
  expect(written.problems).toEqual([]);
  expect(written.notices).toMatchObject([{ folder: `notices/${DRAFT.slug}`, draft: true }]);
  ({ code, output } = await astroBuild(content, dist, { MODUS_AUDIENCE: 'organisation' }));
}, 600_000);

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('an imported draft in a build', () => {
  it('builds: a draft needs no images, and the dist check passes', () => {
    expect(output).toContain('dist check passed');
    expect(code, output).toBe(0);
  });

  it('appears in no file of dist/: no page, search index, feed or redirect holds its id, folder or words', () => {
    const files = listFiles(dist);
    expect(files.some((f) => f.endsWith('.pf_fragment'))).toBe(true);
    expect(files.some((f) => /rss|feed/.test(f))).toBe(true);
    expect(files.filter((f) => f.includes(DRAFT.slug))).toEqual([]);
    const leaks = files.filter((f) => {
      const text = readText(path.join(dist, f));
      return [DRAFT.id, DRAFT.word, DRAFT.frWord, DRAFT.slug].some((w) => text.includes(w));
    });
    expect(leaks).toEqual([]);
    // The published notices are there (the scan can find a notice).
    expect(files.some((f) => readText(path.join(dist, f)).includes('Sentinel of first.'))).toBe(true);
  });

  it('a sentence of the draft planted in dist/ fails the dist check, which names it as a draft', async () => {
    const planted = path.join(work, 'planted');
    fs.cpSync(dist, planted, { recursive: true });
    const page = path.join(planted, 'index.html');
    fs.writeFileSync(page, fs.readFileSync(page, 'utf8').replace('</body>', `<p>The ${DRAFT.word} crates had double floors.</p></body>`));
    const settings = readSettings({ MODUS_CONTENT_DIR: content, MODUS_AUDIENCE: 'organisation' });
    await expect(runDistCheck(`${planted}/`, settings)).rejects.toThrow(
      /index\.html contains text of withheld notice MO-2030-0009 \(draft, TLP:CLEAR/,
    );
  });
});
