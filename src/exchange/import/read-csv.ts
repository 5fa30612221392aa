/**
 * Reads a notices CSV in the export's shape (docs/exchange/csv.md) into notice candidates: one per row.
 * A CSV carries no image files: a row is a draft (`draft: true`) without images (an editor adds them in
 * the CMS), unless every image of its `images` cell is found beside the CSV, in a folder named by the
 * notice's id (csv-images.ts); then it is a whole notice with its images.
 *
 * A hostile or broken file gives problems and no candidate at all: too large (checked first), not UTF-8,
 * broken quoting, unknown or missing columns, a row with the wrong number of cells, a cell a spreadsheet
 * would run as a formula (`=`, `+`, `-`, `@`, tab or CR first, without the export's `'` in front), a
 * cell that cannot be read, a newer format version, an id given twice. Never writes.
 */
import type { CsvError } from 'csv-parse/sync';
import { parse } from 'csv-parse/sync';
import { likelyField } from '../../model/fields.ts';
import { NOTICE_FIELD_ORDER } from '../../model/notice.ts';
import { CSV_FORMAT_VERSION } from '../format-version.ts';
import { FORMULA_START, unescapeFormula } from '../csv/cells.ts';
import { CSV_COLUMNS, type CsvColumn, type RowValues } from '../csv/columns.ts';
import type { ImportProblem, NoticeCandidate, ReadProgress, ReadResult } from './candidate.ts';
import { checkImportSize, decodeCsv } from './csv-file-checks.ts';
import { imagesBesideCsv } from './csv-images.ts';

export { MAX_IMPORT_CSV_BYTES, checkImportSize } from './csv-file-checks.ts';
export { MAX_IMPORT_IMAGE_BYTES } from './csv-images.ts';

/** A parsed record with csv-parse's `info` (`lines`: the line of the file it ends on). */
interface ParsedRecord {
  record: string[];
  info: { lines: number };
}

/** The spreadsheet letter of the 0-based column `i` (A, B, …, Z, AA, …). */
export function columnLetter(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** What csv-parse reported, in an editor's words, with the line. */
function quotingProblem(file: string, err: unknown): ImportProblem {
  const e = err as CsvError & { lines?: number };
  const line = typeof e.lines === 'number' ? `line ${e.lines}` : '';
  return {
    file,
    where: line,
    field: '',
    message:
      `The CSV cannot be read (${e.code ?? 'error'}: ${e.message}). A cell holding a comma, a double quote or a line break ` +
      'must be enclosed in double quotes, and a double quote inside it written twice (""). Save the file again from a spreadsheet, ' +
      'or correct the quotes on that line.',
  };
}

/** The columns of the header row, or the problems with it (unknown, missing, given twice, semicolons). */
function readHeader(file: string, header: string[]): { columns: Array<CsvColumn | undefined>; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const at = (message: string, field = ''): ImportProblem => ({ file, where: 'row 1 (header)', field, message });
  const known = CSV_COLUMNS.map((c) => c.name);
  const names = header.map((h) => h.trim());
  if (names.length === 1 && names[0]!.includes(';')) {
    problems.push(
      at(
        'The columns are separated by semicolons; the import expects commas. Save the file as "CSV UTF-8 (comma delimited)" (Excel) ' +
          'or choose the comma as field delimiter (LibreOffice).',
      ),
    );
    return { columns: [], problems };
  }
  const columns = names.map((name, i) => {
    const column = CSV_COLUMNS.find((c) => c.name === name);
    if (!column) {
      const meant = likelyField(name, known);
      problems.push(
        at(
          `Unknown column "${name}" (column ${columnLetter(i)})${meant ? `: did you mean "${meant}"?` : '.'} The columns are those of ` +
            'the export (docs/exchange/csv.md); remove or rename this one.',
          name,
        ),
      );
    }
    return column;
  });
  for (const name of new Set(names.filter((n, i) => names.indexOf(n) !== i))) {
    problems.push(at(`The column "${name}" is given more than once; keep one.`, name));
  }
  const missing = CSV_COLUMNS.filter((c) => !c.exportOnly && !names.includes(c.name)).map((c) => c.name);
  if (missing.length > 0) {
    problems.push(
      at(
        `Missing column${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}. A CSV to import has every column of the export ` +
          '(leave the cells empty where there is nothing to say).',
      ),
    );
  }
  return { columns, problems };
}

/** The frontmatter in the order of the notice's fields (NOTICE_FIELD_ORDER); without images it is a draft (`draft: true`). */
function ordered(fm: Record<string, unknown>, withImages: boolean): Record<string, unknown> {
  const given: Record<string, unknown> = withImages ? fm : { ...fm, images: undefined, draft: true };
  const out: Record<string, unknown> = {};
  for (const key of NOTICE_FIELD_ORDER) if (given[key] !== undefined) out[key] = given[key];
  return out;
}

/** The candidate of a row: a whole notice when its images are beside the CSV, else a draft without images. */
function candidateOf(file: string, where: string, values: RowValues): NoticeCandidate {
  const fm = values.frontmatter;
  const beside = Array.isArray(fm.images) ? imagesBesideCsv(file, fm.id, fm.images as Array<Record<string, unknown>>) : undefined;
  if (!beside) return { where, frontmatter: ordered(fm, false), body: values.body, images: [], translations: {} };
  return { where, frontmatter: ordered({ ...fm, images: beside.images }, true), body: values.body, images: beside.files, translations: {} };
}

/**
 * Reads the notices CSV `input` (the file's bytes, or its text) of `file` (its path: for messages, and the
 * folder its images are looked for in). `progress` is called with the rows read and the rows in the file. Returns every problem found;
 * the candidates only when there is none.
 */
export function readNoticesCsv(file: string, input: Uint8Array | string, progress?: ReadProgress): ReadResult {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  const tooLarge = checkImportSize(file, bytes.length);
  if (tooLarge) return { candidates: [], problems: [tooLarge] };
  const decoded = decodeCsv(file, bytes);
  if (!decoded.ok) return { candidates: [], problems: [decoded.problem] };

  let records: ParsedRecord[];
  try {
    records = parse(decoded.text, { relax_column_count: true, skip_empty_lines: true, info: true }) as unknown as ParsedRecord[];
  } catch (err) {
    return { candidates: [], problems: [quotingProblem(file, err)] };
  }
  const [head, ...rows] = records;
  if (!head)
    return {
      candidates: [],
      problems: [{ file, where: '', field: '', message: 'The file is empty: expected a header row, then one row per notice.' }],
    };
  const { columns, problems } = readHeader(file, head.record);
  if (problems.length > 0) return { candidates: [], problems };

  const candidates: NoticeCandidate[] = [];
  const rowOfId = new Map<string, number>();
  for (const [i, { record, info }] of rows.entries()) {
    progress?.(i + 1, rows.length);
    if (record.every((c) => c.trim() === '')) continue; // a spreadsheet's empty row
    const rowNumber = i + 2;
    const where = `row ${rowNumber} (line ${info.lines})`;
    const problem = (field: string, message: string) => problems.push({ file, where, field, message });
    if (record.length !== columns.length) {
      problem(
        '',
        `The row has ${record.length} cell${record.length === 1 ? '' : 's'}; the header has ${columns.length} columns. A cell holding a comma must be enclosed in ` +
          'double quotes; otherwise add or remove cells so that every row has one per column.',
      );
      continue;
    }
    const values: RowValues = { frontmatter: {}, body: '' };
    let version: string | undefined;
    let slug: string | undefined;
    for (const [c, column] of columns.entries()) {
      const raw = record[c]!;
      const cellName = `cell ${columnLetter(c)}${rowNumber} (column "${column!.name}")`;
      if (FORMULA_START.test(raw)) {
        problem(
          column!.name,
          `The ${cellName} starts with ${JSON.stringify(raw[0])}: a spreadsheet would run it as a formula, so it is refused. ` +
            `If it is text, put ' in front of it ('${raw.slice(0, 12)}…); the import removes it.`,
        );
        continue;
      }
      const cell = unescapeFormula(raw);
      if (column!.name === 'format_version') version = cell.trim();
      if (column!.name === 'slug' && cell !== '') slug = cell.trim();
      if (column!.exportOnly || cell === '') continue;
      const wrong = column!.fromCell(cell, values);
      if (wrong) problem(column!.name, `In the ${cellName}: ${wrong}`);
    }
    if (version !== undefined && !(/^\d+$/.test(version) && Number(version) >= 1 && Number(version) <= CSV_FORMAT_VERSION)) {
      problem(
        'format_version',
        `format_version is "${version}"; this import reads version ${CSV_FORMAT_VERSION} or earlier. Export the CSV again from a Modus of this version.`,
      );
    }
    const id = values.frontmatter.id;
    if (typeof id === 'string') {
      const first = rowOfId.get(id.trim().toUpperCase());
      if (first !== undefined) problem('id', `The id ${id} is already on row ${first}; each notice is one row.`);
      else rowOfId.set(id.trim().toUpperCase(), rowNumber);
    }
    if (problems.length === 0) candidates.push({ ...candidateOf(file, where, values), ...(slug ? { slug } : {}) });
  }
  return problems.length > 0 ? { candidates: [], problems } : { candidates, problems };
}
