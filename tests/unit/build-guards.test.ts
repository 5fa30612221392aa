/**
 * What `npm run build` (scripts/build.mjs) refuses before it touches anything, run in a copy of the
 * project (so a broken guard can only harm the copy). Prevents: `--outDir .` or `--outDir content`
 * emptying the project or its notices (the out folder is emptied before a clean build), and two builds
 * in one checkout at once (they share Astro's cache and would empty each other's out folder).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNode } from '../helpers/site.ts';
import { copyProject, type ProjectCopy } from '../helpers/project-copy.ts';

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

  it('a second build while one runs in the same checkout, naming the running one', async () => {
    const lock = path.join(project.root, '.cache/modus-build/build.lock');
    fs.mkdirSync(path.dirname(lock), { recursive: true });
    // This test's own process stands for the running build.
    fs.writeFileSync(lock, String(process.pid));
    const r = await build(['--outDir', path.join(project.root, 'dist')]);
    expect(r.code).toBe(1);
    expect(r.output).toContain(`Modus: another build (process ${process.pid}) is running in this checkout.`);
    fs.rmSync(lock);
  });
});
