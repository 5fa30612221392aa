/**
 * The Markdown bodies of content entries for the exchange files (JSON documents, STIX extension): the
 * content store keeps only a body's rendered HTML, so the body is read from the entry's own file, as
 * written (src/exchange/json/entry-body.ts).
 */
import { entryBody } from '../../exchange/json/entry-body.ts';

/** Bodies read in this build, by entry: the JSON documents, the STIX bundles and the CSV read each file once. */
const bodies = new WeakMap<object, string>();

/**
 * The body of a content entry as written in its file (entries' paths are relative to the project, where the
 * build runs). Throws when the entry has no file (an entry from another loader): its exports cannot carry its body.
 */
export function bodyOf(entry: { id: string; filePath?: string }): string {
  let body = bodies.get(entry);
  if (body === undefined) {
    if (!entry.filePath) throw new Error(`Entry ${entry.id} has no file: its exports cannot carry its body.`);
    body = entryBody(entry.filePath, process.cwd());
    bodies.set(entry, body);
  }
  return body;
}
