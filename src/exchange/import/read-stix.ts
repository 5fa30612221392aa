/**
 * Placeholder of the reader of a STIX 2.1 bundle: its format's own reader replaces this file. Until then it reads
 * nothing and says so, so `npm run import` gives a clear message instead of failing.
 */
import type { ReadProgress, ReadResult } from './candidate.ts';

/** Reads nothing yet: one problem naming the file. */
export function readStix(file: string, bytes: string | Uint8Array, progress?: ReadProgress): ReadResult {
  progress?.(bytes.length, bytes.length); // nothing is read
  return {
    candidates: [],
    problems: [{ file, where: '', field: '', message: 'Importing a STIX 2.1 bundle is not available yet in this version of Modus.' }],
  };
}
