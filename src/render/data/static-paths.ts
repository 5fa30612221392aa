/**
 * The `getStaticPaths()` of every page made per notice, course, list page or facet, in one place: each
 * path's props are everything the page shows (the page reads nothing else), and its `cacheKey` is the
 * digest of those props and of the build (src/render/data/cache-keys.ts), so Astro's incremental build
 * makes a page again exactly when something it shows changed. Cards get a notice's slug and
 * frontmatter (`NoticeSummary`), never its body, and only the images they show. The feeds of the browse
 * values are keyed alike (src/render/data/feed-paths.ts).
 */
import { getKnowledgeBase, type KnowledgeBase } from './knowledge-base.ts';
import { withCacheKeys } from './cache-keys.ts';
import { FACETS, type FacetKey } from '../../knowledge/facets.ts';
import { facetCounts, type FacetCount } from '../../knowledge/indexes.ts';
import { facetValuePages, noticePages } from '../../knowledge/pages.ts';
import type { Page } from '../../knowledge/paginate.ts';
import type { ModuleView, UsedIn } from '../../knowledge/course-index.ts';
import { courseModuleUrl, noticeUrl } from '../../knowledge/urls.ts';
import type { ProseLanguage } from '../../knowledge/localise.ts';
import type { Audience } from '../../model/tlp.ts';
import { DEFAULT_LANGUAGE, LANGUAGE_CODES, type Language } from '../../model/languages.ts';
import type {
  Course,
  CourseSummary,
  CourseTranslation,
  Notice,
  NoticeImage,
  NoticeSummary,
  NoticeTranslation,
  ShownImages,
} from '../entries.ts';
import { localCourse, localNotice, localSummary } from './localised.ts';
import { caseFacts } from '../../knowledge/course-index.ts';
import { caseRoles } from '../../model/vocabularies.ts';
import { factWords } from '../case-facts.ts';
import { facetValueLabel, labelledCounts, termLabel } from '../i18n/labels.ts';

/** A path of a `getStaticPaths()` with its props and its cache key. */
export interface KeyedPath<Params, Props> {
  params: Params;
  props: Props;
  cacheKey: string;
}

/** `image` (an image of a notice) with the words `images` (the notice's localised images) give it, matched by file. */
function localImage(image: NoticeImage | undefined, images: readonly NoticeImage[]): NoticeImage | undefined {
  if (!image) return undefined;
  const local = images.find((img) => img.src.path === image.src.path);
  return local ? { ...image, alt: local.alt, caption: local.caption } : image;
}

/** The `lang` route parameter of a page in `lang`: none for English (the root addresses), else its code. */
export const langParam = (lang: Language): string | undefined => (lang === DEFAULT_LANGUAGE ? undefined : lang);

/** Every path of `make(lang)` for each of the four languages, with `lang` in its params and its props. */
export function inEveryLanguage<P extends object, Q extends object>(
  make: (lang: Language) => Array<{ params: P; props: Q }>,
): Array<{ params: P & { lang: string | undefined }; props: Q & { lang: Language } }> {
  return LANGUAGE_CODES.flatMap((lang) =>
    make(lang).map((p) => ({ params: { ...p.params, lang: langParam(lang) }, props: { ...p.props, lang } })),
  );
}

/** What a page made once per language is given: its language. */
export interface LanguagePageProps {
  lang: Language;
}

/**
 * `/`, `/fr/`, `/es/`, `/ar/` for a page made once per language that gathers what it shows itself
 * (home, lists of everything, search, markings): no cache key, so Astro renders it on every build.
 */
export function languageStaticPaths(): Array<{ params: { lang: string | undefined }; props: LanguagePageProps }> {
  return LANGUAGE_CODES.map((lang) => ({ params: { lang: langParam(lang) }, props: { lang } }));
}

/** The thumbnails of the cards of `notices` (notice id → the first image a card may show, if any). */
function thumbnailsOf(kb: KnowledgeBase, notices: readonly NoticeSummary[]): ShownImages {
  return new Map(notices.map((n) => [n.data.id, (kb.shownImages.get(n.data.id) ?? []).slice(0, 1)]));
}

/** A page of a notice list with its cards (the notices as summaries) and their thumbnails. */
function listPage(kb: KnowledgeBase, page: Page<Notice>, lang: Language): { page: Page<NoticeSummary>; shownImages: ShownImages } {
  const items = page.items.map((n) => localSummary(kb, n, lang));
  return { page: { ...page, items }, shownImages: thumbnailsOf(kb, items) };
}

/** What a notice page shows: the notice (with its body) and the cards and links around it. */
export interface NoticePageProps {
  /** The notice, its frontmatter in the page's language (src/render/data/localised.ts). */
  notice: Notice;
  /** The language of the page, and the language its prose is in. */
  lang: Language;
  prose: ProseLanguage;
  /** The translation whose body is shown, when the prose is translated. */
  translation?: NoticeTranslation;
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
export async function noticeStaticPaths(): Promise<Array<KeyedPath<{ slug: string; lang: string | undefined }, NoticePageProps>>> {
  const kb = await getKnowledgeBase();
  const paths = inEveryLanguage((lang) =>
    kb.notices.map((original) => {
      const local = localNotice(kb, original, lang);
      // A page showing a translation never shows the original's body: leaving it out of the props keeps the
      // page's cache key unchanged when only the original's body is edited.
      const notice: Notice = local.translation
        ? { ...original, data: local.data, body: undefined, rendered: undefined, digest: undefined }
        : { ...original, data: local.data };
      const d = notice.data;
      const summaryOf = (n: Notice) => localSummary(kb, n, lang);
      const successor = d.supersededBy ? kb.byId.get(d.supersededBy) : undefined;
      const related = (kb.related.get(d.id) ?? []).map(summaryOf);
      const similar = (kb.similar.get(d.id) ?? []).map(summaryOf);
      // The courses that use it, in the page's language: their titles, module titles and roles, and links to
      // the course pages of this language.
      const usedIn = (kb.courses.usedIn.get(d.id) ?? []).map((u) => {
        const course = localCourse(kb, u.course, lang);
        return {
          course: { id: u.course.id, data: { title: course.data.title }, lang: course.prose.lang === lang ? undefined : course.prose.lang },
          modules: u.modules.map((m) => ({
            ...m,
            title: course.data.modules[m.number - 1]?.title ?? m.title,
            roleLabel: termLabel(caseRoles, m.role, lang),
            url: courseModuleUrl(u.course.id, m.number, lang),
          })),
        };
      });
      const props: Omit<NoticePageProps, 'lang'> = {
        notice,
        prose: local.prose,
        translation: local.translation,
        audience: kb.audience,
        // Its search thumbnail, with the alt text of the page's language when the translation gives one.
        thumbnail: localImage(kb.shownImages.get(d.id)?.[0], d.images),
        successor: successor && summaryOf(successor),
        related,
        similar,
        shownImages: thumbnailsOf(kb, [...related, ...similar]),
        usedIn,
      };
      return { params: { slug: notice.id }, props };
    }),
  );
  return withCacheKeys(paths, kb.buildDigest);
}

/** What a redirect page shows: where it leads and the notice's title. */
export interface RedirectProps {
  to: string;
  title: string;
  lang: Language;
}

/** `/id/<ID>/`: one path per notice id, and one per id in lower case. */
export async function idStaticPaths(): Promise<Array<KeyedPath<{ id: string; lang: string | undefined }, RedirectProps>>> {
  const kb = await getKnowledgeBase();
  const paths = inEveryLanguage((lang) =>
    kb.notices.flatMap((n) => {
      const props = { to: noticeUrl(n.id, lang), title: `${n.data.id}: ${localNotice(kb, n, lang).data.title}` };
      return [n.data.id, n.data.id.toLowerCase()].map((id) => ({ params: { id }, props }));
    }),
  );
  return withCacheKeys(paths, kb.buildDigest);
}

/** `/notices/<alias>/`: one path per former slug of a notice. */
export async function aliasStaticPaths(): Promise<Array<KeyedPath<{ alias: string; lang: string | undefined }, RedirectProps>>> {
  const kb = await getKnowledgeBase();
  const paths = inEveryLanguage((lang) =>
    kb.notices.flatMap((n) =>
      n.data.aliases.map((alias) => ({
        params: { alias },
        props: { to: noticeUrl(n.id, lang), title: `${n.data.id}: ${localNotice(kb, n, lang).data.title}` },
      })),
    ),
  );
  return withCacheKeys(paths, kb.buildDigest);
}

/** What a page of a notice list shows: its cards and their thumbnails. */
export interface NoticeListProps {
  page: Page<NoticeSummary>;
  shownImages: ShownImages;
  lang: Language;
}

/** `/notices/page/<n>/`: pages 2… of the list of every notice (page 1 is `/notices/`). */
export async function noticeListStaticPaths(): Promise<Array<KeyedPath<{ n: string; lang: string | undefined }, NoticeListProps>>> {
  const kb = await getKnowledgeBase();
  const pages = noticePages(kb.notices).slice(1);
  const paths = inEveryLanguage((lang) => pages.map((page) => ({ params: { n: String(page.number) }, props: listPage(kb, page, lang) })));
  return withCacheKeys(paths, kb.buildDigest);
}

/** What a facet page shows: the facet's values with their number of notices. */
export interface FacetProps {
  facet: FacetKey;
  values: FacetCount[];
  lang: Language;
}

/** `/browse/<facet>/`: one path per facet, even one no notice has a value of. */
export async function facetStaticPaths(): Promise<Array<KeyedPath<{ facet: FacetKey; lang: string | undefined }, FacetProps>>> {
  const kb = await getKnowledgeBase();
  const paths = inEveryLanguage((lang) =>
    FACETS.map((facet) => ({
      params: { facet: facet.key },
      props: { facet: facet.key, values: labelledCounts(facet, facetCounts(kb.facets.get(facet.key) ?? []), lang) },
    })),
  );
  return withCacheKeys(paths, kb.buildDigest);
}

/** What a page of a facet value's notices shows: the value, its number of notices and a page of their cards. */
export interface FacetValueProps extends NoticeListProps {
  facet: FacetKey;
  /** The value's URL key (its feed's address is made from it). */
  value: string;
  label: string;
  count: number;
}

/** `/browse/<facet>/<value>/`, `…/<value>/<n>/`: the pages of each facet value's notices. */
export async function facetValueStaticPaths(): Promise<
  Array<KeyedPath<{ facet: FacetKey; value: string; page: string | undefined; lang: string | undefined }, FacetValueProps>>
> {
  const kb = await getKnowledgeBase();
  const paths = inEveryLanguage((lang) =>
    FACETS.flatMap((facet) =>
      (kb.facets.get(facet.key) ?? []).flatMap((v) =>
        facetValuePages(facet.key, v.value, v.notices).map((page) => ({
          params: { facet: facet.key, value: v.value, page: page.number === 1 ? undefined : String(page.number) },
          props: {
            facet: facet.key,
            value: v.value,
            label: facetValueLabel(facet, v, lang),
            count: v.notices.length,
            ...listPage(kb, page, lang),
          },
        })),
      ),
    ),
  );
  return withCacheKeys(paths, kb.buildDigest);
}

/** What a course page and its handout show: the course (with its introduction) and its modules' case cards. */
export interface CoursePageProps {
  /** The course, its frontmatter in the page's language. */
  course: Course;
  lang: Language;
  prose: ProseLanguage;
  /** The translation whose body (the introduction) is shown, when the prose is translated. */
  translation?: CourseTranslation;
  modules: ModuleView<NoticeSummary, NoticeImage>[];
  /** Number of cases over all its modules. */
  caseCount: number;
  /** Its search thumbnail (the course index's `covers`). */
  cover?: NoticeImage;
}

/** `/courses/<slug>/` and `/courses/<slug>/handout/`: one path per course this audience may see, in each language. */
export async function courseStaticPaths(): Promise<Array<KeyedPath<{ slug: string; lang: string | undefined }, CoursePageProps>>> {
  const kb = await getKnowledgeBase();
  const paths = inEveryLanguage((lang) =>
    kb.courses.courses.map((original) => {
      const local = localCourse(kb, original, lang);
      const words = factWords(lang);
      const modules = (kb.courses.modules.get(original.id) ?? []).map((m, i) => {
        const lm = local.data.modules[i]!;
        return {
          ...m,
          title: lm.title,
          objectives: lm.objectives,
          intro: lm.intro,
          cases: m.cases.map((c, j) => {
            const notice = localSummary(kb, c.notice, lang);
            return {
              ...c,
              notice,
              roleLabel: termLabel(caseRoles, c.role, lang),
              prompt: lm.cases[j]?.prompt,
              trainerNote: lm.cases[j]?.trainerNote,
              facts: lang === DEFAULT_LANGUAGE && !notice.lang ? c.facts : caseFacts(notice.data, words),
            };
          }),
        };
      });
      const props: Omit<CoursePageProps, 'lang'> = {
        course: local.translation
          ? { ...original, data: local.data, body: undefined, rendered: undefined, digest: undefined }
          : { ...original, data: local.data },
        prose: local.prose,
        translation: local.translation,
        modules,
        caseCount: kb.courses.caseCounts.get(original.id) ?? 0,
        cover: kb.courses.covers.get(original.id),
      };
      return { params: { slug: original.id }, props };
    }),
  );
  return withCacheKeys(paths, kb.buildDigest);
}
