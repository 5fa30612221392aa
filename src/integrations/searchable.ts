/**
 * Which built pages are meant to be in the search index: notice pages (and, later, course pages).
 * Shared by the Pagefind integration (to check the indexed count) and the tests.
 */

/** True when the built page at `pathname` (e.g. `notices/lionfish/`) must be indexed. */
export function isSearchablePath(pathname: string): boolean {
  const p = pathname.replace(/^\/+/, '');
  return /^notices\/[^/]+\/$/.test(p) && !p.startsWith('notices/page/');
}
