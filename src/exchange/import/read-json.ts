/**
 * Placeholder of the reader of a Modus JSON document or index: its format's own reader replaces this file. Until then it reads
 * nothing and says so, so `npm run import` gives a clear message instead of failing.
 */
import type { ReadProgress, ReadResult } from './candidate.ts';

/** Reads nothing yet: one problem naming the file. */
export function readJson(file: string, bytes: string | Uint8Array, progress?: ReadProgress): ReadResult {
  progress?.(bytes.length, bytes.length); // nothing is read
  return {
    candidates: [],
    problems: [
      { file, where: '', field: '', message: 'Importing a Modus JSON document or index is not available yet in this version of Modus.' },
    ],
  };
}
