/**
 * What Pagefind indexed of each page of a built site, read from its fragment files in Node (the same
 * decoding as the dist check's, src/dist-check/pagefind/files.ts): the page's address, the text it
 * indexed (the text excerpts are cut from) and its metadata.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pagefindPayload } from '../../src/dist-check/pagefind/files.ts';

/** One page of Pagefind's index. */
export interface IndexedPage {
  url: string;
  content: string;
  meta: Record<string, string>;
}

/** Every page of the index in `dist`/pagefind, sorted by address. */
export function indexedPages(dist: string): IndexedPage[] {
  const dir = path.join(dist, 'pagefind/fragment');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.pf_fragment'))
    .map((f) => JSON.parse(pagefindPayload(fs.readFileSync(path.join(dir, f))).toString('utf8')) as IndexedPage)
    .sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
}
