/**
 * The knowledge base of one build: the notices and courses this build's audience may see, and their
 * derived indexes, computed once per build (memoised) and shared by every page.
 */
import { getCollection } from 'astro:content';
import settings from 'virtual:modus/settings';
import { assertWithinAudience } from '../../loading/audience.ts';
import { buildIndexes, type Indexes } from '../../knowledge/indexes.ts';
import { buildCourseIndex, type CourseIndex } from '../../knowledge/course-index.ts';
import { buildDigest } from './cache-keys.ts';
import type { Course, CourseTranslation, Notice, NoticeImage, NoticeTranslation } from '../entries.ts';
import type { Audience } from '../../model/tlp.ts';
import type { Language } from '../../model/languages.ts';
/** The knowledge base: the indexes of the visible notices, the build's audience and the course indexes. */
export type KnowledgeBase = Indexes<Notice> & {
  audience: Audience;
  /** The digest of this build's settings, UI strings and vocabularies: part of every page's cache key (src/render/data/cache-keys.ts). */
  buildDigest: string;
  /** Courses this audience may see, their modules with case cards, covers, and "Used in courses" backlinks. */
  courses: CourseIndex<Course, Notice, NoticeImage>;
  /** Notice slug → its translations this audience may see, by language. */
  noticeTranslations: Map<string, Map<Language, NoticeTranslation>>;
  /** Course slug → its translations this audience may see, by language. */
  courseTranslations: Map<string, Map<Language, CourseTranslation>>;
};

/** Translation entries (ids `<slug>/<lang>`) by slug and language. */
function bySlugAndLanguage<E extends { id: string }>(entries: readonly E[]): Map<string, Map<Language, E>> {
  const out = new Map<string, Map<Language, E>>();
  for (const e of entries) {
    const [slug, lang] = e.id.split('/') as [string, Language];
    let m = out.get(slug);
    if (!m) out.set(slug, (m = new Map<Language, E>()));
    m.set(lang, e);
  }
  return out;
}

let kb: Promise<KnowledgeBase> | undefined;

async function load(): Promise<KnowledgeBase> {
  const { audience } = settings;
  // Notices and courses above the audience were withheld by their loaders, after every check ran;
  // one arriving here anyway stops the build rather than being dropped in silence.
  const where = (e: { id: string; filePath?: string }) => (e.filePath ? ` (${e.filePath})` : '');
  const visible = assertWithinAudience(await getCollection('notices'), audience, (n) => `Notice ${n.data.id}${where(n)}`);
  const visibleCourses = assertWithinAudience(await getCollection('courses'), audience, (c) => `Course ${c.id}${where(c)}`);
  const indexes = buildIndexes(visible, audience);
  const courses = buildCourseIndex(visibleCourses, indexes.byId, indexes.shownImages);
  console.info(
    `[modus] derived indexes computed once for ${indexes.notices.length} notices and ${courses.courses.length} courses ` +
      `(${courses.caseCount} case links, ${courses.usedIn.size} notices used in courses; audience ${audience})`,
  );
  // Translations were withheld with their originals by their loader (src/loading/collections.ts).
  const noticeTranslations = bySlugAndLanguage(await getCollection('noticeTranslations'));
  const courseTranslations = bySlugAndLanguage(await getCollection('courseTranslations'));
  return { ...indexes, audience, buildDigest: buildDigest(settings), courses, noticeTranslations, courseTranslations };
}

/** The knowledge base, computed on first use and reused by every page of the build. */
export function getKnowledgeBase(): Promise<KnowledgeBase> {
  kb ??= load();
  return kb;
}
