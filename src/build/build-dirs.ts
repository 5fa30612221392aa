/**
 * Where `npm run build` (scripts/build.mjs) keeps its caches, so that several builds can run side by side
 * in one checkout (two `npm start` previews of two audiences or two content folders, on two ports):
 * - one Astro cache per combination of settings (`.cache/builds/<audience>-<content folder>-<digest>/`):
 *   Astro's cache (`astro/`: content store, incremental-build manifest and page cache) and the dist check's
 *   results (`dist-check/`). Builds with other settings never touch it; builds with the same settings into
 *   other out folders reuse it (an unchanged page is copied, not rendered), one at a time (its lock);
 * - one lock per out folder: two builds never write the same out folder;
 * - the image cache stays shared by every build (`.cache/astro/modus-images/`): variants are named by their
 *   source's content and written under a temporary name, then renamed.
 * A settings cache whose content folder no longer exists (a test's temporary copy, say) is removed by the
 * next build that is not using it.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** The folder, under the project root, of the per-settings caches. */
export const BUILD_CACHES = '.cache/builds';

/** The cache of one combination of settings: its folder and what is in it. */
export interface SettingsCache {
  /** The folder, `<root>/.cache/builds/<key>/`. */
  dir: string;
  /** Astro's `cacheDir` for the builds with these settings. */
  astro: string;
  /** The dist check's results (src/dist-check/results-manifest.ts). */
  distCheck: string;
  /** Held by the build using this cache (one at a time). */
  lock: string;
  /** Written while `astro build` runs (scripts/build.mjs: an interrupted build's page cache is dropped). */
  astroRunning: string;
}

/**
 * The cache of the builds with `settings` (the resolved settings, src/settings.ts: any JSON value with a
 * `contentDir` and an `audience`) in the project `root`. Two different settings never share one; the
 * folder's name starts with the audience and the content folder's name, for whoever looks into .cache/.
 */
export function settingsCache(root: string, settings: { contentDir: string; audience: string }): SettingsCache {
  const digest = createHash('sha256').update(JSON.stringify(settings)).digest('hex').slice(0, 12);
  const name = `${settings.audience}-${path.basename(settings.contentDir)}`.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 60);
  const dir = path.join(root, BUILD_CACHES, `${name}-${digest}`);
  return {
    dir,
    astro: path.join(dir, 'astro'),
    distCheck: path.join(dir, 'dist-check'),
    lock: path.join(dir, 'build.lock'),
    astroRunning: path.join(dir, 'astro-running'),
  };
}

/** True when a process `pid` exists (signal 0 only asks). */
function alive(pid: number): boolean {
  try {
    return pid > 0 && process.kill(pid, 0);
  } catch (err) {
    // EPERM: it exists, but belongs to another user.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the lock file `file` for this process. Returns null when taken (a lock left by a process that
 * no longer runs is taken over), or the id of the running process that holds it.
 */
export function takeLock(file: string): number | null {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
    return null;
  } catch {
    const pid = Number(fs.readFileSync(file, 'utf8'));
    if (pid !== process.pid && alive(pid)) return pid;
    fs.writeFileSync(file, String(process.pid));
    return null;
  }
}

/** Releases a lock this process took (`takeLock`); a lock another process holds is left alone. */
export function releaseLock(file: string): void {
  try {
    if (Number(fs.readFileSync(file, 'utf8')) === process.pid) fs.rmSync(file, { force: true });
  } catch {
    // Already gone.
  }
}

/** The lock of the out folder `outDir`, in the build state folder `stateDir` (one per absolute out folder path). */
export function outFolderLock(stateDir: string, outDir: string): string {
  const key = createHash('sha256').update(path.resolve(outDir)).digest('hex').slice(0, 16);
  return path.join(stateDir, `${key}.lock`);
}

/** The file in a settings cache that names its content folder (for `pruneSettingsCaches`). */
const CONTENT_FOLDER = 'content-folder';

/** Records in `cache` which content folder it was made from (`contentDir`, absolute). */
export function recordContentFolder(cache: SettingsCache, contentDir: string): void {
  fs.mkdirSync(cache.dir, { recursive: true });
  fs.writeFileSync(path.join(cache.dir, CONTENT_FOLDER), contentDir);
}

/**
 * Removes the settings caches under `root` whose content folder no longer exists and that no running
 * build holds. Returns the folders removed.
 */
export function pruneSettingsCaches(root: string): string[] {
  const base = path.join(root, BUILD_CACHES);
  const removed: string[] = [];
  for (const name of fs.existsSync(base) ? fs.readdirSync(base) : []) {
    const dir = path.join(base, name);
    let contentDir: string;
    let holder: number;
    try {
      contentDir = fs.readFileSync(path.join(dir, CONTENT_FOLDER), 'utf8');
      holder = fs.existsSync(path.join(dir, 'build.lock')) ? Number(fs.readFileSync(path.join(dir, 'build.lock'), 'utf8')) : 0;
    } catch {
      continue; // being made, or not a settings cache: left alone
    }
    if (!contentDir || fs.existsSync(contentDir) || (holder && alive(holder))) continue;
    fs.rmSync(dir, { recursive: true, force: true });
    removed.push(dir);
  }
  return removed;
}
