/**
 * The body of a notice, course or translation as written in its file: the content store keeps only the
 * rendered HTML (src/loading/loader/bodies.ts), while a JSON document carries the Markdown source.
 */
import fs from 'node:fs';
import path from 'node:path';
import { splitEntry } from '../../loading/frontmatter.ts';

/**
 * The body of the entry file at `filePath` (as a content entry gives it: relative to the project `root`,
 * or absolute), read as the site reads it (src/loading/frontmatter.ts). Throws when the file cannot be
 * read: an entry of the build whose file is gone must stop the build rather than publish an empty body.
 */
export function entryBody(filePath: string, root: string): string {
  return splitEntry(fs.readFileSync(path.resolve(root, filePath), 'utf8')).body;
}
