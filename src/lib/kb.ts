/**
 * The knowledge base of one build: the notices and courses this build's audience may see, and their
 * derived indexes, computed once per build (memoised) and shared by every page.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { AstroError } from 'astro/errors';
import { readSettings } from '../settings.ts';
import { audienceMaySee } from '../schema/tlp.ts';
import { buildIndexes, type Indexes } from './indexes.ts';
import { checkCourseLinks } from './course-links.ts';
import { buildCourseIndex, type CourseIndex } from './course-index.ts';
import { formatProblems } from './problems.ts';

/** A notice entry of the content collection. */
export type Notice = CollectionEntry<'notices'>;
/** A course entry of the content collection. */
export type Course = CollectionEntry<'courses'>;
export type KnowledgeBase = Indexes<Notice> & {
  audience: ReturnType<typeof readSettings>['audience'];
  /** Courses this audience may see, their modules with case cards, and "Used in courses" backlinks. */
  courses: CourseIndex<Course, Notice>;
};

let kb: Promise<KnowledgeBase> | undefined;

/**
 * Checks every course's case links against every notice (whatever the audience, so each audience's
 * build fails alike). Throws an AstroError listing every problem with file, module and field;
 * prints warnings (superseded notices linked).
 */
function checkCourses(courses: readonly Course[], notices: readonly Notice[]): void {
  const report = checkCourseLinks(
    courses.map((c) => ({ file: c.filePath ?? c.id, tlp: c.data.tlp, modules: c.data.modules })),
    notices.map((n) => n.data),
  );
  for (const w of report.warnings) console.warn(`[modus] ${w.file} ${w.field}: ${w.message}`);
  if (report.problems.length > 0) {
    throw new AstroError(
      formatProblems(report.problems),
      'Fix the case links named above in the course files (or in the CMS), then build again. Notices are linked by id, e.g. MO-2025-0001.',
    );
  }
}

async function load(): Promise<KnowledgeBase> {
  const { audience } = readSettings();
  const all = await getCollection('notices');
  const allCourses = await getCollection('courses');
  checkCourses(allCourses, all);
  const visible = all.filter((n) => audienceMaySee(audience, n.data.tlp));
  const indexes = buildIndexes(visible);
  const courses = buildCourseIndex(allCourses.filter((c) => audienceMaySee(audience, c.data.tlp)), indexes.byId);
  console.info(
    `[modus] derived indexes computed once for ${indexes.notices.length} notices and ${courses.courses.length} courses ` +
      `(${courses.caseCount} case links, ${courses.usedIn.size} notices used in courses; audience ${audience})`,
  );
  return { ...indexes, audience, courses };
}

/** The knowledge base, computed on first use and reused by every page of the build. */
export function getKnowledgeBase(): Promise<KnowledgeBase> {
  kb ??= load();
  return kb;
}
