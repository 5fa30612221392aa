/**
 * The knowledge base of one build: the notices and courses this build's audience may see, and their
 * derived indexes, computed once per build (memoised) and shared by every page.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { readSettings } from '../settings.ts';
import { audienceMaySee } from '../schema/tlp.ts';
import { buildIndexes, type Indexes } from './indexes.ts';
import { buildCourseIndex, type CourseIndex } from './course-index.ts';

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

async function load(): Promise<KnowledgeBase> {
  const { audience } = readSettings();
  const all = await getCollection('notices');
  // Courses above the audience were withheld by their loader, after their case links were checked.
  const allCourses = await getCollection('courses');
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
