/** The names of the browse facets and search filters, as the site shows them. */
import type { FacetKey } from '../knowledge/facets.ts';
import { t, type Lang } from './i18n/ui.ts';

/** The display name of the facet `key` in `lang` (UI string `facet.<key>`), e.g. `crime-area` → "Crime area". */
export function facetLabel(key: FacetKey, lang: Lang): string {
  return t(`facet.${key}`, {}, lang);
}
