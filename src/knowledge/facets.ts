/**
 * Browse facets and search filters derived from notice frontmatter. One definition per facet:
 * its URL segment, the values a notice has, and how a value is labelled. Used by the browse pages,
 * the home page counts and the Pagefind filters, so they always agree. A facet's own name is a UI
 * string of the render layer (`facet.<key>`: src/render/facet-labels.ts).
 */
import { countryName } from '../model/countries.ts';
import type { NoticeData } from '../model/notice.ts';
import {
  antiDetectionMeasures,
  commodities,
  concealmentCategories,
  crimeAreas,
  detectionMethods,
  labelOf,
  slugsOf,
  transportModes,
  type Vocabulary,
} from '../model/vocabularies.ts';

/** What facets read from a notice. */
export type FacetNotice = Pick<
  NoticeData,
  | 'requestingCountry'
  | 'operation'
  | 'crimeAreas'
  | 'commodities'
  | 'concealment'
  | 'antiDetection'
  | 'transportModes'
  | 'route'
  | 'seizures'
  | 'detection'
>;

/** The key of a facet: its URL segment under /browse/ (`FACETS` gives their order). */
export type FacetKey =
  'commodity' | 'concealment' | 'transport' | 'crime-area' | 'country' | 'year' | 'operation' | 'detection' | 'anti-detection';

/** A facet: `key` is its URL segment under /browse/; `filter` its Pagefind filter name, if any. */
export interface Facet {
  key: FacetKey;
  /** Pagefind filter name (search page), or undefined when the facet is browse-only. */
  filter?: string;
  /** The facet's values for one notice, canonical and without duplicates: URL-safe key and display label. */
  values(n: FacetNotice): FacetEntry[];
  /** Sort of values on the facet page: vocabulary order, by label, or numeric descending (years). */
  order: 'vocabulary' | 'label' | 'year-desc';
  /** For vocabulary facets, the vocabulary (its term order is the order of the values on the facet page). */
  vocabulary?: Vocabulary;
}

/** A value of a facet: URL-safe key and display label. */
export interface FacetEntry {
  value: string;
  label: string;
}

const uniq = <T>(xs: Iterable<T>): T[] => [...new Set(xs)];

/** Every country a notice involves in any role: requesting, route (origin, transit, destination), seizure. */
export function noticeCountries(n: FacetNotice): string[] {
  return uniq([
    ...(n.requestingCountry ? [n.requestingCountry] : []),
    ...n.route.origin,
    ...n.route.transit,
    ...n.route.destination,
    ...n.seizures.map((s) => s.country),
  ]);
}

/** The `country` facet's value for a country code (`NL` → key `nl`, label "Netherlands"). */
export function countryEntry(code: string): FacetEntry {
  return { value: code.toLowerCase(), label: countryName(code) };
}

/** The `year` facet's value for a seizure year (`2021` → key and label "2021"). */
export function yearEntry(year: number): FacetEntry {
  return { value: String(year), label: String(year) };
}

/** URL key of an operation name: `LIONFISH HURRICANE` → `lionfish-hurricane`. */
export function operationKey(name: string): string {
  return (
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-|-$/g, '') || 'operation'
  );
}

function vocabFacet(key: FacetKey, vocabulary: Vocabulary, values: (n: FacetNotice) => string[], filter?: string): Facet {
  return {
    key,
    filter,
    vocabulary,
    order: 'vocabulary',
    values: (n) => uniq(values(n)).map((v) => ({ value: v, label: labelOf(vocabulary, v) })),
  };
}

/** The facets, in the order they are offered on the home and browse pages. */
export const FACETS: readonly Facet[] = [
  vocabFacet('commodity', commodities, (n) => n.commodities, 'commodity'),
  vocabFacet('concealment', concealmentCategories, (n) => [n.concealment.category], 'concealment'),
  vocabFacet('transport', transportModes, (n) => n.transportModes, 'transport'),
  vocabFacet('crime-area', crimeAreas, (n) => n.crimeAreas, 'crime_area'),
  {
    key: 'country',
    filter: 'country',
    order: 'label',
    values: (n) => noticeCountries(n).map(countryEntry),
  },
  {
    key: 'year',
    filter: 'year',
    order: 'year-desc',
    values: (n) => uniq(n.seizures.map((s) => s.year)).map(yearEntry),
  },
  {
    key: 'operation',
    order: 'label',
    values: (n) => (n.operation ? [{ value: operationKey(n.operation), label: n.operation }] : []),
  },
  vocabFacet('detection', detectionMethods, (n) => n.detection),
  vocabFacet('anti-detection', antiDetectionMeasures, (n) => n.antiDetection),
];

/** Looks up a facet by URL key; throws for an unknown key. */
export function facetByKey(key: string): Facet {
  const f = FACETS.find((x) => x.key === key);
  if (!f) throw new Error(`Unknown facet "${key}"`);
  return f;
}

/** One value of a facet with the notices (indexes into the input array, in input order) that have it. */
export interface FacetValue {
  value: string;
  label: string;
  items: number[];
}

/**
 * Computes every facet's values with the notices that have each, in one pass over the notices
 * (linear in notices × values). Values are ordered as the facet says; unused vocabulary terms are left out.
 */
export function computeFacets(notices: readonly FacetNotice[]): Map<string, FacetValue[]> {
  const out = new Map<string, FacetValue[]>();
  for (const facet of FACETS) {
    const byValue = new Map<string, FacetValue>();
    notices.forEach((n, i) => {
      for (const { value, label } of facet.values(n)) {
        const fv = byValue.get(value);
        if (fv) fv.items.push(i);
        else byValue.set(value, { value, label, items: [i] });
      }
    });
    let values = [...byValue.values()];
    if (facet.order === 'vocabulary' && facet.vocabulary) {
      const rank = new Map(slugsOf(facet.vocabulary).map((s, i) => [s, i]));
      values.sort((a, b) => (rank.get(a.value) ?? 0) - (rank.get(b.value) ?? 0));
    } else if (facet.order === 'year-desc') {
      values.sort((a, b) => Number(b.value) - Number(a.value));
    } else {
      values = values.sort((a, b) => a.label.localeCompare(b.label, 'en'));
    }
    out.set(facet.key, values);
  }
  return out;
}
