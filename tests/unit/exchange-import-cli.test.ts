/**
 * `npm run import` (scripts/import.mjs, src/exchange/import/run-import.ts): the reader chosen by what the
 * file holds, size limits before reading, progress on large files, one line per problem, exit code 1
 * and nothing written on any problem, no stack trace for bad input. The command is run as a process for
 * its exit codes and messages; the steps in-process with small readers of the test's own.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { NoticeCandidate, ReadResult } from '../../src/exchange/import/candidate.ts';
import { detectFormat, IMPORT_MAX_BYTES, type ImportFormat, type NoticeReader } from '../../src/exchange/import/readers.ts';
import { importLines, LARGE_IMPORT_BYTES, problemLine, runImport } from '../../src/exchange/import/run-import.ts';

const root = path.resolve(import.meta.dirname, '../..');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'modus-import-cli-'));
  dirs.push(dir);
  fs.mkdirSync(path.join(dir, 'content', 'notices'), { recursive: true });
  return dir;
}

/** Runs `npm run import -- ...args` in the repository; exit code and everything printed. */
function importCommand(args: string[]) {
  const r = spawnSync('npm', ['run', '--silent', 'import', '--', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, output: `${r.stdout}${r.stderr}` };
}

const noStack = (output: string) => expect(output).not.toMatch(/^\s+at /m);

describe('npm run import as a command', () => {
  it('exits 2 with the usage for a missing file argument or an unknown option', () => {
    for (const args of [[], ['--bogus', 'x.json']]) {
      const r = importCommand(args);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('Usage: npm run import -- <file> [--content <folder>] [--dry-run]');
      noStack(r.output);
    }
  });

  it('exits 1 for a file that is not there, or that no reader reads, saying so on one line, and writes nothing', () => {
    const dir = tempDir();
    const content = path.join(dir, 'content');
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'hello');
    fs.writeFileSync(path.join(dir, 'broken.json'), '{"format": "modus-notice",');
    const cases: Array<[string, RegExp]> = [
      ['absent.csv', /absent\.csv: No such file/],
      ['notes.txt', /notes\.txt: Not a file Modus imports: expected a Modus JSON document or index, a STIX 2\.1 bundle/],
      ['broken.json', /broken\.json: The file starts like JSON but is not valid JSON/],
    ];
    for (const [file, message] of cases) {
      const r = importCommand([path.join(dir, file), '--content', content]);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).toMatch(/1 problem in .*; nothing was written\.\n$/);
      noStack(r.output);
    }
    expect(fs.readdirSync(path.join(content, 'notices'))).toEqual([]);
  });

  it('refuses a file above the size limit before reading it (a 50 MB CSV must not fill the memory)', () => {
    const dir = tempDir();
    const big = path.join(dir, 'big.csv');
    fs.writeFileSync(big, '');
    fs.truncateSync(big, IMPORT_MAX_BYTES.csv + 1); // sparse: no disk used
    const r = importCommand([big, '--content', path.join(dir, 'content')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/big\.csv: The file is 20\.1 MiB; a notices CSV file may be at most 20 MiB\. Split it into smaller files/);
    noStack(r.output);
  });
});

/** A candidate for MO-2026-0001… as a STIX reader would make it: a draft. */
const draftCandidate = (n: number, where = `attack-pattern--${n}`): NoticeCandidate => ({
  where,
  frontmatter: { id: `MO-2026-${String(n).padStart(4, '0')}`, title: `Heroin in door panels ${n}`, tlp: 'GREEN', draft: true },
  body: '',
  images: [],
  translations: {},
});

/** Readers that return `result` for every format, recording which format was asked and calling progress. */
function fakeReaders(result: ReadResult & { notes?: string[] }) {
  const asked: ImportFormat[] = [];
  const reader =
    (format: ImportFormat): NoticeReader =>
    (_file, bytes, progress) => {
      asked.push(format);
      progress(bytes.length / 2, bytes.length);
      progress(bytes.length, bytes.length);
      return result;
    };
  return { asked, readers: { json: reader('json'), stix: reader('stix'), csv: reader('csv') } };
}

describe('one import, step by step', () => {
  it('chooses the reader by what the file holds: a bundle is STIX whatever its name; other JSON is Modus JSON; else .csv', () => {
    const bytes = (s: string) => new TextEncoder().encode(s);
    expect(detectFormat('x.json', bytes('\uFEFF  {"type": "bundle", "objects": []}'))).toEqual({ format: 'stix' });
    expect(detectFormat('x.txt', bytes('{"type":"bundle"}'))).toEqual({ format: 'stix' });
    expect(detectFormat('x.json', bytes('{"format":"modus-index"}'))).toEqual({ format: 'json' });
    expect(detectFormat('notices.CSV', bytes('id,title\r\n'))).toEqual({ format: 'csv' });
    expect(detectFormat('notes.txt', bytes('id,title'))).toMatchObject({ problem: { where: '', field: '' } });
  });

  it('writes what the reader read and lists the folders and the drafts to finish in the CMS', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'bundle.json');
    fs.writeFileSync(file, '{"type":"bundle","objects":[]}');
    const { asked, readers } = fakeReaders({
      candidates: [draftCandidate(1), draftCandidate(2)],
      problems: [],
      notes: ['2 objects skipped.'],
    });
    const request = { file, contentDir: path.join(dir, 'content') };
    const outcome = await runImport(request, readers);
    expect(asked).toEqual(['stix']);
    const { ok, lines } = importLines(outcome, request);
    expect(ok).toBe(true);
    expect(lines).toEqual([
      `note: ${file}: 2 objects skipped.`,
      `Wrote 2 notices to ${path.join(dir, 'content', 'notices')} (STIX 2.1 bundle):`,
      '  notices/heroin-in-door-panels-1  MO-2026-0001  Heroin in door panels 1  (draft)',
      '  notices/heroin-in-door-panels-2  MO-2026-0002  Heroin in door panels 2  (draft)',
      expect.stringMatching(/^2 drafts to finish in the CMS .*untick "Draft" and save\.$/),
      '  MO-2026-0001  notices/heroin-in-door-panels-1',
      '  MO-2026-0002  notices/heroin-in-door-panels-2',
    ]);
    expect(fs.readdirSync(path.join(dir, 'content', 'notices')).sort()).toEqual(['heroin-in-door-panels-1', 'heroin-in-door-panels-2']);
  });

  it('prints each problem of the reader and of the writer on one line, and writes nothing', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'notices.csv');
    fs.writeFileSync(file, 'id,title\r\n');
    const readerProblem = { file, where: 'row 3', field: 'tlp', message: 'Expected a TLP 2.0 marking.' };
    const fromReader = await runImport(
      { file, contentDir: path.join(dir, 'content') },
      fakeReaders({ candidates: [draftCandidate(1)], problems: [readerProblem] }).readers,
    );
    const printed = importLines(fromReader, { file, contentDir: path.join(dir, 'content') });
    expect(printed).toEqual({
      ok: false,
      lines: [`${file}: row 3: tlp: Expected a TLP 2.0 marking.`, `1 problem in ${file}; nothing was written.`],
    });

    const bad = draftCandidate(2, 'row 4');
    bad.frontmatter.tlp = 'RED';
    const fromWriter = await runImport(
      { file, contentDir: path.join(dir, 'content') },
      fakeReaders({ candidates: [draftCandidate(1), bad], problems: [] }).readers,
    );
    expect(fromWriter.problems.map(problemLine)).toEqual([
      expect.stringMatching(new RegExp(`^${file}: row 4: tlp: TLP:RED is for named recipients only`)),
    ]);
    expect(fs.readdirSync(path.join(dir, 'content', 'notices'))).toEqual([]);
  });

  it('shows progress for a large file only, and stops it when reading is over', async () => {
    const dir = tempDir();
    const small = path.join(dir, 'small.json');
    const large = path.join(dir, 'large.json');
    fs.writeFileSync(small, '{"type":"bundle"}');
    fs.writeFileSync(large, `{"type":"bundle","pad":"${'x'.repeat(LARGE_IMPORT_BYTES)}"}`);
    const seen: string[] = [];
    const progressFor = (bytes: number, format: ImportFormat) => ({
      progress: (done: number, total: number) => seen.push(`${format} ${done}/${total}`),
      done: () => seen.push(`done ${bytes}`),
    });
    const { readers } = fakeReaders({ candidates: [draftCandidate(1)], problems: [] });
    await runImport({ file: small, contentDir: path.join(dir, 'content'), dryRun: true }, readers, progressFor);
    expect(seen).toEqual([]);
    await runImport({ file: large, contentDir: path.join(dir, 'content'), dryRun: true }, readers, progressFor);
    const size = fs.statSync(large).size;
    expect(seen).toEqual([`stix ${size / 2}/${size}`, `stix ${size}/${size}`, `done ${size}`]);
    expect(fs.readdirSync(path.join(dir, 'content', 'notices'))).toEqual([]); // dry run
  });
});

describe('npm run import: the content folder and one-line problems', () => {
  it('refuses a content folder that does not exist or is a file, and writes nothing there (a mistyped --content must not receive the notices)', () => {
    const dir = tempDir();
    const file = path.join(dir, 'in.csv');
    fs.writeFileSync(file, 'x');
    const missing = importCommand([file, '--content', path.join(dir, 'nope', 'deeper')]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('no such folder; expected a content folder');
    expect(fs.existsSync(path.join(dir, 'nope'))).toBe(false);
    const aFile = importCommand([file, '--content', file]);
    expect(aFile.status).toBe(1);
    expect(aFile.stderr).toContain('is a file, not a content folder');
    noStack(missing.output);
    noStack(aFile.output);
  });

  it('prints a problem whose message holds a line break (a quoted cell) on one line', () => {
    expect(problemLine({ file: 'a.csv', where: 'row 2', field: 'keywords', message: 'The cell "@SUM(1)\nfoo" starts with "@".' })).toBe(
      'a.csv: row 2: keywords: The cell "@SUM(1) ⏎ foo" starts with "@".',
    );
  });
});
