/**
 * The dist check's manifest of results: what the check found in each file of the last dist/ it checked,
 * kept outside dist/ (by the build in `<audience>.json` in the cache of its settings, src/build/build-dirs.ts), so that the next
 * check reads again only the files that changed. A file's stored findings are reused when its bytes
 * (SHA-256), what the rules look for in it (its file key) and what they look for in every file (the
 * verdict key: the withheld ids, texts, paths and filter values of this audience, the settings and the
 * code's version) are all unchanged; otherwise it is scanned. A manifest that is absent, unreadable or of
 * another format is no manifest: every file is scanned.
 */
import fs from 'node:fs';
import path from 'node:path';

/** Version of the manifest's format; a manifest of another format is ignored. */
export const RESULTS_FORMAT = 1;

/** One finding a rule's `file` check reported: the rule's place in the runner's list, the file named, the message. */
export type StoredFinding = [rule: number, file: string, message: string];

/** The results for one file of dist/. */
export interface FileResult {
  /** Hex SHA-256 of the file's bytes when it was scanned. */
  hash: string;
  /** What the rules looked for in this file only (their `fileKey`s). */
  fileKey: string;
  /** What the rules' `file` checks reported, in order (empty for a clean file). */
  findings: StoredFinding[];
}

/** The manifest: the verdict key it was made under, and the results of each file by its path in dist/. */
export interface ResultsManifest {
  format: typeof RESULTS_FORMAT;
  verdictKey: string;
  files: Record<string, FileResult>;
}

/** True when `v` is a well-formed FileResult. */
function isFileResult(v: unknown): v is FileResult {
  const r = v as FileResult;
  return (
    typeof r === 'object' &&
    r !== null &&
    typeof r.hash === 'string' &&
    typeof r.fileKey === 'string' &&
    Array.isArray(r.findings) &&
    r.findings.every(
      (f) => Array.isArray(f) && f.length === 3 && Number.isInteger(f[0]) && typeof f[1] === 'string' && typeof f[2] === 'string',
    )
  );
}

/**
 * The manifest stored at `file`, or undefined when there is none, or it cannot be read or parsed, or
 * is of another format (the check then scans every file). Never throws.
 */
export function readResultsManifest(file: string): ResultsManifest | undefined {
  try {
    const m = JSON.parse(fs.readFileSync(file, 'utf8')) as ResultsManifest;
    if (m?.format !== RESULTS_FORMAT || typeof m.verdictKey !== 'string' || typeof m.files !== 'object' || m.files === null)
      return undefined;
    return m;
  } catch {
    return undefined;
  }
}

/**
 * The stored results of `rel` when they can be reused for a file of this `hash` and `fileKey` under
 * `verdictKey`; undefined when the file must be scanned.
 */
export function reusableResult(
  manifest: ResultsManifest | undefined,
  verdictKey: string,
  rel: string,
  hash: string,
  fileKey: string,
): FileResult | undefined {
  if (!manifest || manifest.verdictKey !== verdictKey || !Object.hasOwn(manifest.files, rel)) return undefined;
  const r = manifest.files[rel];
  return isFileResult(r) && r.hash === hash && r.fileKey === fileKey ? r : undefined;
}

/** Writes `manifest` to `file` (its folder created), whole or not at all (written aside, then renamed). Throws when it cannot be written. */
export function writeResultsManifest(file: string, manifest: ResultsManifest): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(manifest));
  fs.renameSync(tmp, file);
}
