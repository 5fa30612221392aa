/**
 * The Markdown bodies of content entries for the exchange files (JSON documents, STIX extension): the
 * content store keeps only a body's rendered HTML, so the body is read from the entry's own file, as
 * written (src/exchange/json/entry-body.ts).
 */
import { entryBody } from '../../exchange/json/entry-body.ts';

/**
 * The body of a content entry as written in its file (entries' paths are relative to the project, where the
 * build runs). Throws when the entry has no file (an entry from another loader): its exports cannot carry its body.
 */
export function bodyOf(entry: { id: string; filePath?: string }): string {
  if (!entry.filePath) throw new Error(`Entry ${entry.id} has no file: its exports cannot carry its body.`);
  return entryBody(entry.filePath, process.cwd());
}
