/**
 * What `npm run build` (scripts/build.mjs) refuses before it touches anything, run in a copy of the
 * project (so a broken guard can only harm the copy). Prevents: `--outDir .` or `--outDir content`
 * emptying the project or its notices (the out folder is emptied before a clean build), two builds into
 * one out folder at once (they would empty each other's files), and two builds with the same settings
 * using their Astro cache at once (one waits for the other).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNode } from '../helpers/site.ts';
import { copyProject, type ProjectCopy } from '../helpers/project-copy.ts';
import { outFolderLock, settingsCache } from '../../src/build/build-dirs.ts';
import { readSettings } from '../../src/settings.ts';

let project: ProjectCopy;
beforeAll(() => {
  project = copyProject();
  fs.mkdirSync(path.join(project.root, 'content/notices/a'), { recursive: true });
  fs.writeFileSync(path.join(project.root, 'content/notices/a/index.mdx'), '---\ntitle: A\n---\n');
});
afterAll(() => project?.remove());

/** Runs the copy's build with `args`, its content folder the copy's `content/`. */
const build = (args: string[]) =>
  runNode(
    [path.join(project.root, 'scripts/build.mjs'), ...args],
    { MODUS_CONTENT_DIR: path.join(project.root, 'content') },
    60_000,
    project.root,
  );

describe('npm run build refuses', () => {
  it.each([
    ['the project itself', '.'],
    ['the content folder', 'content'],
    ['a folder inside the code', 'src/pages'],
    ['the public folder', 'public'],
  ])('an out folder that is %s, and deletes nothing', async (_what, outDir) => {
    const r = await build(['--outDir', outDir]);
    expect(r.code).toBe(1);
    expect(r.output).toMatch(/^Modus: --outDir .* would empty a folder of the project, or its content folder\./m);
    for (const kept of ['content/notices/a/index.mdx', 'src/pages/[...lang]/index.astro', 'public/favicon.svg', 'package.json']) {
      expect(fs.existsSync(path.join(project.root, kept)), kept).toBe(true);
    }
  });

  it('a second build into an out folder another build is writing, naming the running one', async () => {
    const outDir = path.join(project.root, 'dist');
    const lock = outFolderLock(path.join(project.root, '.cache/modus-build'), outDir);
    fs.mkdirSync(path.dirname(lock), { recursive: true });
    // This test's own process stands for the running build.
    fs.writeFileSync(lock, String(process.pid));
    const r = await build(['--outDir', outDir]);
    expect(r.code).toBe(1);
    expect(r.output).toContain(`Modus: another build (process ${process.pid}) is writing ${outDir}.`);
    expect(fs.readFileSync(lock, 'utf8')).toBe(String(process.pid));
    fs.rmSync(lock);
  });
});

describe('npm run build runs side by side with another build (src/build/build-dirs.ts)', () => {
  it('with the same settings into another out folder: it waits for the cache of these settings, then builds', async () => {
    const cache = settingsCache(project.root, readSettings({ MODUS_CONTENT_DIR: path.join(project.root, 'content') }, project.root));
    fs.mkdirSync(cache.dir, { recursive: true });
    // This test's own process stands for a build with the same settings, into another out folder.
    fs.writeFileSync(cache.lock, String(process.pid));
    const running = build(['--outDir', path.join(project.root, 'dist-other')]);
    await new Promise((r) => setTimeout(r, 2500));
    fs.rmSync(cache.lock);
    const r = await running;
    expect(r.output).toContain(`another build with the same settings (process ${process.pid}) is using their cache: waiting for it to end`);
    // Once the lock is released it builds (this content folder's notice is refused by the content checks).
    expect(r.output).toMatch(/building \S+dist-other from scratch/);
  }, 120_000);
});
