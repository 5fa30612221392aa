/**
 * Which reader reads an import file (docs/exchange/import.md), decided by what the file holds, not by
 * its name alone: a JSON object with `type: "bundle"` is a STIX 2.1 bundle (read-stix.ts); any other
 * JSON document (a Modus notice document or index) goes to read-json.ts; a file that is not JSON and is
 * named `.csv` to read-csv.ts. Each format has a size limit, checked before the file is read whole.
 */
import type { ImportProblem, ReadProgress, ReadResult } from './candidate.ts';
import { MAX_IMPORT_CSV_BYTES, readNoticesCsv } from './read-csv.ts';
import { readJson } from './read-json.ts';
import { readStix } from './read-stix.ts';

/** A reader of one format: never writes, never throws for a bad file. */
export type NoticeReader = (file: string, bytes: Uint8Array, progress: ReadProgress) => ReadResult & { notes?: string[] };

/** The formats an import reads. */
export type ImportFormat = 'json' | 'stix' | 'csv';

const MIB = 1024 * 1024;

/**
 * Largest import file of each format, in bytes: enough for thousands of notices, and a bound on the memory
 * an import uses (a file is read whole). CSV as its reader's limit.
 */
export const IMPORT_MAX_BYTES: Readonly<Record<ImportFormat, number>> = { json: 64 * MIB, stix: 64 * MIB, csv: MAX_IMPORT_CSV_BYTES };

/** The largest file any format accepts: a file above it is refused before it is read. */
export const IMPORT_MAX_BYTES_ANY = Math.max(...Object.values(IMPORT_MAX_BYTES));

/** What each format is called in messages. */
export const FORMAT_NAMES: Readonly<Record<ImportFormat, string>> = {
  json: 'Modus JSON',
  stix: 'STIX 2.1 bundle',
  csv: 'notices CSV',
};

/** The reader of each format. */
export const READERS: Readonly<Record<ImportFormat, NoticeReader>> = {
  json: (file, bytes, progress) => readJson(file, bytes, progress),
  stix: (file, bytes, progress) => readStix(file, bytes, progress),
  csv: (file, bytes, progress) => readNoticesCsv(file, bytes, progress),
};

/** A problem of the whole file. */
const whole = (file: string, message: string): ImportProblem => ({ file, where: '', field: '', message });

/** The problem of a file of `size` bytes that is above `limit`, or undefined. */
export function sizeProblem(file: string, size: number, limit: number, what = 'an import file'): ImportProblem | undefined {
  if (size <= limit) return undefined;
  // Sizes to a tenth of a MiB, the file's rounded up: never "20 MiB; at most 20 MiB".
  const mib = (n: number, round: (x: number) => number) => `${(round((n / MIB) * 10) / 10).toFixed(1).replace(/\.0$/, '')} MiB`;
  return whole(
    file,
    `The file is ${mib(size, Math.ceil)}; ${what} may be at most ${mib(limit, Math.floor)}. Split it into smaller files and import each.`,
  );
}

/**
 * The format of `bytes` (the file `file`), or the problem saying why none reads it. JSON is recognised
 * by its first character (`{` or `[`, after a byte order mark and white space), then parsed once to see
 * whether it is a STIX bundle.
 */
export function detectFormat(file: string, bytes: Uint8Array): { format: ImportFormat } | { problem: ImportProblem } {
  const head = new TextDecoder('utf-8')
    .decode(bytes.subarray(0, 64))
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (head.startsWith('{') || head.startsWith('[')) {
    let value: unknown;
    try {
      value = JSON.parse(new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, ''));
    } catch (err) {
      return { problem: whole(file, `The file starts like JSON but is not valid JSON (${(err as Error).message}).`) };
    }
    const isBundle = typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'bundle';
    return { format: isBundle ? 'stix' : 'json' };
  }
  if (/\.csv$/i.test(file)) return { format: 'csv' };
  return {
    problem: whole(
      file,
      'Not a file Modus imports: expected a Modus JSON document or index, a STIX 2.1 bundle (JSON) or a notices CSV (a file named .csv).',
    ),
  };
}
