/**
 * One import, from the file to the notice folders (docs/exchange/import.md): the file's size checked
 * before it is read, its format recognised (readers.ts), its reader run with progress, then the writer
 * (write-notices.ts): all or nothing. `npm run import` (scripts/import.mjs) runs it and prints
 * `importLines`; tests run it with readers of their own.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ImportProblem, ReadProgress } from './candidate.ts';
import {
  detectFormat,
  FORMAT_NAMES,
  IMPORT_MAX_BYTES,
  IMPORT_MAX_BYTES_ANY,
  READERS,
  sizeProblem,
  type ImportFormat,
  type NoticeReader,
} from './readers.ts';
import { writeNotices, type WriteNoticesResult } from './write-notices.ts';

/** What one import is asked to do. */
export interface ImportRequest {
  /** The import file, as given (named so in messages). */
  file: string;
  /** Absolute content folder (holding `notices/`). */
  contentDir: string;
  dryRun?: boolean;
  /** Largest image accepted, in pixels (the build's MODUS_IMAGE_MAX_PIXELS). */
  imageMaxPixels?: number;
  today?: Date;
}

/** What an import did: the format read, the reader's notes, and the writer's result (problems, or notices written). */
export interface ImportOutcome extends WriteNoticesResult {
  format?: ImportFormat;
  notes: string[];
}

/** Files at least this large (bytes) show their reading progress. */
export const LARGE_IMPORT_BYTES = 1024 * 1024;

/**
 * Runs one import. `progressFor(total, format)` is asked for a progress callback when the file is large
 * (LARGE_IMPORT_BYTES), and `done()` once reading is over. Never throws for a bad file (its problems are
 * in the outcome); throws on a failure of the file system while writing (after undoing what it wrote).
 */
export async function runImport(
  request: ImportRequest,
  readers: Readonly<Record<ImportFormat, NoticeReader>> = READERS,
  progressFor?: (bytes: number, format: ImportFormat) => { progress: ReadProgress; done: () => void },
): Promise<ImportOutcome> {
  const { file } = request;
  const failed = (problem: ImportProblem, format?: ImportFormat): ImportOutcome => ({
    notices: [],
    written: false,
    notes: [],
    problems: [problem],
    format,
  });
  let size: number;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) return failed({ file, where: '', field: '', message: 'Not a file: give the path of the file to import.' });
    size = stat.size;
  } catch {
    return failed({ file, where: '', field: '', message: `No such file (looked in ${path.resolve(file)}).` });
  }
  const tooLarge = sizeProblem(file, size, IMPORT_MAX_BYTES_ANY);
  if (tooLarge) return failed(tooLarge);
  const bytes = new Uint8Array(fs.readFileSync(file));
  const detected = detectFormat(file, bytes);
  if ('problem' in detected) return failed(detected.problem);
  const { format } = detected;
  const tooLargeForFormat = sizeProblem(file, bytes.length, IMPORT_MAX_BYTES[format], `a ${FORMAT_NAMES[format]} file`);
  if (tooLargeForFormat) return failed(tooLargeForFormat, format);
  const shown = bytes.length >= LARGE_IMPORT_BYTES ? progressFor?.(bytes.length, format) : undefined;
  let read;
  try {
    read = readers[format](file, bytes, shown?.progress ?? (() => {}));
  } finally {
    shown?.done();
  }
  const notes = read.notes ?? [];
  if (read.problems.length > 0) return { notices: [], written: false, problems: read.problems, notes, format };
  const written = await writeNotices(read.candidates, {
    contentDir: request.contentDir,
    file,
    dryRun: request.dryRun,
    today: request.today,
    imageMaxPixels: request.imageMaxPixels,
  });
  return { ...written, notes, format };
}

/** One problem on one line: `file: where: field: message` (empty parts left out; a line break inside a part, e.g. a quoted cell, shown as `⏎`). */
export function problemLine(p: ImportProblem): string {
  return [p.file, p.where, p.field, p.message]
    .filter((part) => part !== '')
    .join(': ')
    .replace(/\r?\n/g, ' ⏎ ');
}

/**
 * What `npm run import` prints for an outcome: each problem on its line and "nothing was written"; or
 * each folder written (or, in a dry run, that would be written) and the drafts to finish in the CMS.
 * `ok` is false when there was a problem (exit code 1).
 */
export function importLines(outcome: ImportOutcome, request: ImportRequest): { ok: boolean; lines: string[] } {
  if (outcome.problems.length > 0) {
    // Notes (such as "imported as a draft") describe what was written: nothing was.
    const lines: string[] = [];
    const n = outcome.problems.length;
    lines.push(...outcome.problems.map(problemLine), `${n} problem${n === 1 ? '' : 's'} in ${request.file}; nothing was written.`);
    return { ok: false, lines };
  }
  const lines = outcome.notes.map((n) => `note: ${request.file}: ${n}`);
  const where = path.join(request.contentDir, 'notices');
  const count = `${outcome.notices.length} notice${outcome.notices.length === 1 ? '' : 's'}`;
  const from = outcome.format ? ` (${FORMAT_NAMES[outcome.format]})` : '';
  lines.push(request.dryRun ? `Dry run: ${count} would be written to ${where}${from}:` : `Wrote ${count} to ${where}${from}:`);
  for (const n of outcome.notices) lines.push(`  ${n.folder}  ${n.id}  ${n.title}${n.draft ? '  (draft)' : ''}`);
  const drafts = outcome.notices.filter((n) => n.draft);
  if (drafts.length > 0) {
    lines.push(
      `${drafts.length} draft${drafts.length === 1 ? '' : 's'} to finish in the CMS (no build shows ${drafts.length === 1 ? 'it' : 'them'} until then): ` +
        'open each one, fill in what is missing (images, summary, indicators, sources…), untick "Draft" and save.',
      ...drafts.map((n) => `  ${n.id}  ${n.folder}`),
    );
  }
  if (request.dryRun) lines.push('Nothing was written (--dry-run).');
  return { ok: true, lines };
}
