/**
 * URLs of the site's pages, in one place (all with a trailing slash, as the site is built). Each takes
 * the page's language last: English (the default) at the root addresses, French, Spanish and Arabic
 * under `/fr/`, `/es/`, `/ar/` (src/model/languages.ts `pathInLanguage`). Every URL carries the path the
 * site is served under (`/any/path/notices/x/` for MODUS_SITE_URL=https://host/any/path;
 * src/model/site-path.ts): join one to the site's origin, or to `siteUrl` with `new URL(url, siteUrl)`.
 */
import { DEFAULT_LANGUAGE, pathInLanguage, type Language } from '../model/languages.ts';
import { sitePath } from '../model/site-path.ts';

type L = Language;
const D = DEFAULT_LANGUAGE;
const at = (path: string, lang: L) => sitePath(pathInLanguage(path, lang));

/** The home page. */
export const homeUrl = (lang: L = D) => at('/', lang);
/** The search page; the plain search forms submit `q` to it. */
export const searchUrl = (lang: L = D) => at('/search/', lang);
/** The overview of every facet. */
export const browseUrl = (lang: L = D) => at('/browse/', lang);
/** What the TLP markings mean. */
export const markingsUrl = (lang: L = D) => at('/markings/', lang);
/** The RSS feed of the newest notices. */
export const feedUrl = (lang: L = D) => at('/feed.xml', lang);
/** Page of a notice by slug. */
export const noticeUrl = (slug: string, lang: L = D) => at(`/notices/${slug}/`, lang);
/** Permanent link of a notice by id: a redirect to its page. */
export const idUrl = (id: string, lang: L = D) => at(`/id/${id}/`, lang);
/** Page n (1-based) of the notice list. */
export const noticeListUrl = (n: number, lang: L = D) => at(n === 1 ? '/notices/' : `/notices/page/${n}/`, lang);
/** A facet's overview page. */
export const facetUrl = (facet: string, lang: L = D) => at(`/browse/${facet}/`, lang);
/** Page n (1-based) of the notices with one value of a facet. */
export const facetValueUrl = (facet: string, value: string, n = 1, lang: L = D) =>
  at(`/browse/${facet}/${encodeURIComponent(value)}/${n === 1 ? '' : `${n}/`}`, lang);
/** The RSS feed of the newest notices with one value of a facet (follow a subject: a commodity, a country…). */
export const facetFeedUrl = (facet: string, value: string, lang: L = D) =>
  at(`/browse/${facet}/${encodeURIComponent(value)}/feed.xml`, lang);
/** The list of courses. */
export const courseListUrl = (lang: L = D) => at('/courses/', lang);
/** Page of a course by slug. */
export const courseUrl = (slug: string, lang: L = D) => at(`/courses/${slug}/`, lang);
/** The fragment id of module n (1-based) on a course page. */
export const moduleAnchor = (n: number) => `module-${n}`;
/** A module of a course page. */
export const courseModuleUrl = (slug: string, n: number, lang: L = D) => `${courseUrl(slug, lang)}#${moduleAnchor(n)}`;
/** The printable handout of a course. */
export const handoutUrl = (slug: string, lang: L = D) => at(`/courses/${slug}/handout/`, lang);

/** Neutral placeholder shown in search results for an entry with no image its marking allows (public/no-image.svg). */
export const NO_IMAGE = sitePath('/no-image.svg');
/** The site's icon (public/favicon.svg). */
export const FAVICON = sitePath('/favicon.svg');
/** The absolute address of a site URL (from this module) for the build served at `siteUrl` (MODUS_SITE_URL, with its path). */
export const absoluteUrl = (url: string, siteUrl: string) => new URL(url, `${siteUrl}/`).href;

/** The offline page: save the knowledge base (or one course's notices) for use without a network (docs/offline.md). */
export const offlineUrl = (lang: L = D) => at('/offline/', lang);
/** The service worker, registered by the offline page; its scope is the site's home (`homeUrl()`). */
export const SERVICE_WORKER = sitePath('/sw.js');
/** What an offline copy holds (written after the build, src/offline/manifest.ts). */
export const OFFLINE_MANIFEST = sitePath('/offline/manifest.json');
/** The build's id and time alone (small: fetched to tell a reader that a newer build is published). */
export const OFFLINE_BUILD = sitePath('/offline/build.json');
/** Where the offline page keeps its record of the saved copy (a key of the browser's cache `modus-meta`, not a file of the site). */
export const OFFLINE_STATE = sitePath('/offline/state.json');
