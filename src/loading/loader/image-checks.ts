/**
 * Image checks of an entry: each image its frontmatter names must be inside the content folder (no
 * link leaving it), present, a file, readable, whole and within the pixel limit
 * (src/loading/images/image-file.ts). Bodies show no images (src/loading/body/body-policy.ts): every
 * image is in the frontmatter.
 */
import fs from 'node:fs';
import path from 'node:path';
import { checkImageFile, type ImageHeader } from '../images/image-file.ts';
import type { ContentProblem } from '../problems.ts';

/** An image an entry names: its field, its path as written, and why it was refused already, if it was. */
export interface NamedImage {
  field: string;
  src: string;
  refused?: string;
  line?: number;
  column?: number;
}

/**
 * Checks each image `refs` of the entry file `file` (as named in messages, relative to `root`); the
 * content folder is `realBase` (links resolved). Returns the problems; the header of each good image
 * is put in `headers` by its absolute path.
 */
export async function checkImages(
  file: string,
  root: string,
  realBase: string,
  refs: ReadonlyArray<NamedImage>,
  maxPixels: number,
  headers: Map<string, ImageHeader>,
): Promise<ContentProblem[]> {
  const problems: ContentProblem[] = [];
  const entryDir = path.dirname(path.resolve(root, file));
  for (const { field, src, refused, line, column } of refs) {
    const where = line ? { line, column } : {};
    if (refused) {
      problems.push({ file, field, ...where, message: refused });
      continue;
    }
    const relPath = src.replace(/^\.\//, '');
    const abs = path.resolve(entryDir, relPath);
    if (!fs.existsSync(abs)) {
      const here = fs.readdirSync(entryDir).filter((f) => /\.(jpe?g|png|webp|avif|gif|tiff?)$/i.test(f));
      problems.push({
        file,
        field,
        ...where,
        message: `Image "${relPath}" not found beside index.mdx.${here.length ? ` Images in this folder: ${here.join(', ')}.` : ' The folder holds no images.'}`,
      });
      continue;
    }
    const real = fs.realpathSync(abs);
    if (!real.startsWith(realBase + path.sep)) {
      problems.push({
        file,
        field,
        ...where,
        message: `Image "${relPath}" is a link to a file outside the content folder; copy the image into the notice folder instead.`,
      });
      continue;
    }
    if (!fs.statSync(real).isFile()) {
      problems.push({ file, field, ...where, message: `Image "${relPath}" is a folder, not an image file.` });
      continue;
    }
    const result = await checkImageFile(real, maxPixels, relPath);
    if (!result.ok) problems.push({ file, field, ...where, message: result.message });
    else headers.set(abs, result.header);
  }
  return problems;
}
