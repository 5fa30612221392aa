/**
 * The course schema (src/model/course.ts) and its CMS texts. Prevents: a TLP:RED course reaching the
 * knowledge base, a course without modules or cases building, a title YAML read as a date changed
 * (field case F5) or an empty CMS field refused (F6), and a refusal that does not name the module,
 * case and field or list the allowed values.
 */
import { describe, expect, it } from 'vitest';
import {
  caseSchema,
  courseSchema,
  moduleSchema,
  COURSE_FIELD_ORDER,
  MODULE_FIELD_ORDER,
  CASE_FIELD_ORDER,
} from '../../src/model/course.ts';
import { COURSE_BODY_TEXT, COURSE_FIELD_TEXT } from '../../src/cms/node/course-field-text.ts';
import { fieldPath } from '../../src/loading/problems.ts';

/** A valid course as a trainer writes it (frontmatter after YAML parsing). */
function course(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: 'Concealment in manufactured goods',
    summary: 'How drugs are hidden inside manufactured goods.',
    audience: ['frontline-customs'],
    level: 'introductory',
    durationMinutes: 90,
    tlp: 'CLEAR',
    published: '2026-01-15',
    objectives: ['Recognise goods heavier than they should be.'],
    modules: [{ title: 'Hollow castings', cases: [{ notice: 'MO-2025-0001', role: 'primary', prompt: 'What would you check first?' }] }],
    ...over,
  };
}

function issues(data: Record<string, unknown>): Array<{ field: string; message: string }> {
  const r = courseSchema().safeParse(data);
  return r.success ? [] : r.error.issues.map((i) => ({ field: fieldPath(i.path), message: i.message }));
}

describe('course schema', () => {
  it('accepts a complete course and fills list defaults', () => {
    const r = courseSchema().parse(course());
    expect(r.modules[0]!.objectives).toEqual([]);
    expect(r.modules[0]!.cases[0]).toEqual({ notice: 'MO-2025-0001', role: 'primary', prompt: 'What would you check first?' });
    expect(r.published).toBe('2026-01-15');
  });

  it('refuses a TLP:RED course (never built into the knowledge base), naming the markings allowed', () => {
    expect(issues(course({ tlp: 'RED' }))).toEqual([
      {
        field: 'tlp',
        message:
          'TLP:RED is for named recipients only and never goes into the knowledge base; share it outside Modus, or choose one of: CLEAR, GREEN, AMBER, AMBER+STRICT.',
      },
    ]);
  });

  it('has its fields in COURSE_FIELD_ORDER, the key order the CMS writes', () => {
    expect(Object.keys(courseSchema().shape)).toEqual([...COURSE_FIELD_ORDER]);
  });

  it('takes one audience or a list, always giving a list', () => {
    expect(courseSchema().parse(course({ audience: 'analysts' })).audience).toEqual(['analysts']);
    expect(courseSchema().parse(course({ audience: ['analysts', 'investigators'] })).audience).toEqual(['analysts', 'investigators']);
  });

  it('reads an unquoted YAML date as the same date, whatever the time zone', () => {
    expect(courseSchema().parse(course({ published: new Date(Date.UTC(2026, 0, 15)) })).published).toBe('2026-01-15');
  });

  it('names module, case and field of a bad case, and lists allowed roles', () => {
    const found = issues(course({ modules: [{ title: 'A', cases: [{ notice: 'MO-2025-0001', role: 'main' }] }] }));
    expect(found).toHaveLength(1);
    expect(found[0]!.field).toBe('modules[0].cases[0].role');
    expect(found[0]!.message).toContain('primary, comparison, background');
  });

  it('requires a role, at least one case per module and at least one module', () => {
    expect(issues(course({ modules: [{ title: 'A', cases: [{ notice: 'MO-2025-0001' }] }] })).map((i) => i.field)).toEqual([
      'modules[0].cases[0].role',
    ]);
    expect(issues(course({ modules: [{ title: 'A', cases: [] }] })).map((i) => i.field)).toEqual(['modules[0].cases']);
    expect(issues(course({ modules: [] })).map((i) => i.field)).toEqual(['modules']);
  });

  it('rejects a duration that is not whole minutes, with a hint', () => {
    const [i] = issues(course({ durationMinutes: '90 min' }));
    expect(i!.field).toBe('durationMinutes');
    expect(i!.message).toMatch(/minutes as a whole number/);
    expect(issues(course({ durationMinutes: 0 }))[0]!.field).toBe('durationMinutes');
    expect(issues(course({ durationMinutes: 45.5 }))[0]!.field).toBe('durationMinutes');
  });

  it('rejects an unknown audience, level and marking naming the allowed values', () => {
    expect(issues(course({ audience: ['customs'] }))[0]!.message).toContain('frontline-customs');
    expect(issues(course({ level: 'expert' }))[0]!.message).toContain('introductory, intermediate, advanced');
    expect(issues(course({ tlp: 'WHITE' }))[0]!.message).toContain('CLEAR');
  });

  it('accepts a marking written with the TLP: prefix or in lower case', () => {
    expect(courseSchema().parse(course({ tlp: 'tlp:amber' })).tlp).toBe('AMBER');
  });

  it('keeps a title YAML read as a date as its text, and asks to quote a number (field case F5)', () => {
    expect(courseSchema().parse(course({ title: new Date(Date.UTC(2023, 4, 1)) })).title).toBe('2023-05-01');
    const [i] = issues(course({ title: 1234 }));
    expect(i!.field).toBe('title');
    expect(i!.message).toMatch(/quotes/);
  });

  it('treats empty optional texts written by the CMS as absent (field case F6)', () => {
    const r = courseSchema().parse(
      course({
        modules: [
          {
            title: 'A',
            intro: '',
            objectives: null,
            cases: [{ notice: 'MO-2025-0001', role: 'background', prompt: null, trainerNote: '' }],
          },
        ],
      }),
    );
    expect(r.modules[0]).toEqual({ title: 'A', objectives: [], cases: [{ notice: 'MO-2025-0001', role: 'background' }] });
  });
});

describe('course form text for the CMS', () => {
  it('has a label and hint for every course, module and case field, and nothing left over', () => {
    expect(Object.keys(moduleSchema().shape)).toEqual([...MODULE_FIELD_ORDER]);
    expect(Object.keys(caseSchema().shape)).toEqual([...CASE_FIELD_ORDER]);
    const paths = [
      ...COURSE_FIELD_ORDER,
      ...MODULE_FIELD_ORDER.map((f) => `modules.${f}`),
      ...CASE_FIELD_ORDER.map((f) => `modules.cases.${f}`),
    ];
    expect(Object.keys(COURSE_FIELD_TEXT).sort()).toEqual([...paths].sort());
    for (const [path, text] of [...Object.entries(COURSE_FIELD_TEXT), ['body', COURSE_BODY_TEXT] as const]) {
      expect(text.label.trim(), path).not.toBe('');
      expect(text.hint.trim(), path).not.toBe('');
    }
  });
});
