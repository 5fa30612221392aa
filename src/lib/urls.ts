/** URLs of the site's pages, in one place (all with a trailing slash, as the site is built). */

/** Page of a notice by slug. */
export const noticeUrl = (slug: string) => `/notices/${slug}/`;
/** Permanent link of a notice by id: a redirect to its page. */
export const idUrl = (id: string) => `/id/${id}/`;
/** Page n (1-based) of the notice list. */
export const noticeListUrl = (n: number) => (n === 1 ? '/notices/' : `/notices/page/${n}/`);
/** A facet's overview page. */
export const facetUrl = (facet: string) => `/browse/${facet}/`;
/** Page n (1-based) of the notices with one facet value. */
export const facetValueUrl = (facet: string, value: string, n = 1) =>
  `/browse/${facet}/${encodeURIComponent(value)}/${n === 1 ? '' : `${n}/`}`;
