/**
 * Labels of vocabulary terms, countries and facet values in a UI language. English labels are the
 * vocabularies' own (src/model/vocabularies.ts); French, Spanish and Arabic ones come from each language's
 * `vocabularyLabels` table (typed complete: src/render/i18n/tables.ts); country names come from
 * `i18n-iso-countries`.
 */
import * as vocabularies from '../../model/vocabularies.ts';
import { labelOf, type Vocabulary } from '../../model/vocabularies.ts';
import { countryName, countryNames } from '../../model/countries.ts';
import type { Facet, FacetEntry } from '../../knowledge/facets.ts';
import type { FacetCount } from '../../knowledge/indexes.ts';
import type { VocabularyTable } from './tables.ts';
import { vocabularyLabels as ar } from './ar-labels.ts';
import { vocabularyLabels as es } from './es-labels.ts';
import { vocabularyLabels as fr } from './fr-labels.ts';
import { DEFAULT_LANG, type Lang } from './ui.ts';

const tables: Record<Exclude<Lang, 'en'>, VocabularyTable> = { fr, es, ar };

/** Vocabulary object → its export name (the key of the tables). */
const names = new Map<Vocabulary, string>(
  Object.entries(vocabularies).flatMap(([name, v]) =>
    typeof v === 'object' && v !== null && 'terms' in v ? [[v as Vocabulary, name]] : [],
  ),
);

/**
 * The label of `slug` in `vocab`, in `lang` (`termLabel(commodities, 'cocaine', 'fr')` → "Cocaïne").
 * Throws when the slug is not in the vocabulary or a table lacks it (both programming errors the type
 * check and the tables' test catch first).
 */
export function termLabel<S extends string>(vocab: Vocabulary<S>, slug: S | string, lang: Lang = DEFAULT_LANG): string {
  const english = labelOf(vocab, slug);
  if (lang === 'en') return english;
  const name = names.get(vocab);
  const table = name ? (tables[lang] as Record<string, { terms: Record<string, string> }>)[name] : undefined;
  const label = table?.terms[slug];
  if (label === undefined) throw new Error(`No ${lang} label for ${vocab.name} "${slug}"`);
  return label;
}

/** The name of a country (ISO 3166-1 alpha-2 code) in `lang`, from `i18n-iso-countries`. */
export function countryLabel(code: string, lang: Lang = DEFAULT_LANG): string {
  return countryName(code.toUpperCase(), lang);
}

/**
 * The label of a facet value in `lang`: a vocabulary term's translated label, a country's name in that
 * language; years and operation names as they are.
 */
export function facetValueLabel(facet: Pick<Facet, 'key' | 'vocabulary'>, entry: FacetEntry, lang: Lang = DEFAULT_LANG): string {
  if (lang === 'en') return entry.label;
  if (facet.vocabulary) return termLabel(facet.vocabulary, entry.value, lang);
  if (facet.key === 'country') return countryLabel(entry.value, lang);
  return entry.label;
}

/**
 * Every vocabulary label and country name in every language: words of the site itself, shown by any
 * page (and by the CMS's script), never text of one notice. Used by the dist check.
 */
export function allLabels(): string[] {
  const out: string[] = [];
  for (const lang of ['en', ...Object.keys(tables)] as Lang[]) {
    for (const v of names.keys()) for (const slug of Object.keys(v.terms)) out.push(termLabel(v, slug, lang));
    out.push(...countryNames(lang));
  }
  for (const v of names.keys()) out.push(...Object.values<string | undefined>(v.groups ?? {}).filter((g): g is string => g !== undefined));
  for (const table of Object.values(tables))
    for (const v of Object.values<{ groups?: Record<string, string> }>(table)) out.push(...Object.values(v.groups ?? {}));
  return out;
}

/**
 * A facet's values with their counts, labelled in `lang`; a facet listed by label (countries) is sorted
 * again by the labels of that language (`Intl` collation), as its readers look it up.
 */
export function labelledCounts(
  facet: Pick<Facet, 'key' | 'vocabulary' | 'order'>,
  counts: readonly FacetCount[],
  lang: Lang,
): FacetCount[] {
  const out = counts.map((c) => ({ ...c, label: facetValueLabel(facet, c, lang) }));
  if (facet.order === 'label' && lang !== 'en') out.sort((a, b) => a.label.localeCompare(b.label, lang));
  return out;
}
