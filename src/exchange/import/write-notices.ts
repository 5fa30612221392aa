/**
 * The import writer (docs/exchange/import.md): takes the notice candidates a reader found in an
 * import file (src/exchange/import/candidate.ts) and writes one notice folder each under
 * `<contentDir>/notices/`, in the exact form the CMS writes (notice-files.ts). All or nothing: every
 * candidate is checked first (check-candidates.ts: schema or draft schema, translations, images, ids new
 * to the content folder and to the file), and when any problem is found nothing at all is written.
 * Each folder is written under a temporary name starting with a dot (`.import-…`, which the content
 * loader never reads) and renamed into place once whole, so no folder is ever half-written; an existing
 * notice or folder is never overwritten. A candidate without an id gets the next free `MO-<year>-NNNN`.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { checkImageFile } from '../../loading/images/image-file.ts';
import type { ImportProblem, NoticeCandidate } from './candidate.ts';
import { assignIds, checkCandidates } from './check-candidates.ts';
import { readExistingNotices } from './existing-notices.ts';
import { freeFolderSlug } from './folder-slug.ts';
import { noticeFiles, type NoticeFile } from './notice-files.ts';

/** What the writer is given besides the candidates. */
export interface WriteNoticesOptions {
  /** Absolute content folder (holding `notices/`). */
  contentDir: string;
  /** The import file, as named in messages. */
  file: string;
  /** Check and plan only; write nothing. */
  dryRun?: boolean;
  /** Today, for the year of a new id (default: now). */
  today?: Date;
  /** Largest image accepted, in pixels (width × height), as the build's MODUS_IMAGE_MAX_PIXELS; default no limit. */
  imageMaxPixels?: number;
}

/** One notice folder written (or, in a dry run, that would be written). */
export interface WrittenNotice {
  id: string;
  title: string;
  /** Relative to the content folder: `notices/<folder>`. */
  folder: string;
  /** True when written as a draft, to finish in the CMS. */
  draft: boolean;
  /** File names in the folder. */
  files: string[];
}

/** What the writer did: the notices (written, or planned in a dry run) and every problem (then nothing is written). */
export interface WriteNoticesResult {
  notices: WrittenNotice[];
  problems: ImportProblem[];
  /** True when the folders are on disk. */
  written: boolean;
}

/** Prefix of the temporary folders: a dot, so neither the loader nor any tool of Modus reads them as notices. */
export const TEMP_FOLDER_PREFIX = '.import-';

interface Planned {
  notice: WrittenNotice;
  /** Where the reader found it (for messages). */
  where: string;
  files: NoticeFile[];
}

/**
 * Checks every candidate and, when none has a problem (and not `dryRun`), writes them all. Returns the
 * problems (nothing written) or the notices written. Throws only on a file system failure, after
 * removing whatever it had written in this run.
 */
export async function writeNotices(candidates: readonly NoticeCandidate[], options: WriteNoticesOptions): Promise<WriteNoticesResult> {
  const { contentDir, file } = options;
  if (candidates.length === 0) {
    return { notices: [], written: false, problems: [{ file, where: '', field: '', message: 'The file holds no notice to import.' }] };
  }
  const existing = readExistingNotices(contentDir);
  const today = options.today ?? new Date();
  const frontmatters = assignIds(candidates, existing, today);
  const { ready, problems } = checkCandidates(file, candidates, frontmatters, existing, today);
  if (problems.length > 0) return { notices: [], problems, written: false };

  const taken = new Set(existing.takenSlugs);
  const planned: Planned[] = [];
  for (const r of ready) {
    const slug = freeFolderSlug(r.title, r.id, taken, r.candidate.slug);
    const files = await noticeFiles(r.candidate, r.frontmatter);
    planned.push({
      notice: { id: r.id, title: r.title, folder: path.join('notices', slug), draft: r.draft, files: files.map((f) => f.name) },
      where: r.candidate.where,
      files,
    });
  }
  if (options.dryRun) return { notices: planned.map((p) => p.notice), problems: [], written: false };
  return writeAll(planned, options);
}

/** Writes every planned folder under a temporary name, checks its images, then renames them all into place. */
async function writeAll(planned: readonly Planned[], options: WriteNoticesOptions): Promise<WriteNoticesResult> {
  const noticesDir = path.join(options.contentDir, 'notices');
  fs.mkdirSync(noticesDir, { recursive: true });
  const temps: string[] = [];
  const placed: string[] = [];
  const undo = () => {
    for (const dir of [...temps, ...placed]) fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    const problems: ImportProblem[] = [];
    for (const p of planned) {
      const temp = path.join(noticesDir, `${TEMP_FOLDER_PREFIX}${path.basename(p.notice.folder)}-${crypto.randomBytes(4).toString('hex')}`);
      fs.mkdirSync(temp);
      temps.push(temp);
      for (const f of p.files) fs.writeFileSync(path.join(temp, f.name), f.content, { flag: 'wx' });
      // Images are checked from their files as the build checks them (type, whole, pixel limit).
      for (const f of p.files) {
        if (typeof f.content === 'string') continue;
        const r = await checkImageFile(path.join(temp, f.name), options.imageMaxPixels ?? Infinity, f.name);
        if (!r.ok) problems.push({ file: options.file, where: p.where, field: 'images', message: r.message });
      }
    }
    if (problems.length > 0) {
      undo();
      return { notices: [], problems, written: false };
    }
    planned.forEach((p, i) => {
      const final = path.join(options.contentDir, p.notice.folder);
      // Never over an existing folder (one made since the check, by an editor or another import).
      if (fs.existsSync(final)) throw new Error(`${p.notice.folder} appeared while importing; nothing was written. Import again.`);
      fs.renameSync(temps[i]!, final);
      placed.push(final);
    });
    return { notices: planned.map((p) => p.notice), problems: [], written: true };
  } catch (err) {
    undo();
    throw err;
  }
}
