/**
 * Image files that sit beside an imported CSV (docs/exchange/csv.md, "Images beside the CSV"): the images of
 * the notice with id `MO-2024-0001` are looked for in the folder `MO-2024-0001/` next to the CSV file,
 * under the file names of its `images` cell. A row whose every image is found there is a whole notice; a
 * row with one missing stays a draft without images. Only reads.
 */
import fs from 'node:fs';
import path from 'node:path';
import { NOTICE_ID } from '../../model/notice-ids.ts';
import { normaliseImagePath } from '../../model/images.ts';
import type { CandidateImage } from './candidate.ts';

/** The largest image file taken from beside a CSV, in bytes (the loader checks its pixels later). */
export const MAX_IMPORT_IMAGE_BYTES = 50 * 1024 * 1024;

/** The file name of an image's `src` when it is a plain file name (no folder, nothing leaving the folder), else undefined. */
function plainFileName(src: unknown): string | undefined {
  if (typeof src !== 'string') return undefined;
  const r = normaliseImagePath(src);
  if (!r.ok) return undefined;
  const name = r.path.slice(2);
  return name.includes('/') ? undefined : name;
}

/**
 * The files of `images` (frontmatter image items, `src` a file name) in the folder `<id>/` beside
 * `csvFile`, or undefined unless every one is there as a regular file (not a link) of at most
 * MAX_IMPORT_IMAGE_BYTES. `images` with `src` set to the plain file name are returned with them.
 */
export function imagesBesideCsv(
  csvFile: string,
  id: unknown,
  images: ReadonlyArray<Record<string, unknown>>,
): { images: Array<Record<string, unknown>>; files: CandidateImage[] } | undefined {
  if (typeof id !== 'string' || !NOTICE_ID.test(id) || images.length === 0) return undefined;
  const folder = path.join(path.dirname(csvFile), id);
  const files: CandidateImage[] = [];
  const items: Array<Record<string, unknown>> = [];
  for (const img of images) {
    const name = plainFileName(img.src);
    if (name === undefined) return undefined;
    const file = path.join(folder, name);
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(file);
    } catch {
      return undefined;
    }
    if (!stat.isFile() || stat.size > MAX_IMPORT_IMAGE_BYTES) return undefined;
    if (!files.some((f) => f.file === name)) files.push({ file: name, bytes: new Uint8Array(fs.readFileSync(file)) });
    items.push({ ...img, src: name });
  }
  return { images: items, files };
}
