import { describe, expect, it } from 'vitest';
import { mentionProblems } from '../../src/lib/marking-checks.ts';
import type { Tlp } from '../../src/schema/tlp.ts';

describe('mentions of notices marked higher', () => {
  const markings = new Map<string, Tlp>([['MO-2024-0001', 'CLEAR'], ['MO-2024-0002', 'GREEN'], ['MO-2024-0003', 'AMBER']]);

  it('refuses an id of a higher-marked notice in text or body, with field or line:column', () => {
    const problems = mentionProblems([
      {
        file: 'notices/a/index.mdx',
        data: { id: 'MO-2024-0001', tlp: 'CLEAR', summary: 'Like mo-2024-0002.', indicators: ['x', 'See MO-2024-0003'], related: ['MO-2024-0003'] },
        body: 'Intro.\n\nCompare MO-2024-0003 and MO-2024-0001.',
        bodyLine: 20,
      },
    ], markings);
    expect(problems.map((p) => [p.field, p.line, p.column])).toEqual([
      ['summary', undefined, undefined], ['indicators[1]', undefined, undefined], ['body', 22, 9],
    ]);
    expect(problems[0]!.message).toMatch(/mentions MO-2024-0002, which is marked TLP:GREEN, above this notice's TLP:CLEAR/);
  });

  it('allows mentions of notices marked the same or lower, unknown ids, and structural references', () => {
    expect(mentionProblems([
      { file: 'b', data: { id: 'MO-2024-0003', tlp: 'AMBER', summary: 'See MO-2024-0001, MO-2024-0002, MO-2099-0000.', supersededBy: 'MO-2024-0002' } },
      { file: 'a', data: { id: 'MO-2024-0001', tlp: 'CLEAR', related: ['MO-2024-0003'], supersededBy: 'MO-2024-0003' } },
    ], markings)).toEqual([]);
  });
});
