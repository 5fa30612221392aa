/** URLs of the site's pages, in one place (all with a trailing slash, as the site is built). */

/** The home page. */
export const homeUrl = () => '/';
/** The search page; the plain search forms submit `q` to it. */
export const searchUrl = () => '/search/';
/** The overview of every facet. */
export const browseUrl = () => '/browse/';
/** What the TLP markings mean. */
export const markingsUrl = () => '/markings/';
/** The RSS feed of the newest notices. */
export const feedUrl = () => '/feed.xml';
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
/** The list of courses. */
export const courseListUrl = () => '/courses/';
/** Page of a course by slug. */
export const courseUrl = (slug: string) => `/courses/${slug}/`;
/** Anchor of module n (1-based) on its course page. */
export const moduleAnchor = (n: number) => `module-${n}`;
/** Module n (1-based) of a course: its course page at the module's anchor. */
export const courseModuleUrl = (slug: string, n: number) => `${courseUrl(slug)}#${moduleAnchor(n)}`;
/** The printable handout of a course. */
export const handoutUrl = (slug: string) => `/courses/${slug}/handout/`;

/** Neutral placeholder shown in search results for an entry with no image its marking allows (public/no-image.svg). */
export const NO_IMAGE = '/no-image.svg';
