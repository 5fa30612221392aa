/**
 * Which built pages are meant to be in the search index: notice pages and course pages (not course
 * handouts, lists, or redirect pages such as a notice's former slug). Shared by the search index
 * (src/search/search-index.ts: what to index, and the count to check), the benchmark and the tests.
 */
import { splitLanguagePath } from '../model/languages.ts';

/**
 * True when the built page at `pathname` (e.g. `notices/lionfish/`, `fr/courses/maritime/`) is a notice
 * or course page by its address. A notice's former slug (`aliases`) has the same shape of address but
 * is a redirect: use `isRedirectHtml` on the built file to leave those out.
 */
export function isSearchablePath(pathname: string): boolean {
  // In every language: English at the root, the others under their folder (`fr/notices/lionfish/`).
  const p = splitLanguagePath(`/${pathname.replace(/^\/+/, '')}`).path.slice(1);
  if (p.startsWith('notices/page/')) return false;
  return /^notices\/[^/]+\/$/.test(p) || /^courses\/[^/]+\/$/.test(p);
}

/** True when `html` is a static redirect page (a meta refresh, as `src/render/components/Redirect.astro` writes). */
export function isRedirectHtml(html: string): boolean {
  return /<meta\s+http-equiv="refresh"/i.test(html);
}
