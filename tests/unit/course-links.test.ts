/**
 * The build's check of course case links and course text (src/loading/checks/course-links.ts, field case
 * F7). Prevents: a course linking a notice that is missing, differently cased, withdrawn or superseded
 * passing silently, and a course page naming or linking a notice marked above the course (a CLEAR
 * course printing an AMBER notice's id).
 */
import { describe, expect, it } from 'vitest';
import { checkCourseLinks, courseProse, type CourseLinks, type LinkableNotice } from '../../src/loading/checks/course-links.ts';

const notices: LinkableNotice[] = [
  { id: 'MO-2019-0003', title: 'Sculptures', tlp: 'CLEAR', status: 'active' },
  { id: 'MO-2020-0001', title: 'Sea chest', tlp: 'GREEN', status: 'active' },
  { id: 'MO-2020-0002', title: 'Gearbox', tlp: 'CLEAR', status: 'withdrawn', statusReason: 'Misreported seizure' },
  { id: 'MO-2020-0003', title: 'Old shafts', tlp: 'CLEAR', status: 'superseded', supersededBy: 'MO-2019-0003', statusReason: 'Replaced' },
  { id: 'MO-2020-0004', title: 'Hull box', tlp: 'AMBER', status: 'active' },
];

function course(tlp: CourseLinks['tlp'], modules: Array<[string, string[]]>, file = 'content/courses/c/index.mdx'): CourseLinks {
  return { file, tlp, modules: modules.map(([title, ids]) => ({ title, cases: ids.map((notice) => ({ notice })) })) };
}

describe('course case links (field case F7)', () => {
  it('passes a course whose links all resolve and whose marking covers them', () => {
    const r = checkCourseLinks([course('GREEN', [['One', ['MO-2019-0003', 'MO-2020-0001']]])], notices);
    expect(r).toEqual({ problems: [], warnings: [] });
  });

  it('lists every missing or differently cased id with file, module number and field', () => {
    const r = checkCourseLinks(
      [
        course(
          'CLEAR',
          [
            ['Intro', ['MO-2019-0003']],
            ['Hulls', ['mo-2019-0003', 'MO-2099-0000']],
          ],
          'content/courses/maritime/index.mdx',
        ),
      ],
      notices,
    );
    expect(r.problems).toHaveLength(2);
    expect(r.problems[0]).toMatchObject({ file: 'content/courses/maritime/index.mdx', field: 'modules[1].cases[0].notice' });
    expect(r.problems[0]!.message).toContain('Module 2 ("Hulls"), case 1');
    expect(r.problems[0]!.message).toContain('did you mean "MO-2019-0003"');
    expect(r.problems[1]).toMatchObject({ field: 'modules[1].cases[1].notice' });
    expect(r.problems[1]!.message).toContain('Module 2 ("Hulls"), case 2: "MO-2099-0000" matches no notice id');
  });

  it('refuses a link to a withdrawn notice, giving its reason', () => {
    const r = checkCourseLinks([course('CLEAR', [['One', ['MO-2020-0002']]])], notices);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]!.field).toBe('modules[0].cases[0].notice');
    expect(r.problems[0]!.message).toMatch(/MO-2020-0002 \("Gearbox"\) is withdrawn \(Misreported seizure\)/);
  });

  it('warns, without failing, about a link to a superseded notice and names its successor', () => {
    const r = checkCourseLinks([course('CLEAR', [['One', ['MO-2020-0003']]])], notices);
    expect(r.problems).toEqual([]);
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]!.message).toContain('superseded by MO-2019-0003');
  });

  it('requires the course marking to be at least the highest marking it links, naming each notice and module', () => {
    const r = checkCourseLinks(
      [
        course('CLEAR', [
          ['One', ['MO-2019-0003', 'MO-2020-0001']],
          ['Two', ['MO-2020-0004']],
        ]),
      ],
      notices,
    );
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]!.field).toBe('tlp');
    expect(r.problems[0]!.message).toContain('MO-2020-0001 (TLP:GREEN, module 1)');
    expect(r.problems[0]!.message).toContain('MO-2020-0004 (TLP:AMBER, module 2)');
    expect(r.problems[0]!.message).toContain('Mark the course TLP:AMBER or higher');
    expect(checkCourseLinks([course('AMBER+STRICT', [['Two', ['MO-2020-0004']]])], notices).problems).toEqual([]);
  });

  it('refuses the same notice twice in one module, but allows it in different modules', () => {
    const twice = checkCourseLinks([course('CLEAR', [['One', ['MO-2019-0003', 'MO-2019-0003']]])], notices);
    expect(twice.problems).toHaveLength(1);
    expect(twice.problems[0]!.field).toBe('modules[0].cases[1].notice');
    expect(twice.problems[0]!.message).toContain('already case 1 of this module');
    expect(
      checkCourseLinks(
        [
          course('CLEAR', [
            ['One', ['MO-2019-0003']],
            ['Two', ['MO-2019-0003']],
          ]),
        ],
        notices,
      ).problems,
    ).toEqual([]);
  });

  it('reports problems of several courses at once, each under its own file', () => {
    const r = checkCourseLinks(
      [course('CLEAR', [['One', ['MO-2099-0001']]], 'a/index.mdx'), course('CLEAR', [['One', ['MO-2099-0002']]], 'b/index.mdx')],
      notices,
    );
    expect(r.problems.map((p) => p.file)).toEqual(['a/index.mdx', 'b/index.mdx']);
  });

  it('checks 50 courses of 40 links against 2,000 notices (field case F12 sizes)', () => {
    const many: LinkableNotice[] = Array.from({ length: 2000 }, (_, i) => ({
      id: `MO-2024-${String(i).padStart(4, '0')}`,
      title: `N${i}`,
      tlp: 'CLEAR',
      status: 'active',
    }));
    const courses = Array.from({ length: 50 }, (_, c) =>
      course(
        'CLEAR',
        Array.from(
          { length: 4 },
          (_, m) => [`M${m}`, Array.from({ length: 10 }, (_, k) => many[(c * 40 + m * 10 + k) % 2000]!.id)] as [string, string[]],
        ),
      ),
    );
    expect(checkCourseLinks(courses, many).problems).toEqual([]);
  });
});

describe('course text naming a notice marked above the course', () => {
  it('is refused with the field, or the line and column of the body', () => {
    const prose = courseProse(
      { title: 'T', modules: [{ title: 'M', cases: [{ notice: 'MO-2020-0001', role: 'primary', prompt: 'Compare with mo-2020-0004.' }] }] },
      'Intro line.\nSee also MO-2020-0001 here.',
      12,
    );
    const r = checkCourseLinks([{ ...course('CLEAR', [['M', ['MO-2019-0003']]]), prose }], notices);
    expect(r.problems.map((p) => [p.field, p.line, p.column])).toEqual([
      ['modules[0].cases[0].prompt', undefined, undefined],
      ['body', 13, 10],
    ]);
    expect(r.problems[0]!.message).toContain("mentions MO-2020-0004, which is marked TLP:AMBER, above this course's TLP:CLEAR");
  });

  it('leaves the case links themselves to the link check, and ignores ids no notice has', () => {
    const prose = courseProse({ modules: [{ title: 'M', cases: [{ notice: 'MO-2020-0001', role: 'primary', prompt: 'MO-2099-9999?' }] }] });
    expect(prose.map((p) => p.field)).toEqual(['modules[0].title', 'modules[0].cases[0].role', 'modules[0].cases[0].prompt', 'body']);
    expect(checkCourseLinks([{ ...course('GREEN', [['M', ['MO-2020-0001']]]), prose }], notices).problems).toEqual([]);
  });
});

describe('course case links to drafts', () => {
  it('refuses a case linking a draft (a draft is built into no audience: the case would lead nowhere)', () => {
    const withDraft: LinkableNotice[] = [
      ...notices,
      { id: 'MO-2026-0001', title: 'Imported', tlp: 'CLEAR', status: 'active', draft: true },
    ];
    const r = checkCourseLinks([course('CLEAR', [['One', ['MO-2019-0003', 'MO-2026-0001']]])], withDraft);
    expect(r.problems).toEqual([
      {
        file: 'content/courses/c/index.mdx',
        field: 'modules[0].cases[1].notice',
        message:
          'Module 1 ("One"), case 2: MO-2026-0001 ("Imported") is a draft, which no build publishes: finish it in the CMS (untick "Draft") or remove the case.',
      },
    ]);
  });
});
