/**
 * The `getStaticPaths()` of the offline page (src/pages/[...lang]/offline.astro, docs/offline.md): one page
 * per language when the build offers an offline copy (MODUS_OFFLINE on), none when it does not. Its props
 * are what it shows: the courses a reader may save, by slug and title in the page's language. Keyed like
 * every page of src/render/data/static-paths.ts, so it is made again only when a course or its title changes.
 */
import settings from 'virtual:modus/settings';
import { getKnowledgeBase } from './knowledge-base.ts';
import { withCacheKeys } from './cache-keys.ts';
import { localCourse } from './localised.ts';
import { inEveryLanguage, type KeyedPath } from './static-paths.ts';
import type { Language } from '../../model/languages.ts';

/** Props of the offline page. */
export interface OfflinePageProps {
  lang: Language;
  /** The courses of the build, in the course list's order: slug and title in `lang`. */
  courses: Array<{ slug: string; title: string }>;
}

/** The offline page in every language, or no page when MODUS_OFFLINE is off. */
export async function offlineStaticPaths(): Promise<Array<KeyedPath<{ lang: string | undefined }, OfflinePageProps>>> {
  if (!settings.offline) return [];
  const kb = await getKnowledgeBase();
  const paths = inEveryLanguage((lang) => [
    { params: {}, props: { courses: kb.courses.courses.map((c) => ({ slug: c.id, title: localCourse(kb, c, lang).data.title })) } },
  ]);
  return withCacheKeys(paths, kb.buildDigest);
}
