/**
 * The `getStaticPaths()` of every page made per notice, course, list page or facet, in one place: each
 * path's props are everything the page shows (the page reads nothing else), and its `cacheKey` is the
 * digest of those props and of the build (src/render/data/cache-keys.ts), so Astro's incremental build
 * makes a page again exactly when something it shows changed. Cards get a notice's slug and
 * frontmatter (`NoticeSummary`), never its body, and only the images they show.
 */
import { getKnowledgeBase, type KnowledgeBase } from './knowledge-base.ts';
import { withCacheKeys } from './cache-keys.ts';
import { FACETS, type FacetKey } from '../../knowledge/facets.ts';
import { facetCounts, type FacetCount } from '../../knowledge/indexes.ts';
import { facetValuePages, noticePages } from '../../knowledge/pages.ts';
import type { Page } from '../../knowledge/paginate.ts';
import type { ModuleView, UsedIn } from '../../knowledge/course-index.ts';
import { noticeUrl } from '../../knowledge/urls.ts';
import type { Audience } from '../../model/tlp.ts';
import type { Course, CourseSummary, Notice, NoticeImage, NoticeSummary, ShownImages } from '../entries.ts';

/** A path of a `getStaticPaths()` with its props and its cache key. */
export interface KeyedPath<Params, Props> {
  params: Params;
  props: Props;
  cacheKey: string;
}

const summaries = new WeakMap<NoticeSummary, NoticeSummary>();
/** A notice as a card shows it: one object per notice, so its digest is computed once per build. */
function summaryOf(n: NoticeSummary): NoticeSummary {
  let s = summaries.get(n);
  if (!s) summaries.set(n, (s = { id: n.id, data: n.data }));
  return s;
}

/** The thumbnails of the cards of `notices` (notice id → the first image a card may show, if any). */
function thumbnailsOf(kb: KnowledgeBase, notices: readonly NoticeSummary[]): ShownImages {
  return new Map(notices.map((n) => [n.data.id, (kb.shownImages.get(n.data.id) ?? []).slice(0, 1)]));
}

/** A page of a notice list with its cards (the notices as summaries) and their thumbnails. */
function listPage(kb: KnowledgeBase, page: Page<Notice>): { page: Page<NoticeSummary>; shownImages: ShownImages } {
  const items = page.items.map(summaryOf);
  return { page: { ...page, items }, shownImages: thumbnailsOf(kb, items) };
}

/** What a notice page shows: the notice (with its body) and the cards and links around it. */
export interface NoticePageProps {
  notice: Notice;
  audience: Audience;
  /** Its search thumbnail: the first image a card may show of it. */
  thumbnail?: NoticeImage;
  /** The notice that supersedes it, when this build's audience may see it. */
  successor?: NoticeSummary;
  related: NoticeSummary[];
  similar: NoticeSummary[];
  /** The thumbnails of the related and similar notices' cards. */
  shownImages: ShownImages;
  usedIn: UsedIn<CourseSummary>[];
}

/** `/notices/<slug>/`: one path per notice. */
export async function noticeStaticPaths(): Promise<Array<KeyedPath<{ slug: string }, NoticePageProps>>> {
  const kb = await getKnowledgeBase();
  const paths = kb.notices.map((notice) => {
    const d = notice.data;
    const successor = d.supersededBy ? kb.byId.get(d.supersededBy) : undefined;
    const related = (kb.related.get(d.id) ?? []).map(summaryOf);
    const similar = (kb.similar.get(d.id) ?? []).map(summaryOf);
    const usedIn = (kb.courses.usedIn.get(d.id) ?? []).map((u) => ({
      course: { id: u.course.id, data: { title: u.course.data.title } },
      modules: u.modules,
    }));
    const props: NoticePageProps = {
      notice,
      audience: kb.audience,
      thumbnail: kb.shownImages.get(d.id)?.[0],
      successor: successor && summaryOf(successor),
      related,
      similar,
      shownImages: thumbnailsOf(kb, [...related, ...similar]),
      usedIn,
    };
    return { params: { slug: notice.id }, props };
  });
  return withCacheKeys(paths, kb.buildDigest);
}

/** What a redirect page shows: where it leads and the notice's title. */
export interface RedirectProps {
  to: string;
  title: string;
}

/** `/id/<ID>/`: one path per notice id, and one per id in lower case. */
export async function idStaticPaths(): Promise<Array<KeyedPath<{ id: string }, RedirectProps>>> {
  const kb = await getKnowledgeBase();
  const paths = kb.notices.flatMap((n) => {
    const props = { to: noticeUrl(n.id), title: `${n.data.id}: ${n.data.title}` };
    return [n.data.id, n.data.id.toLowerCase()].map((id) => ({ params: { id }, props }));
  });
  return withCacheKeys(paths, kb.buildDigest);
}

/** `/notices/<alias>/`: one path per former slug of a notice. */
export async function aliasStaticPaths(): Promise<Array<KeyedPath<{ alias: string }, RedirectProps>>> {
  const kb = await getKnowledgeBase();
  const paths = kb.notices.flatMap((n) =>
    n.data.aliases.map((alias) => ({ params: { alias }, props: { to: noticeUrl(n.id), title: `${n.data.id}: ${n.data.title}` } })),
  );
  return withCacheKeys(paths, kb.buildDigest);
}

/** What a page of a notice list shows: its cards and their thumbnails. */
export interface NoticeListProps {
  page: Page<NoticeSummary>;
  shownImages: ShownImages;
}

/** `/notices/page/<n>/`: pages 2… of the list of every notice (page 1 is `/notices/`). */
export async function noticeListStaticPaths(): Promise<Array<KeyedPath<{ n: string }, NoticeListProps>>> {
  const kb = await getKnowledgeBase();
  const paths = noticePages(kb.notices)
    .slice(1)
    .map((page) => ({ params: { n: String(page.number) }, props: listPage(kb, page) }));
  return withCacheKeys(paths, kb.buildDigest);
}

/** What a facet page shows: the facet's values with their number of notices. */
export interface FacetProps {
  facet: FacetKey;
  values: FacetCount[];
}

/** `/browse/<facet>/`: one path per facet, even one no notice has a value of. */
export async function facetStaticPaths(): Promise<Array<KeyedPath<{ facet: FacetKey }, FacetProps>>> {
  const kb = await getKnowledgeBase();
  const paths = FACETS.map((facet) => ({
    params: { facet: facet.key },
    props: { facet: facet.key, values: facetCounts(kb.facets.get(facet.key) ?? []) },
  }));
  return withCacheKeys(paths, kb.buildDigest);
}

/** What a page of a facet value's notices shows: the value, its number of notices and a page of their cards. */
export interface FacetValueProps extends NoticeListProps {
  facet: FacetKey;
  label: string;
  count: number;
}

/** `/browse/<facet>/<value>/`, `…/<value>/<n>/`: the pages of each facet value's notices. */
export async function facetValueStaticPaths(): Promise<
  Array<KeyedPath<{ facet: FacetKey; value: string; page: string | undefined }, FacetValueProps>>
> {
  const kb = await getKnowledgeBase();
  const paths = FACETS.flatMap((facet) =>
    (kb.facets.get(facet.key) ?? []).flatMap((v) =>
      facetValuePages(facet.key, v.value, v.notices).map((page) => ({
        params: { facet: facet.key, value: v.value, page: page.number === 1 ? undefined : String(page.number) },
        props: { facet: facet.key, label: v.label, count: v.notices.length, ...listPage(kb, page) },
      })),
    ),
  );
  return withCacheKeys(paths, kb.buildDigest);
}

/** What a course page and its handout show: the course (with its introduction) and its modules' case cards. */
export interface CoursePageProps {
  course: Course;
  modules: ModuleView<NoticeSummary, NoticeImage>[];
  /** Number of cases over all its modules. */
  caseCount: number;
  /** Its search thumbnail (the course index's `covers`). */
  cover?: NoticeImage;
}

/** `/courses/<slug>/` and `/courses/<slug>/handout/`: one path per course this audience may see. */
export async function courseStaticPaths(): Promise<Array<KeyedPath<{ slug: string }, CoursePageProps>>> {
  const kb = await getKnowledgeBase();
  const paths = kb.courses.courses.map((course) => {
    const modules = (kb.courses.modules.get(course.id) ?? []).map((m) => ({
      ...m,
      cases: m.cases.map((c) => ({ ...c, notice: summaryOf(c.notice) })),
    }));
    const props: CoursePageProps = {
      course,
      modules,
      caseCount: kb.courses.caseCounts.get(course.id) ?? 0,
      cover: kb.courses.covers.get(course.id),
    };
    return { params: { slug: course.id }, props };
  });
  return withCacheKeys(paths, kb.buildDigest);
}
