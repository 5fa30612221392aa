/**
 * Checks of a CSV import file before it is parsed (docs/exchange/csv.md, "Import"): its size, read from the
 * file system before the file is, and its encoding (UTF-8, with or without a byte order mark).
 */
import type { ImportProblem } from './candidate.ts';

/** The largest CSV import accepted, in bytes (20 MiB: some 5,000 notices like the sample notices, which take about 3.6 KiB a row). */
export const MAX_IMPORT_CSV_BYTES = 20 * 1024 * 1024;

const MIB = 1024 * 1024;

/**
 * The problem of a CSV file of `bytes` bytes (its size as the file system gives it, before reading it),
 * or undefined when it is within MAX_IMPORT_CSV_BYTES.
 */
export function checkImportSize(file: string, bytes: number): ImportProblem | undefined {
  if (bytes <= MAX_IMPORT_CSV_BYTES) return undefined;
  return {
    file,
    where: '',
    field: '',
    message:
      `The file is ${(bytes / MIB).toFixed(1)} MiB; a CSV import may be at most ${MAX_IMPORT_CSV_BYTES / MIB} MiB. ` +
      'Split it into several files of fewer rows (keep the header row in each) and import them one by one.',
  };
}

const SAVE_AS_UTF8 =
  'Open it in your spreadsheet and save it again as "CSV UTF-8 (comma delimited)" (Excel) or as CSV with the character set "Unicode (UTF-8)" (LibreOffice).';

/** The 1-based line of byte offset `at` in `bytes`. */
function lineOf(bytes: Uint8Array, at: number): number {
  let line = 1;
  for (let i = 0; i < at && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** The offset of the first byte at which `bytes` stops being valid UTF-8, or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const n = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return -1;
}

/**
 * The text of a CSV import file, or the problem with its encoding: a UTF-16 or UTF-32 file (byte order
 * mark, or NUL bytes), or bytes that are not UTF-8 (Latin-1 or Windows-1252, as "CSV (comma delimited)"
 * saves). A UTF-8 byte order mark is removed.
 */
export function decodeCsv(file: string, bytes: Uint8Array): { ok: true; text: string } | { ok: false; problem: ImportProblem } {
  const fail = (message: string) => ({ ok: false as const, problem: { file, where: '', field: '', message } });
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return fail(`The file is in UTF-16 (it starts with a UTF-16 byte order mark), not UTF-8. ${SAVE_AS_UTF8}`);
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    return fail(`The file holds NUL bytes (line ${lineOf(bytes, nul)}): it is in UTF-16 or is not a text file. ${SAVE_AS_UTF8}`);
  }
  let text: string;
  try {
    // Fatal: a byte that is not UTF-8 throws rather than becoming U+FFFD. The UTF-8 byte order mark is removed.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const bad = Math.max(0, firstInvalidUtf8(bytes));
    return fail(
      `The file is not in UTF-8: byte 0x${(bytes[bad] ?? 0).toString(16).toUpperCase()} on line ${lineOf(bytes, bad)} is not UTF-8 ` +
        `(a file saved as Latin-1 or Windows-1252, e.g. "CSV (comma delimited)"). ${SAVE_AS_UTF8}`,
    );
  }
  return { ok: true, text: text.startsWith('\uFEFF') ? text.slice(1) : text };
}
