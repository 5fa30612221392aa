/**
 * The content manifest (src/dist-check/content-manifest.ts): the dist check reads notices and courses
 * from the content folder itself, not from the build, to know what a withheld entry would leave in
 * dist/. Prevents: the dist check looking for the wrong text (markup, ids or paths instead of prose) or
 * misreading a marking, and so passing a dist/ that leaks a withheld notice's sentences or photos.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bodyBlocks, proseOf, readContentManifest } from '../../src/dist-check/content-manifest.ts';
import { writeCorpus } from '../helpers/corpus.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('content manifest (the dist check reads the content itself)', () => {
  it('proseOf keeps the prose (title, alt text, concealment object) and leaves out ids, codes, references and paths', () => {
    expect(
      proseOf({
        id: 'MO-2024-0001',
        title: 'T',
        related: ['MO-2024-0002'],
        images: [{ src: 'a.jpg', alt: 'An alt' }],
        route: { origin: ['NL'] },
        concealment: { category: 'x', object: 'O' },
      }),
    ).toEqual(['T', 'An alt', 'O']);
  });

  it('reads body blocks as text (no markup)', () => {
    expect(bodyBlocks('## Found\n\nThe **goods** were [hidden](https://x.example) in `crates`.\n\n- a list item')).toEqual([
      'Found',
      'The goods were hidden in crates.',
      'a list item',
    ]);
  });

  it("reads a notice's marking as the schema does (tlp:green is GREEN), each image's effective marking, facets and original files", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'modus-manifest-'));
    dirs.push(dir);
    await writeCorpus(dir, [
      {
        slug: 'a',
        id: 'MO-2030-0001',
        tlp: 'tlp:green',
        title: 'A',
        sentinel: 'S',
        images: [
          { file: 'x.jpg', colour: [1, 2, 3], gps: false },
          { file: 'y.png', colour: [1, 2, 3], gps: false, tlp: 'AMBER' },
        ],
      },
    ]);
    const m = readContentManifest(dir);
    expect(m.entries).toHaveLength(1);
    expect(m.entries[0]).toMatchObject({ kind: 'notice', slug: 'a', id: 'MO-2030-0001', tlp: 'GREEN' });
    expect(m.entries[0]!.images.map((i) => [path.basename(i.file), i.tlp])).toEqual([
      ['x.jpg', 'GREEN'],
      ['y.png', 'AMBER'],
    ]);
    expect(m.entries[0]!.facets.find((f) => f.facet === 'commodity')).toEqual({
      facet: 'commodity',
      filter: 'commodity',
      value: 'cocaine',
      label: 'Cocaine',
    });
    expect(m.originals.map((o) => path.relative(dir, o)).sort()).toEqual(['notices/a/x.jpg', 'notices/a/y.png']);
  });
});
