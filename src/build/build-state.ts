/**
 * What `npm run build` remembers about the last build of an out folder (docs/architecture.md,
 * "Incremental build"), so that the next one does only what changed:
 * - the digest of its inputs (the content folder, the code, the lock files, the settings): equal inputs
 *   and an untouched out folder mean the out folder is already what a build would make;
 * - the digest of the out folder it left (every file's path, size, modification and change times, inode):
 *   an out folder that changed since (a file deleted, edited, added) is never trusted;
 * - the digest of Astro's incremental-build manifest it left: Astro keeps a page that is already in the
 *   out folder when its cache key is unchanged, which is right only when the out folder was made from
 *   that very manifest (another out folder built with the same cache in between changes it);
 * - the digest of the pages the search index was made from (src/search/search-index.ts).
 * Stat digests, not content hashes: a file rewritten with the same bytes makes a build run (which is then
 * incremental), never the reverse, since any write changes a file's change time (ctime), which no tool can
 * set back. One JSON file per out folder in `<cache>/modus-build/`; it is removed when a build starts and
 * written when one ends well, so a failed or interrupted build is never taken for a finished one.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** The state of the last finished build of one out folder (all digests are hex SHA-256). */
export interface BuildState {
  /** Digest of the build's inputs (`inputsDigest`). */
  inputs: string;
  /** Digest of the out folder as the build left it (`treeDigest`). */
  dist: string;
  /** Digest of Astro's incremental-build manifest as the build left it ('' when there was none). */
  astroManifest: string;
  /** Digest of the searchable pages the search index was made from (src/search/search-index.ts). */
  searchPages: string;
}

/**
 * Calls `visit(relativePath, stats)` for every file under `dir` (not following links: a link is
 * visited as itself), in sorted path order, skipping the folders whose relative path is in `skip`.
 * A missing `dir` visits nothing.
 */
function walk(dir: string, skip: ReadonlySet<string>, visit: (rel: string, st: fs.BigIntStats) => void, rel = ''): void {
  let names: string[];
  try {
    names = fs.readdirSync(path.join(dir, rel)).sort();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  for (const name of names) {
    const r = rel ? `${rel}/${name}` : name;
    if (skip.has(r)) continue;
    const st = fs.lstatSync(path.join(dir, r), { bigint: true });
    if (st.isDirectory()) walk(dir, skip, visit, r);
    else visit(r, st);
  }
}

/**
 * Digest of the files under `dir` (or of `dir` itself when it is a file): each file's path relative to
 * `dir`, size, modification and change times (ns) and inode. A file written, replaced, touched, added or
 * removed changes it; reading does not. `skip`: relative paths of folders (or files) left out.
 */
export function treeDigest(dir: string, skip: readonly string[] = []): string {
  const hash = createHash('sha256');
  const stat = fs.statSync(dir, { throwIfNoEntry: false, bigint: true });
  if (stat?.isFile()) {
    hash.update(`${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}:${stat.ino}`);
    return hash.digest('hex');
  }
  walk(dir, new Set(skip), (rel, st) => hash.update(`${rel}\0${st.size}:${st.mtimeNs}:${st.ctimeNs}:${st.ino}\n`));
  return hash.digest('hex');
}

/** Digest of a file's bytes, or '' when there is no such file. */
export function fileDigest(file: string): string {
  try {
    return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw err;
  }
}

/** The project's files a build reads besides the content folder: code, configuration, lock files, public files. */
export const CODE_INPUTS = [
  'astro.config.mjs',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'src',
  'public',
  'scripts/build.mjs',
  'scripts/lib',
  // npm rewrites it on every install: packages changed without a change of package-lock.json.
  'node_modules/.package-lock.json',
];

/**
 * Digest of everything a build of `contentDir` reads: the content folder, `CODE_INPUTS` under `root`,
 * `settings` (any JSON value: the resolved
 * settings, the build's arguments) and the Node version. Equal digests mean a build would make the same
 * out folder.
 */
export function inputsDigest(root: string, contentDir: string, settings: unknown): string {
  const hash = createHash('sha256');
  hash.update(`node ${process.version}\n${JSON.stringify(settings)}\n`);
  hash.update(`content ${treeDigest(contentDir)}\n`);
  for (const input of CODE_INPUTS) hash.update(`${input} ${treeDigest(path.join(root, input))}\n`);
  return hash.digest('hex');
}

/** The state file of the out folder `outDir` in `stateDir` (one per absolute out folder path). */
export function stateFile(stateDir: string, outDir: string): string {
  const key = createHash('sha256').update(path.resolve(outDir)).digest('hex').slice(0, 16);
  return path.join(stateDir, `${key}.json`);
}

/** The state of the last finished build of `outDir`, or null when there is none (or it cannot be read). */
export function readBuildState(stateDir: string, outDir: string): BuildState | null {
  try {
    const s = JSON.parse(fs.readFileSync(stateFile(stateDir, outDir), 'utf8')) as Partial<BuildState>;
    const fields = [s.inputs, s.dist, s.astroManifest, s.searchPages];
    return fields.every((f) => typeof f === 'string') ? (s as BuildState) : null;
  } catch {
    return null;
  }
}

/** Writes the state of a finished build of `outDir`. */
export function writeBuildState(stateDir: string, outDir: string, state: BuildState): void {
  fs.mkdirSync(stateDir, { recursive: true });
  fs.writeFileSync(stateFile(stateDir, outDir), `${JSON.stringify(state, null, 2)}\n`);
}

/** Forgets the last build of `outDir` (done when a build starts: until it ends well, nothing is trusted). */
export function clearBuildState(stateDir: string, outDir: string): void {
  fs.rmSync(stateFile(stateDir, outDir), { force: true });
}
