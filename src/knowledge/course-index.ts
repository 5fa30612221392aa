/**
 * Derived course indexes, computed once per build (field case F12): each course's modules with their
 * case cards (the linked notice, its role, prompt, trainer note and key facts), and the backlinks
 * "Used in courses" (notice id → the course modules that link it). One pass over all cases, so the
 * cost grows linearly with the number of case links, however many notices or courses there are.
 * Pure: pages only read the result.
 */
import type { CourseData, CourseCase } from '../model/course.ts';
import type { NoticeData } from '../model/notice.ts';
import { countryName as countryNameOf } from '../model/countries.ts';
import {
  caseRoles,
  commodities,
  concealmentCategories,
  detectionMethods,
  labelOf,
  labelOf as labelOfTerm,
  transportModes,
  type Vocabulary,
} from '../model/vocabularies.ts';
import { courseModuleUrl, moduleAnchor } from './urls.ts';
import { compareDates } from './dates.ts';

/** A course as the index sees it: its slug (folder name) and validated frontmatter. */
export interface IndexedCourse {
  id: string;
  data: CourseData;
}

/** A notice as the index sees it. */
export interface CaseNotice {
  id: string;
  data: Pick<NoticeData, 'id' | 'title' | 'commodities' | 'concealment' | 'transportModes' | 'route' | 'seizures' | 'detection'>;
}

/** The notice fields a case card's key facts show, in this order (each shown only when known, beyond the first three). */
export type CaseFactField = 'commodities' | 'concealment' | 'transportModes' | 'route' | 'seizures' | 'detection';

/** A known part of a route: where a consignment came `from`, went `via` or went `to`, and those countries' names (comma-separated). */
export interface RouteLeg {
  leg: 'from' | 'via' | 'to';
  places: string;
}

/**
 * One line of a case card's key facts: the field it shows and its value (vocabulary labels and country
 * names), or for the route its known parts in order. The render layer words the line (src/render/case-facts.ts).
 */
export type CaseFact = { field: Exclude<CaseFactField, 'route'>; value: string } | { field: 'route'; legs: RouteLeg[] };

/**
 * A case as shown on a course page and in the handout: the notice, its role, prompt, trainer note, key
 * facts, and the images a card may show of the notice (`Indexes.shownImages`; the first is the
 * thumbnail, the handout shows them all).
 */
export interface CaseCard<N, I = unknown> {
  notice: N;
  role: CourseCase['role'];
  roleLabel: string;
  prompt?: string;
  trainerNote?: string;
  facts: CaseFact[];
  images: readonly I[];
}

/** A module with its number (1-based), anchor on the course page and case cards. */
export interface ModuleView<N, I = unknown> {
  number: number;
  anchor: string;
  title: string;
  objectives: string[];
  intro?: string;
  cases: CaseCard<N, I>[];
}

/** A module of a course that links a notice, and the role the notice plays there. */
export interface UsedInModule {
  number: number;
  title: string;
  role: CourseCase['role'];
  roleLabel: string;
  /** The module on its course page (`/courses/<slug>/#module-N`). */
  url: string;
}

/** One backlink: a course that links a notice, with the modules (in order) that link it. */
export interface UsedIn<C> {
  course: C;
  modules: UsedInModule[];
}

/**
 * The course indexes of one build. Courses are newest first (published, then title). `I` is the
 * image type of the notices (see `covers`).
 */
export interface CourseIndex<C, N, I = unknown> {
  courses: C[];
  bySlug: Map<string, C>;
  modules: Map<string, ModuleView<N, I>[]>;
  /** Notice id → courses linking it (newest course first), each with its modules in order. Notices used nowhere are absent. */
  usedIn: Map<string, UsedIn<C>[]>;
  /**
   * Course slug → its cover image (its search thumbnail): the first image a card may show of the
   * first case, in module order, that has one. Courses with no such image are absent.
   */
  covers: Map<string, I>;
  /** Course slug → its number of cases (case links over all its modules). */
  caseCounts: Map<string, number>;
  /** Number of case links indexed (for the build log and the benchmark). */
  caseCount: number;
}

/**
 * How case facts are worded in one language: vocabulary labels, country names and punctuation (the
 * render layer gives those of the page's language; English by default).
 */
export interface FactWords {
  term: (vocab: Vocabulary, slug: string) => string;
  country: (code: string) => string;
  /** Between the items of a list (", "; Arabic "، "). */
  listSeparator: string;
  /** Between groups (seizures: "; "; Arabic "؛ "). */
  groupSeparator: string;
  /** Between a concealment category and its object (": "; French " : "). */
  colon: string;
}

/** English wording: the vocabularies' labels and English country names. */
export const ENGLISH_WORDS: FactWords = {
  term: (v, s) => labelOfTerm(v, s),
  country: (c) => countryNameOf(c),
  listSeparator: ', ',
  groupSeparator: '; ',
  colon: ': ',
};

/**
 * Key facts of a notice for a case card: commodity, concealment (category: object), transport,
 * route (the parts that are known: from South Africa, via Panama, to Australia), seizures (country and
 * year, each once) and how it was detected, when known. Values are the vocabularies' labels and country names.
 */
export function caseFacts(d: CaseNotice['data'], words: FactWords = ENGLISH_WORDS): CaseFact[] {
  const labelOf = words.term;
  const countryName = words.country;
  const facts: CaseFact[] = [
    { field: 'commodities', value: d.commodities.map((c) => labelOf(commodities, c)).join(words.listSeparator) },
    { field: 'concealment', value: `${labelOf(concealmentCategories, d.concealment.category)}${words.colon}${d.concealment.object}` },
    { field: 'transportModes', value: d.transportModes.map((m) => labelOf(transportModes, m)).join(words.listSeparator) },
  ];
  const names = (codes: readonly string[]) => codes.map((c) => countryName(c)).join(words.listSeparator);
  const legs = (
    [
      ['from', d.route.origin],
      ['via', d.route.transit],
      ['to', d.route.destination],
    ] as const
  )
    .filter(([, codes]) => codes.length > 0)
    .map(([leg, codes]): RouteLeg => ({ leg, places: names(codes) }));
  if (legs.length > 0) facts.push({ field: 'route', legs });
  if (d.seizures.length > 0) {
    const seen = new Set<string>();
    const seized = d.seizures.map((s) => `${countryName(s.country)} ${s.year}`).filter((s) => !seen.has(s) && seen.add(s));
    facts.push({ field: 'seizures', value: seized.join(words.groupSeparator) });
  }
  if (d.detection.length > 0)
    facts.push({ field: 'detection', value: d.detection.map((m) => labelOf(detectionMethods, m)).join(words.listSeparator) });
  return facts;
}

/** Newest first: published date descending, then title. */
function newestFirst(a: IndexedCourse, b: IndexedCourse): number {
  return compareDates(b.data.published, a.data.published) || a.data.title.localeCompare(b.data.title, 'en');
}

/**
 * Builds the course indexes for `input` (the courses this build may show) against `noticeById`
 * (the notices this build may show) and `shownImages` (notice id → the images a card may show of
 * it, first the thumbnail: `Indexes.shownImages`; a notice absent has none). Case facts are computed once per notice, however many courses
 * link it. Throws if a course links a notice absent from `noticeById`: the link checks and the
 * marking rule guarantee that never happens, so it would mean a course could leak a withheld notice.
 */
export function buildCourseIndex<C extends IndexedCourse, N extends CaseNotice, I = never>(
  input: readonly C[],
  noticeById: ReadonlyMap<string, N>,
  shownImages: ReadonlyMap<string, readonly I[]> = new Map(),
): CourseIndex<C, N, I> {
  const courses = [...input].sort(newestFirst);
  const bySlug = new Map(courses.map((c) => [c.id, c]));
  const modules = new Map<string, ModuleView<N, I>[]>();
  const usedIn = new Map<string, UsedIn<C>[]>();
  const covers = new Map<string, I>();
  const caseCounts = new Map<string, number>();
  const factsOf = new Map<string, CaseFact[]>();
  let caseCount = 0;
  for (const course of courses) {
    const views = course.data.modules.map((mod, m): ModuleView<N, I> => {
      const number = m + 1;
      const roleSeen = new Set<string>();
      const cases = mod.cases.map((c): CaseCard<N, I> => {
        const notice = noticeById.get(c.notice);
        if (!notice) {
          throw new Error(
            `Course "${course.id}", module ${number}: notice ${c.notice} is not in this build; a course must never be shown with a notice its audience may not see.`,
          );
        }
        caseCount++;
        const images = shownImages.get(c.notice) ?? [];
        const thumb = images[0];
        if (thumb !== undefined && !covers.has(course.id)) covers.set(course.id, thumb);
        let facts = factsOf.get(c.notice);
        if (!facts) factsOf.set(c.notice, (facts = caseFacts(notice.data)));
        const roleLabel = labelOf(caseRoles, c.role);
        if (!roleSeen.has(c.notice)) {
          roleSeen.add(c.notice);
          const list = usedIn.get(c.notice) ?? [];
          let entry = list[list.length - 1];
          if (entry?.course !== course) list.push((entry = { course, modules: [] }));
          entry.modules.push({ number, title: mod.title, role: c.role, roleLabel, url: courseModuleUrl(course.id, number) });
          usedIn.set(c.notice, list);
        }
        return { notice, role: c.role, roleLabel, prompt: c.prompt, trainerNote: c.trainerNote, facts, images };
      });
      return { number, anchor: moduleAnchor(number), title: mod.title, objectives: mod.objectives, intro: mod.intro, cases };
    });
    modules.set(course.id, views);
    caseCounts.set(
      course.id,
      views.reduce((sum, m) => sum + m.cases.length, 0),
    );
  }
  return { courses, bySlug, modules, usedIn, covers, caseCounts, caseCount };
}
