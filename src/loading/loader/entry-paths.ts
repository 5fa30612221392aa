/**
 * Entry-path safety: the content folder must exist (unless the collection is optional), every entry
 * file must be a real file inside it (no link leaving it), entries cached from another content folder
 * are forgotten, and files are named in messages relative to the project when they are inside it.
 * The loader only reads the content folder; it never writes, moves or deletes a content file.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { LoaderContext } from 'astro/loaders';
import { AstroError } from 'astro/errors';
import type { ContentProblem } from '../problems.ts';

/**
 * True when the collection's folder `base` exists. False when it does not and the collection is
 * `optional` (an empty collection, e.g. a site without courses). Throws an AstroError saying which
 * folder is missing otherwise.
 */
export function collectionFolderExists(base: string, optional: boolean): boolean {
  if (fs.existsSync(base)) return true;
  if (optional) return false;
  const contentDir = path.dirname(base);
  throw new AstroError(
    fs.existsSync(contentDir)
      ? `The content folder ${contentDir} has no ${path.basename(base)}/ folder.`
      : `The content folder ${contentDir} does not exist.`,
    'MODUS_CONTENT_DIR names the folder holding notices/ (and courses/); by default it is content/ in this project.',
  );
}

/**
 * How a content file is named in messages: relative to the project (`content/notices/x/index.mdx`)
 * when inside it, else absolute (a content folder elsewhere, set with MODUS_CONTENT_DIR), never a
 * `../../..` path. `file` may be absolute or relative to `rootDir`.
 */
export function displayPath(rootDir: string, file: string): string {
  const abs = path.resolve(rootDir, file);
  const relative = path.relative(rootDir, abs);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : abs;
}

/**
 * Removes stored entries whose file is not inside `base`. Astro's glob loader keeps a cached entry
 * when a file with the same id and the same content digest appears, without looking at its path: after
 * MODUS_CONTENT_DIR changes (tests, benchmarks, a second corpus), entries, their images and their
 * MDX would still be read from the previous folder, or fail once it is gone.
 */
export function forgetEntriesOutside(ctx: LoaderContext, rootDir: string, base: string): void {
  const inside = path.resolve(base) + path.sep;
  for (const e of [...ctx.store.values()]) {
    const abs = e.filePath ? path.resolve(rootDir, e.filePath) : '';
    if (!abs.startsWith(inside)) ctx.store.delete(e.id);
  }
}

/**
 * The problem with an entry file (`file` as named in messages, `abs` its path), if any: it must be
 * readable and a real file inside the content folder (`realBase`, links resolved), not a link to
 * somewhere else.
 */
export function checkEntryFile(file: string, abs: string, realBase: string): ContentProblem[] {
  let real: string;
  try {
    real = fs.realpathSync(abs);
  } catch {
    return [{ file, field: '(file)', message: 'The file cannot be read.' }];
  }
  if (!real.startsWith(realBase + path.sep)) {
    return [
      {
        file,
        field: '(file)',
        message: `The entry is a link to ${real}, outside the content folder. Copy the entry into the content folder instead of linking to it.`,
      },
    ];
  }
  return [];
}
