/**
 * How the notices CSV writes a value into one cell and reads it back (docs/exchange/csv.md): lists one
 * item per line, nested items (seizures, images, sources, changes) one per line as `key: value` parts
 * joined by ` | `, backslash escapes that make both reversible, and the formula escape (`'`) that keeps a
 * spreadsheet from running a cell. Pure: strings in, strings out.
 */

/** First characters that make a spreadsheet read a cell as a formula (or that it strips): `=`, `+`, `-`, `@`, tab, CR. */
export const FORMULA_START = /^[=+\-@\t\r]/;

/** The character put in front of a formula-looking cell on export, and removed on import. */
export const FORMULA_ESCAPE = "'";

/**
 * A cell as written to the file: prefixed with `'` when it starts like a formula, or with `'` itself (so
 * that import, which removes one leading `'`, gives back exactly the value).
 */
export function escapeFormula(cell: string): string {
  return FORMULA_START.test(cell) || cell.startsWith(FORMULA_ESCAPE) ? FORMULA_ESCAPE + cell : cell;
}

/** A cell as read from the file: one leading `'` removed. Formula-looking cells are refused before this (read-csv.ts). */
export function unescapeFormula(cell: string): string {
  return cell.startsWith(FORMULA_ESCAPE) ? cell.slice(1) : cell;
}

/** Escapes one list item or part value: `\` → `\\`, line feed → `\n`, carriage return → `\r`, and `|` → `\|` when `pipe`. */
export function escapeItem(value: string, pipe = false): string {
  let out = value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
  if (pipe) out = out.replace(/\|/g, '\\|');
  return out;
}

/** Reverses `escapeItem`: `\\`, `\n`, `\r`, `\|` become `\`, LF, CR, `|`; any other backslash stays as written. */
export function unescapeItem(value: string): string {
  return value.replace(/\\([\\nr|])/g, (_, c: string) => (c === 'n' ? '\n' : c === 'r' ? '\r' : c));
}

/** The non-blank lines of a cell (a spreadsheet may write LF or CRLF between them). */
export function cellLines(cell: string): string[] {
  return cell.split(/\r?\n/).filter((l) => l.trim() !== '');
}

/** A list as one cell: each item escaped (`escapeItem`), one per line (LF). `[]` is the empty cell. */
export function joinList(items: readonly string[]): string {
  return items.map((i) => escapeItem(i)).join('\n');
}

/** A list cell read back: one item per non-blank line, unescaped. */
export function splitList(cell: string): string[] {
  return cellLines(cell).map(unescapeItem);
}

/** The separator of the parts of a nested item on its line. */
export const PART_SEPARATOR = ' | ';

/**
 * One nested item as a line: `key: value` for each key of `keys` (in that order) whose value is given
 * (not undefined, null or ''), joined by ` | `; values escaped with `|` (`escapeItem(…, true)`).
 */
export function joinParts(item: Readonly<Record<string, unknown>>, keys: readonly string[]): string {
  return keys
    .filter((k) => item[k] !== undefined && item[k] !== null && item[k] !== '')
    .map((k) => `${k}: ${escapeItem(String(item[k] as string | number), true)}`)
    .join(PART_SEPARATOR);
}

/** Splits a line at each ` | ` whose `|` is not escaped. */
function splitParts(line: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '\\') i++;
    else if (line.startsWith(PART_SEPARATOR, i)) {
      parts.push(line.slice(start, i));
      start = i + PART_SEPARATOR.length;
      i = start - 1;
    }
  }
  parts.push(line.slice(start));
  return parts;
}

/** A nested item's line read back: its parts as key → unescaped value, or what is wrong with a part. */
export type PartsResult = { ok: true; parts: Record<string, string> } | { ok: false; message: string };

/**
 * Reads one nested item's line (`country: NL | year: 2021`). Each part must be `key: value` with a key of
 * `keys`, each key at most once; the message of a bad part names it and the keys expected.
 */
export function splitPartsLine(line: string, keys: readonly string[], meant: (key: string) => string | undefined): PartsResult {
  const parts: Record<string, string> = {};
  for (const raw of splitParts(line.trim())) {
    const colon = raw.indexOf(':');
    const key = colon < 0 ? '' : raw.slice(0, colon).trim();
    if (colon < 0 || key === '') {
      return {
        ok: false,
        message: `"${raw}" is not a part written "key: value". Expected parts such as "${keys[0]}: …", joined by " | ".`,
      };
    }
    if (!keys.includes(key)) {
      const guess = meant(key);
      return { ok: false, message: `Unknown part "${key}"${guess ? `: did you mean "${guess}"?` : '.'} Known parts: ${keys.join(', ')}.` };
    }
    if (key in parts) return { ok: false, message: `The part "${key}" is given twice on one line.` };
    // One space after the colon belongs to the separator; the value keeps any others.
    const value = raw.slice(colon + 1);
    parts[key] = unescapeItem(value.startsWith(' ') ? value.slice(1) : value);
  }
  return { ok: true, parts };
}
