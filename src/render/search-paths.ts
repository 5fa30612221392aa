/** Where the search page finds Pagefind, under the path the site is served under (src/model/site-path.ts). */
import { sitePath } from '../model/site-path.ts';

/**
 * The folder the Component UI imports Pagefind from (`<pagefind-config bundle-path>`): the wrapper of
 * public/js/pagefind-filters-on-demand/, which imports Pagefind's own module from `<base>pagefind/`.
 */
export const PAGEFIND_BUNDLE = sitePath('/js/pagefind-filters-on-demand/');
