/**
 * No test skips itself. A test that needs a tool (exiftool, Chromium, pdftotext, git) fails saying what to
 * install; it is never skipped, run conditionally or left as a to-do. Prevents: a machine without the
 * tool reporting a green run in which the checks that matter most (no GPS in published photos, no
 * request to another host) never ran.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const TESTS = path.resolve(import.meta.dirname, '..');
const SELF = path.join(TESTS, 'unit', 'no-skips.test.ts');

/** Every TypeScript file of tests/ (test files and helpers), this one excepted. */
const files = (fs.readdirSync(TESTS, { recursive: true }) as string[])
  .filter((f) => f.endsWith('.ts') && !f.startsWith('fixtures'))
  .map((f) => path.join(TESTS, f))
  .filter((f) => f !== SELF);

/** `it.skip`, `test.skipIf(…)`, `describe.runIf(…)`, `it.todo`, `it.only`, and a skip from the test context. */
const SKIPPING = /\b(?:it|test|describe|bench)\s*\.\s*(?:skip|skipIf|runIf|todo|only)\b|\b(?:ctx|context|t)\s*\.\s*skip\s*\(/;

describe('tests never skip themselves', () => {
  it('finds the test files to scan (else the check below would pass on none)', () => {
    expect(files.filter((f) => f.endsWith('.test.ts')).length).toBeGreaterThan(40);
  });

  it('no test or helper uses skip, skipIf, runIf, todo or only', () => {
    const found = files.flatMap((f) =>
      fs
        .readFileSync(f, 'utf8')
        .split('\n')
        .flatMap((line, i) => (SKIPPING.test(line) ? [`${path.relative(TESTS, f)}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(found).toEqual([]);
  });

  it('recognises each form it forbids', () => {
    for (const line of [
      "it.runIf(hasExiftool)('reads GPS', () => {",
      "it.skip('x', () => {",
      "describe.skipIf(!chromium)('browser', () => {",
      "test.todo('later')",
      "it.only('x', () => {",
      'ctx.skip();',
    ])
      expect(SKIPPING.test(line), line).toBe(true);
    expect(SKIPPING.test("it('skips nothing: the sample courses are valid', () => {")).toBe(false);
  });
});
