/**
 * Checks that a course's case links hold (field case F7; docs/courses.md, "Links that hold"): every case
 * names an existing notice by its exact id, no case links a withdrawn notice, and a course is marked
 * at least as high as every notice it links or names in its text (so a build that withholds a notice
 * withholds the courses that link it, and never prints its id). Pure: takes what it needs from both collections, returns problems naming the course
 * file, the module number and the field.
 */
import type { ContentProblem } from '../problems.ts';
import { noticeLookup } from './notice-lookup.ts';
import { entryTexts, mentionsAbove, type EntryText } from './marking-checks.ts';
import { tlpLabel, tlpRank, type Tlp } from '../../model/tlp.ts';

/** What the checks need from a course. `file` is the path shown to the editor. */
export interface CourseLinks {
  file: string;
  tlp: Tlp;
  modules: ReadonlyArray<{ title: string; cases: ReadonlyArray<{ notice: string }> }>;
  /** The course's own words (see `courseProse`), checked for mentions of notices marked above it. */
  prose?: ReadonlyArray<CourseText>;
}

/** A piece of a course's text: its field (or "body" with line and column in the file) and the text. */
export type CourseText = EntryText;

/**
 * The prose of a course: every frontmatter text with its field path (`modules[1].cases[0].prompt`),
 * except the case links themselves (`notice`), and each line of the MDX body (starting at `bodyLine`
 * of the file).
 */
export function courseProse(data: Record<string, unknown>, body = '', bodyLine = 1): CourseText[] {
  return entryTexts(data, (key) => key === 'notice', body, bodyLine);
}

/** What the checks need from a notice (every notice of the collection, whatever the build's audience). */
export interface LinkableNotice {
  id: string;
  title: string;
  tlp: Tlp;
  status: 'active' | 'superseded' | 'withdrawn';
  statusReason?: string;
  supersededBy?: string;
  /** A draft (src/model/draft.ts): built into no audience, so no course may link it. */
  draft?: boolean;
}

/** Problems stop the build; warnings are printed (a superseded notice still has a page, but is out of date). */
export interface CourseLinkReport {
  problems: ContentProblem[];
  warnings: ContentProblem[];
}

/** `Module 2 ("Sea chests"), case 1` — where a case sits, 1-based as a trainer counts. */
function where(moduleIndex: number, moduleTitle: string, caseIndex: number): string {
  return `Module ${moduleIndex + 1} ("${moduleTitle}"), case ${caseIndex + 1}`;
}

/**
 * Checks every case link of every course against the notices. Runs in one pass over the notices
 * and one over the cases (linear). Field names are frontmatter paths such as `modules[1].cases[0].notice`
 * (0-based, as in the file); messages give the 1-based module and case number. Takes valid courses
 * only: their schema has already refused TLP:RED (src/model/notice.ts `tlpField`).
 */
export function checkCourseLinks(courses: readonly CourseLinks[], notices: readonly LinkableNotice[]): CourseLinkReport {
  const problems: ContentProblem[] = [];
  const warnings: ContentProblem[] = [];
  const { byId, unknownId } = noticeLookup(notices, (n) => n.id);
  const markingOf = new Map<string, Tlp>();
  for (const n of notices) {
    if (!markingOf.has(n.id.toUpperCase())) markingOf.set(n.id.toUpperCase(), n.tlp);
  }
  for (const course of courses) {
    const file = course.file;
    const above: string[] = [];
    let needed: Tlp = course.tlp;
    course.modules.forEach((mod, m) => {
      const seen = new Map<string, number>();
      mod.cases.forEach((c, k) => {
        const field = `modules[${m}].cases[${k}].notice`;
        const at = where(m, mod.title, k);
        const n = byId.get(c.notice);
        if (!n) {
          problems.push({
            file,
            field,
            message: `${at}: ${unknownId(c.notice, 'Link an existing notice by its id (MO-YYYY-NNNN), or remove the case.')}`,
          });
          return;
        }
        const first = seen.get(n.id);
        if (first !== undefined) {
          problems.push({
            file,
            field,
            message: `${at}: ${n.id} is already case ${first + 1} of this module; link each notice once per module.`,
          });
        } else {
          seen.set(n.id, k);
        }
        if (n.draft === true) {
          problems.push({
            file,
            field,
            message: `${at}: ${n.id} ("${n.title}") is a draft, which no build publishes: finish it in the CMS (untick "Draft") or remove the case.`,
          });
        } else if (n.status === 'withdrawn') {
          problems.push({
            file,
            field,
            message: `${at}: ${n.id} ("${n.title}") is withdrawn${n.statusReason ? ` (${n.statusReason})` : ''}. Trainees must not be taught a withdrawn notice: link another notice or remove the case.`,
          });
        } else if (n.status === 'superseded') {
          warnings.push({
            file,
            field,
            message: `${at}: ${n.id} ("${n.title}") is superseded${n.supersededBy ? ` by ${n.supersededBy}` : ''}; consider linking the current notice.`,
          });
        }
        if (tlpRank(n.tlp) > tlpRank(course.tlp)) {
          above.push(`${n.id} (${tlpLabel(n.tlp)}, module ${m + 1})`);
          if (tlpRank(n.tlp) > tlpRank(needed)) needed = n.tlp;
        }
      });
    });
    problems.push(...mentionsAbove({ file, tlp: course.tlp, texts: course.prose ?? [] }, markingOf, 'course'));
    if (above.length > 0) {
      problems.push({
        file,
        field: 'tlp',
        message:
          `The course is marked ${tlpLabel(course.tlp)} but links notices marked higher: ${above.join(', ')}. ` +
          `Mark the course ${tlpLabel(needed)} or higher, or link other notices (a course's marking must be at least that of every notice it links).`,
      });
    }
  }
  return { problems, warnings };
}
