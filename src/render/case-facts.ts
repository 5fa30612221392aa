/** The key facts of a course case as the site words them (the course page and the handout). */
import type { CaseFact, FactWords, RouteLeg } from '../knowledge/course-index.ts';
import { t, type Lang, type UiKey } from './i18n/ui.ts';
import { countryLabel, termLabel } from './i18n/labels.ts';
import { punctuationOf } from './i18n/punctuation.ts';

/** How the course index words case facts in `lang`: labels, country names and punctuation of that language. */
export function factWords(lang: Lang): FactWords {
  const p = punctuationOf(lang);
  return {
    term: (v, slug) => termLabel(v, slug, lang),
    country: (code) => countryLabel(code, lang),
    listSeparator: p.list,
    groupSeparator: p.group,
    colon: p.colon,
  };
}

/** One line of a case's key facts: label and value, as shown. */
export interface CaseFactLine {
  label: string;
  value: string;
}

const LEG_TEXT: Record<RouteLeg['leg'], UiKey> = { from: 'case.routeFrom', via: 'case.routeVia', to: 'case.routeTo' };

/**
 * The lines of `facts` (from the course index) in `lang`: each field's label (UI string
 * `notice.<field>`) and its value; the route as its known parts, e.g. "from South Africa via Panama to Australia".
 */
export function caseFactLines(facts: readonly CaseFact[], lang: Lang): CaseFactLine[] {
  return facts.map((f) => ({
    label: t(`notice.${f.field}`, {}, lang),
    value: f.field === 'route' ? f.legs.map((l) => t(LEG_TEXT[l.leg], { places: l.places }, lang)).join(' ') : f.value,
  }));
}
