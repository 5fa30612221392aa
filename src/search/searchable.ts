/**
 * Which built pages are meant to be in the search index: notice pages and course pages (not course
 * handouts, lists, or redirect pages such as a notice's former slug), in English at the site's root
 * and in each other language under its own section (`/fr/notices/x/`). Shared by the search index
 * (src/search/search-index.ts: what to index, and the count to check), the benchmark and the tests.
 * Pagefind puts each page in the index of its `<html lang>`, so one index run covers every language.
 */
import { SEARCH_LANGUAGES } from '../knowledge/search-text.ts';

/** The sections of the languages other than English, whose pages live under `/<code>/` (English keeps the root). */
export const LANGUAGE_SECTIONS: readonly string[] = SEARCH_LANGUAGES.filter((l) => l !== 'en');

const SECTION = `(?:(?:${LANGUAGE_SECTIONS.join('|')})/)?`;
const SEARCHABLE = new RegExp(`^${SECTION}(?:notices|courses)/[^/]+/$`);
const LIST_PAGE = new RegExp(`^${SECTION}notices/page/`);

/**
 * True when the built page at `pathname` (e.g. `notices/lionfish/`, `courses/maritime/`,
 * `ar/notices/lionfish/`) is a notice or course page by its address. A notice's former slug
 * (`aliases`) has the same shape of address but is a redirect: use `isRedirectHtml` on the built file
 * to leave those out.
 */
export function isSearchablePath(pathname: string): boolean {
  const p = pathname.replace(/^\/+/, '');
  return SEARCHABLE.test(p) && !LIST_PAGE.test(p);
}

/** True when `html` is a static redirect page (a meta refresh, as `src/render/components/Redirect.astro` writes). */
export function isRedirectHtml(html: string): boolean {
  return /<meta\s+http-equiv="refresh"/i.test(html);
}
