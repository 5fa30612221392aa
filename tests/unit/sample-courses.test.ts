/**
 * The sample courses in content/courses: each is valid, keeps its keys in the CMS order (so a CMS
 * save rewrites nothing else), links real sample notices with a marking that covers them, and the
 * three themes the samples exist to show are there. Prevents: the sample content, which a newcomer
 * builds first, failing the build or teaching a course that links missing or higher-marked notices.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { courseSchema, COURSE_FIELD_ORDER, MODULE_FIELD_ORDER, CASE_FIELD_ORDER } from '../../src/model/course.ts';
import { checkCourseLinks } from '../../src/loading/checks/course-links.ts';

const CONTENT = path.resolve(import.meta.dirname, '../../content');

function frontmatter(file: string): Record<string, unknown> {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(fs.readFileSync(file, 'utf8'));
  if (!m) throw new Error(`${file} has no frontmatter`);
  return parse(m[1]!) as Record<string, unknown>;
}

const folders = (dir: string) =>
  fs.readdirSync(path.join(CONTENT, dir)).filter((d) => fs.existsSync(path.join(CONTENT, dir, d, 'index.mdx')));
const courses = folders('courses').map((slug) => ({
  slug,
  file: `content/courses/${slug}/index.mdx`,
  raw: frontmatter(path.join(CONTENT, 'courses', slug, 'index.mdx')),
}));
const notices = folders('notices').map((slug) => frontmatter(path.join(CONTENT, 'notices', slug, 'index.mdx')));

/** True when `keys` follow the order of `order` (keys absent from the file are skipped). */
const inOrder = (keys: string[], order: readonly string[]) =>
  keys.every((k, i) => i === 0 || order.indexOf(k) > order.indexOf(keys[i - 1]!));

describe('sample courses', () => {
  it('finds at least three sample courses (else the checks below would pass on none)', () => {
    expect(courses.length).toBeGreaterThanOrEqual(3);
  });

  it.each(courses)('$slug passes the course schema and keeps its keys in the CMS order at every level', ({ raw }) => {
    const r = courseSchema().safeParse(raw);
    expect(r.success ? [] : r.error.issues).toEqual([]);
    expect(inOrder(Object.keys(raw), COURSE_FIELD_ORDER)).toBe(true);
    for (const m of raw.modules as Array<Record<string, unknown>>) {
      expect(inOrder(Object.keys(m), MODULE_FIELD_ORDER)).toBe(true);
      for (const c of m.cases as Array<Record<string, unknown>>) expect(inOrder(Object.keys(c), CASE_FIELD_ORDER)).toBe(true);
    }
  });

  it('links only existing, current sample notices, with markings covered by each course', () => {
    const parsed = courses.map((c) => ({ file: c.file, ...courseSchema().parse(c.raw) }));
    const report = checkCourseLinks(
      parsed,
      notices.map((n) => ({
        id: String(n.id),
        title: String(n.title),
        tlp: n.tlp as 'CLEAR',
        status: (n.status ?? 'active') as 'active',
        supersededBy: n.supersededBy as string | undefined,
      })),
    );
    expect(report.problems).toEqual([]);
    expect(report.warnings).toEqual([]);
  });

  it('covers manufactured goods, maritime methods, and impregnation and liquids, all TLP:CLEAR', () => {
    const byConcealment = new Map(notices.map((n) => [String(n.id), String((n.concealment as { category: string }).category)]));
    const categories = (raw: Record<string, unknown>) =>
      new Set((raw.modules as Array<{ cases: Array<{ notice: string }> }>).flatMap((m) => m.cases.map((c) => byConcealment.get(c.notice))));
    const all = courses.map((c) => categories(c.raw));
    expect(all.some((s) => s.has('inside-goods'))).toBe(true);
    expect(all.some((s) => s.has('parasitic-hull') && s.has('specialised-vessel'))).toBe(true);
    expect(all.some((s) => s.has('impregnation-dissolution'))).toBe(true);
    expect(courses.every((c) => c.raw.tlp === 'CLEAR')).toBe(true);
  });
});
