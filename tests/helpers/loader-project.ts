/** Temporary project folders for the in-process loader tests: `<root>/content/notices/<slug>/`. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeCorpus, type FixtureNotice } from './corpus.ts';

/** A valid fixture notice `slug` (number `n` makes its id and image colour), marked CLEAR, one small image. */
export function fixtureNotice(slug: string, n: number, extra: Partial<FixtureNotice> = {}): FixtureNotice {
  return {
    slug,
    id: `MO-2030-${String(n).padStart(4, '0')}`,
    tlp: 'CLEAR',
    title: `Notice ${slug}`,
    sentinel: `Sentinel of ${slug}.`,
    images: [{ file: 'photo.jpg', colour: [(10 * n) % 256, 20, 30], gps: false, width: 64, height: 48 }],
    ...extra,
  };
}

/** Makes project folders and removes them all with `cleanUp()`. */
export function projects(): { make: (notices: FixtureNotice[]) => Promise<{ root: string; contentDir: string }>; cleanUp: () => void } {
  const dirs: string[] = [];
  return {
    make: async (notices) => {
      const root = fs.mkdtempSync(path.join(os.tmpdir(), 'modus-loader-'));
      dirs.push(root);
      const contentDir = path.join(root, 'content');
      await writeCorpus(contentDir, notices);
      return { root, contentDir };
    },
    cleanUp: () => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })),
  };
}
