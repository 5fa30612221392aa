/**
 * Hostile and broken CSV files given to the import reader (src/exchange/import/read-csv.ts): each gets a
 * clear problem (file, row, column, what to do) and no candidate at all, so nothing of a broken file is
 * written. Prevents: a formula cell imported (and later exported unescaped), a 50 MB file parsed into
 * memory, a Latin-1 or UTF-16 file read as garbage, a misquoted row shifting every value into the wrong
 * column, a renamed or missing column silently ignored.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { noticeSchema, type NoticeData } from '../../src/model/notice.ts';
import { CSV_HEADER } from '../../src/exchange/csv/columns.ts';
import { noticesCsv } from '../../src/exchange/csv/write-csv.ts';
import { MAX_IMPORT_CSV_BYTES, checkImportSize, columnLetter, readNoticesCsv } from '../../src/exchange/import/read-csv.ts';
import type { ReadResult } from '../../src/exchange/import/candidate.ts';
import { notice } from '../helpers/notice-data.ts';

const schema = noticeSchema(() => z.string());
const FILE = '/imports/notices.csv';

/** A valid export of two notices, as text (with BOM and CRLF). */
function exported(): string {
  const a = schema.parse(notice()) as NoticeData<unknown>;
  const b = schema.parse(notice({ id: 'MO-2024-0002', title: 'Second notice' })) as NoticeData<unknown>;
  return noticesCsv(
    [
      { slug: 'a', data: a, shownImages: a.images, body: 'Body A.' },
      { slug: 'b', data: b, shownImages: b.images, body: 'Body B.' },
    ],
    'https://modus.example.org',
  );
}

/** The header and rows of `exported()` with the cell of `column` on data row `row` (0-based) set to `value`. */
function withCell(column: string, value: string, row = 0): string {
  const lines = exported().slice(1).split('\r\n');
  const c = CSV_HEADER.indexOf(column);
  const cells = lines[row + 1]!.split(',');
  // The fixture's cells hold no comma, quote or line break, so splitting at commas is exact here.
  expect(cells).toHaveLength(CSV_HEADER.length);
  cells[c] = value;
  lines[row + 1] = cells.join(',');
  return lines.join('\r\n');
}

const read = (text: string | Uint8Array): ReadResult => readNoticesCsv(FILE, typeof text === 'string' ? Buffer.from(text, 'utf8') : text);

/** The one problem of `r`, asserting that nothing was read as a candidate. */
function onlyProblem(r: ReadResult) {
  expect(r.candidates).toEqual([]);
  expect(r.problems).toHaveLength(1);
  expect(r.problems[0]!.file).toBe(FILE);
  return r.problems[0]!;
}

const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'csv-hostile-'));
afterAll(() => fs.rmSync(temp, { recursive: true, force: true }));

describe('the fixture', () => {
  it('is read without problem when left alone (so each case below fails for its own reason)', () => {
    const r = read(exported());
    expect(r.problems).toEqual([]);
    expect(r.candidates.map((c) => c.frontmatter.id)).toEqual(['MO-2024-0001', 'MO-2024-0002']);
  });
});

describe('formula cells', () => {
  it.each(['=1+1', '+SUM(A1)', '-2+3', '@cmd', '=HYPERLINK("http://x.example")'])(
    '%s is refused, naming the row, the cell and the fix',
    (cell) => {
      const value = cell.includes('"') ? `"${cell.replace(/"/g, '""')}"` : cell;
      const p = onlyProblem(read(withCell('title', value, 1)));
      const col = columnLetter(CSV_HEADER.indexOf('title'));
      expect(p.where).toMatch(/^row 3 \(line 3\)$/);
      expect(p.field).toBe('title');
      expect(p.message).toContain(`cell ${col}3 (column "title") starts with "${cell[0]}"`);
      expect(p.message).toContain('formula');
      expect(p.message).toContain("put ' in front of it");
    },
  );

  it("is read as text when it carries the export's apostrophe, which is removed", () => {
    const r = read(withCell('title', "'=1+1"));
    expect(r.problems).toEqual([]);
    expect(r.candidates[0]!.frontmatter.title).toBe('=1+1');
  });
});

describe('size', () => {
  it('a 50 MB file is refused from its size alone, before it is read, and quickly', () => {
    const big = path.join(temp, 'big.csv');
    const line = `${'x,'.repeat(CSV_HEADER.length - 1)}x\r\n`;
    const fd = fs.openSync(big, 'w');
    const chunk = Buffer.from(line.repeat(Math.ceil((1024 * 1024) / line.length)));
    for (let written = 0; written < 50 * 1000 * 1000; written += chunk.length) fs.writeSync(fd, chunk);
    fs.closeSync(fd);
    const size = fs.statSync(big).size;
    expect(size).toBeGreaterThan(50 * 1000 * 1000);
    const start = performance.now();
    const p = checkImportSize(big, size)!;
    expect(p.file).toBe(big);
    expect(p.message).toMatch(/^The file is 4\d\.\d MiB; a CSV import may be at most 20 MiB\. Split it/);
    expect(checkImportSize(big, MAX_IMPORT_CSV_BYTES)).toBeUndefined();
    // The reader refuses it too without parsing it (parsing 50 MB would take seconds).
    const r = readNoticesCsv(big, fs.readFileSync(big));
    expect(performance.now() - start).toBeLessThan(2000);
    expect(r).toEqual({ candidates: [], problems: [p] });
  });
});

describe('broken quoting', () => {
  it('an unclosed quote is csv-parse’s error, with its line', () => {
    const p = onlyProblem(read(withCell('summary', '"never closed', 0)));
    expect(p.where).toMatch(/^line \d+$/);
    expect(p.message).toContain('CSV_QUOTE_NOT_CLOSED');
    expect(p.message).toContain('must be enclosed in double quotes');
  });

  it('a quote in the middle of a quoted cell is refused with its line', () => {
    const p = onlyProblem(read(withCell('summary', '"half "quoted" cell"', 0)));
    expect(p.where).toBe('line 2');
    expect(p.message).toContain('CSV_INVALID_CLOSING_QUOTE');
  });
});

describe('encoding', () => {
  it('a UTF-16 file (with its byte order mark) is refused: save as CSV UTF-8', () => {
    const text = exported().slice(1);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const p = onlyProblem(read(utf16));
    expect(p.message).toContain('UTF-16');
    expect(p.message).toContain('CSV UTF-8');
  });

  it('a UTF-16 file without byte order mark (NUL bytes) is refused', () => {
    expect(onlyProblem(read(Buffer.from(exported().slice(1), 'utf16le'))).message).toContain('NUL bytes (line 1)');
  });

  it('a Latin-1 file is refused naming the byte and its line: save as CSV UTF-8', () => {
    const latin1 = Buffer.from(withCell('title', 'Cocaïne dans des sculptures', 1), 'latin1');
    const p = onlyProblem(read(latin1));
    expect(p.message).toContain('not in UTF-8: byte 0xEF on line 3');
    expect(p.message).toContain('"CSV UTF-8 (comma delimited)"');
  });
});

describe('columns and rows', () => {
  it('an unknown column is named, with the column it most likely meant, and a missing one is named', () => {
    const text = exported().replace('recommended_actions', 'recomended_action');
    const r = read(text);
    expect(r.candidates).toEqual([]);
    expect(r.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^Unknown column "recomended_action" \(column [A-Z]+\): did you mean "recommended_actions"\?/),
      expect.stringMatching(/^Missing column: recommended_actions\./),
    ]);
    expect(r.problems[0]!.where).toBe('row 1 (header)');
  });

  it('a column given twice is refused; export-only columns (addresses, slug) may be left out', () => {
    expect(read(exported().replace('title,', 'title,title,')).problems.map((p) => p.message)).toContain(
      'The column "title" is given more than once; keep one.',
    );
    const lines = exported().slice(1).split('\r\n');
    const drop = ['slug', 'page_url', 'permanent_url'].map((c) => CSV_HEADER.indexOf(c));
    const trimmed = lines
      .map((l) =>
        l === ''
          ? l
          : l
              .split(',')
              .filter((_, i) => !drop.includes(i))
              .join(','),
      )
      .join('\r\n');
    const r = read(trimmed);
    expect(r.problems).toEqual([]);
    expect(r.candidates).toHaveLength(2);
  });

  it('a file saved with semicolons is refused with how to save it with commas', () => {
    const p = onlyProblem(read(`${CSV_HEADER.join(';')}\r\n1;MO-2024-0001\r\n`));
    expect(p.message).toContain('separated by semicolons');
  });

  it('a row with the wrong number of cells is refused, naming the row; the others are not read either', () => {
    const text = exported().replace(/\r\n$/, '\r\n1,MO-2024-0003,extra\r\n');
    const p = onlyProblem(read(text));
    expect(p.where).toBe('row 4 (line 4)');
    expect(p.message).toMatch(/^The row has 3 cells; the header has \d+ columns\./);
  });

  it('a newer format version and an id given twice are refused', () => {
    const newer = onlyProblem(read(withCell('format_version', '2')));
    expect(newer.field).toBe('format_version');
    expect(newer.message).toContain('reads version 1 or earlier');
    const twice = onlyProblem(read(withCell('id', 'MO-2024-0001', 1)));
    expect(twice.message).toBe('The id MO-2024-0001 is already on row 2; each notice is one row.');
  });

  it('a nested item with an unknown part names the line of the cell and the part meant', () => {
    const p = onlyProblem(read(withCell('sources', 'title: A | publsher: B')));
    expect(p.field).toBe('sources');
    expect(p.message).toContain('Line 1 of the cell: Unknown part "publsher": did you mean "publisher"?');
  });

  it('an empty file is refused', () => {
    expect(onlyProblem(read('')).message).toContain('The file is empty');
  });

  it('reports progress by rows', () => {
    const seen: Array<[number, number]> = [];
    readNoticesCsv(FILE, Buffer.from(exported()), (done, total) => seen.push([done, total]));
    expect(seen).toEqual([
      [1, 2],
      [2, 2],
    ]);
  });
});
