/**
 * Mentions of higher-marked notices (src/loading/checks/marking-checks.ts). Prevents: a notice or course
 * naming, in its text or body, a notice marked above it, so that a build allowed to show the page but
 * not the other notice would still publish that notice's id.
 */
import { describe, expect, it } from 'vitest';
import { entryTexts, mentionProblems, mentionsAbove } from '../../src/loading/checks/marking-checks.ts';
import type { Tlp } from '../../src/model/tlp.ts';

describe('mentions of notices marked higher', () => {
  const markings = new Map<string, Tlp>([
    ['MO-2024-0001', 'CLEAR'],
    ['MO-2024-0002', 'GREEN'],
    ['MO-2024-0003', 'AMBER'],
  ]);

  it('refuses an id of a higher-marked notice in text or body, with field or line:column', () => {
    const problems = mentionProblems(
      [
        {
          file: 'notices/a/index.mdx',
          data: {
            id: 'MO-2024-0001',
            tlp: 'CLEAR',
            summary: 'Like mo-2024-0002.',
            indicators: ['x', 'See MO-2024-0003'],
            related: ['MO-2024-0003'],
          },
          body: 'Intro.\n\nCompare MO-2024-0003 and MO-2024-0001.',
          bodyLine: 20,
        },
      ],
      markings,
    );
    expect(problems.map((p) => [p.field, p.line, p.column])).toEqual([
      ['summary', undefined, undefined],
      ['indicators[1]', undefined, undefined],
      ['body', 22, 9],
    ]);
    expect(problems[0]!.message).toMatch(/mentions MO-2024-0002, which is marked TLP:GREEN, above this notice's TLP:CLEAR/);
  });

  it('allows mentions of notices marked the same or lower, unknown ids, and structural references', () => {
    expect(
      mentionProblems(
        [
          {
            file: 'b',
            data: {
              id: 'MO-2024-0003',
              tlp: 'AMBER',
              summary: 'See MO-2024-0001, MO-2024-0002, MO-2099-0000.',
              supersededBy: 'MO-2024-0002',
            },
          },
          { file: 'a', data: { id: 'MO-2024-0001', tlp: 'CLEAR', related: ['MO-2024-0003'], supersededBy: 'MO-2024-0003' } },
        ],
        markings,
      ),
    ).toEqual([]);
  });

  it('one rule for notices and courses: each message names the kind and what the editor can do', () => {
    const texts = [
      { field: 'summary', text: 'See mo-2024-0003.' },
      { field: 'body', text: 'x MO-2024-0002', line: 5, column: 1 },
    ];
    const notice = mentionsAbove({ file: 'n', tlp: 'CLEAR', texts }, markings, 'notice');
    const course = mentionsAbove({ file: 'c', tlp: 'GREEN', texts }, markings, 'course');
    expect(notice.map((p) => [p.field, p.line, p.column])).toEqual([
      ['summary', undefined, undefined],
      ['body', 5, 3],
    ]);
    expect(notice[0]!.message).toBe(
      "mentions MO-2024-0003, which is marked TLP:AMBER, above this notice's TLP:CLEAR: a build that may show this notice but not MO-2024-0003 would publish that id. " +
        'Remove the mention (link it in "related" instead, which each build drops when it may not show it) or raise this notice\'s marking.',
    );
    expect(course.map((p) => p.message)).toEqual([
      "mentions MO-2024-0003, which is marked TLP:AMBER, above this course's TLP:GREEN: a build that may show this course but not MO-2024-0003 would publish that id. " +
        "Remove the mention or raise this course's marking.",
    ]);
  });

  it('entryTexts leaves out skipped fields and everything under them, and numbers body lines from bodyLine', () => {
    const texts = entryTexts(
      { id: 'MO-2024-0001', related: ['MO-2024-0002'], route: { id: 'kept' }, tags: ['a'] },
      (key, path) => key === path && key !== 'tags' && key !== 'route',
      'one\ntwo',
      7,
    );
    expect(texts).toEqual([
      { field: 'route.id', text: 'kept' },
      { field: 'tags[0]', text: 'a' },
      { field: 'body', text: 'one', line: 7, column: 1 },
      { field: 'body', text: 'two', line: 8, column: 1 },
    ]);
  });
});
