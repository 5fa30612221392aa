/**
 * A copy of the project in a temporary folder, for tests that change the code or the lock file (a
 * vocabulary label, a dependency upgrade) or need a build cache of their own, without touching the
 * checkout: the code, configuration and lock file are copied; node_modules is a folder of links to the
 * checkout's packages, so Vite's own caches (node_modules/.vite) stay in the copy. Each copy has its
 * own caches (`.cache/`: Astro's content store and incremental build, image variants) and `.astro/`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, runNode, tempDir, type RunResult } from './site.ts';

/** What a build of the site needs besides node_modules: the code, the configuration and the lock file. */
const PROJECT_FILES = ['astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json', 'src', 'scripts', 'public'];

/** A copy of the project: its folder, a build in it, and its removal. */
export interface ProjectCopy {
  root: string;
  /** Builds `contentDir` into `outDir` as `npm run build` does, in the copy (its code, its caches). */
  build(contentDir: string, outDir: string, env?: Record<string, string>): Promise<RunResult>;
  remove(): void;
}

/**
 * Copies the project at `from` (default the checkout; or another copy, with its changes) into a fresh
 * temporary folder. Out folders must not be named with the copy's folder as a prefix (Astro 7.3 then
 * takes them for part of the project and its pages cannot load their packages): use `tempDir`.
 */
export function copyProject(from: string = ROOT): ProjectCopy {
  const root = tempDir('project');
  for (const name of PROJECT_FILES) {
    fs.cpSync(path.join(from, name), path.join(root, name), {
      recursive: true,
      // The CMS files Decap's integration writes into public/admin/ are made by each build.
      filter: (src) => path.relative(path.join(from, 'public'), src) !== 'admin',
    });
  }
  const modules = path.join(root, 'node_modules');
  fs.mkdirSync(modules);
  const source = fs.realpathSync(path.join(ROOT, 'node_modules'));
  for (const entry of fs.readdirSync(source)) {
    // Packages and their binaries; not the caches of Vite, Vitest or Astro (.vite, .vitest-cache, .astro).
    if (entry.startsWith('.') && entry !== '.bin') continue;
    fs.symlinkSync(path.join(source, entry), path.join(modules, entry));
  }
  return {
    root,
    build: (contentDir, outDir, env = {}) =>
      runNode([path.join(root, 'scripts/build.mjs'), '--outDir', outDir], { MODUS_CONTENT_DIR: contentDir, ...env }, 600_000, root),
    remove: () => fs.rmSync(root, { recursive: true, force: true }),
  };
}
