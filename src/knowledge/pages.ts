/** Paginations used by several pages, defined once. */
import { paginate, type Page } from './paginate.ts';
import { facetValueUrl, noticeListUrl } from './urls.ts';

/** Notices per list page. */
export const PAGE_SIZE = 20;

/** The pages of the list of every notice. */
export function noticePages<T>(notices: readonly T[]): Page<T>[] {
  return paginate(notices, PAGE_SIZE, noticeListUrl);
}

/** The pages of the notices with one facet value. */
export function facetValuePages<T>(facet: string, value: string, notices: readonly T[]): Page<T>[] {
  return paginate(notices, PAGE_SIZE, (n) => facetValueUrl(facet, value, n));
}
