/**
 * The key facts of a notice, defined once: which rows the notice page shows, in which order, under
 * which label, and what each row holds (facet values that link to their browse pages, dates, the
 * notice's own words and the text joining them). Pure data, no markup:
 * src/render/components/KeyFacts.astro renders it on the notice page, the CMS preview
 * (src/cms/browser/preview.ts) renders it in the editor, and the dist check reads its lines as text
 * (keyFactLines in src/dist-check/content-manifest.ts).
 */
import type { NoticeData } from '../model/notice.ts';
import { seizureLocations } from '../model/vocabularies.ts';
import { countryEntry, facetByKey, yearEntry, type Facet, type FacetEntry, type FacetNotice } from '../knowledge/facets.ts';
import { formatDate } from './dates.ts';
import { DEFAULT_LANG, t as translate, type Lang, type UiKey } from './i18n/ui.ts';
import { facetValueLabel, termLabel } from './i18n/labels.ts';
import { punctuationOf } from './i18n/punctuation.ts';

/**
 * A piece of a key-fact line: facet values (each a link to its browse page, ", " between them), a
 * date-only value (shown with formatDate in a `<time>`), or text (the notice's words, vocabulary
 * labels and the punctuation joining them; `isolate` for a value such as a quantity, shown in `<bdi>`;
 * `own` for the notice's own words, shown with their language when it is not the page's), in the order shown.
 */
export type KeyFactPart =
  | { type: 'facet'; facet: Facet['key']; entries: FacetEntry[] }
  | { type: 'date'; date: string }
  | { type: 'text'; text: string; isolate?: boolean; own?: boolean };

/** One line of a key fact: its parts, after an optional role label ("Origin", shown as "Origin: "). */
export interface KeyFactLine {
  role?: string;
  parts: KeyFactPart[];
}

/** One row of the key facts: a label (`<dt>`) and its value (`<dd>`): one line, or a list of lines. */
export interface KeyFactRow {
  /** The UI string of the label, e.g. `notice.commodities`. */
  key: UiKey;
  label: string;
  value: { type: 'line'; line: KeyFactLine } | { type: 'list'; ordered: boolean; className: string; items: KeyFactLine[] };
  /** Pagefind weight of the row's text, when it is not the default (keywords: the notice's other names). */
  searchWeight?: number;
}

/** What the key facts read from a notice. */
export type KeyFactsNotice = FacetNotice & Pick<NoticeData, 'published' | 'updated' | 'keywords'>;

const text = (value: string): KeyFactPart => ({ type: 'text', text: value });
const date = (value: string): KeyFactPart => ({ type: 'date', date: value });
const line = (...parts: KeyFactPart[]): KeyFactRow['value'] => ({ type: 'line', line: { parts } });

/**
 * The key facts of notice `d`, in page order: commodity, concealment, transport, route, seizures,
 * detection, anti-detection, crime area, operation, requesting country, dates, keywords. Rows with
 * nothing to show are left out, except route (shown as "not reported"). Facet values carry the keys
 * and labels of the facet definitions (src/knowledge/facets.ts), so a link always leads to the browse
 * page listing the notice. A value the schema refuses (unknown term, country or year) throws, from
 * the vocabularies and countries; with `onError` (the CMS preview of a notice still being written)
 * that row is shown with an empty value instead, and `onError` is told which row and why. Labels,
 * facet values and punctuation are in `lang` (English by default); the notice's own words are in
 * `proseLang` (the page's language unless the notice is not translated into it).
 */
export function keyFacts(
  d: KeyFactsNotice,
  onError?: (key: UiKey, error: unknown) => void,
  lang: Lang = DEFAULT_LANG,
  proseLang: Lang = lang,
): KeyFactRow[] {
  const p = punctuationOf(lang);
  /** The notice's own words (in `proseLang`). */
  const own = (value: string): KeyFactPart => ({ type: 'text', text: value, own: true });
  const t = (key: UiKey) => translate(key, {}, lang);
  /** A facet's entries labelled in `lang`. */
  const labelled = (key: Facet['key'], entries: FacetEntry[]) =>
    entries.map((e) => ({ ...e, label: facetValueLabel(facetByKey(key), e, lang) }));
  const facet = (key: Facet['key'], entries: FacetEntry[]): KeyFactPart => ({ type: 'facet', facet: key, entries: labelled(key, entries) });
  /** The values `d` has in facet `key`, as the browse pages list them. */
  const values = (key: Facet['key']) => facetByKey(key).values(d);
  /** A row labelled with the UI string `key`, its value built by `value`. */
  const row = (key: UiKey, value: () => KeyFactRow['value'], searchWeight?: number): KeyFactRow => {
    let v: KeyFactRow['value'];
    try {
      v = value();
    } catch (error) {
      if (!onError) throw error;
      onError(key, error);
      v = line();
    }
    return { key, label: t(key), value: v, ...(searchWeight !== undefined && { searchWeight }) };
  };
  const route = (): KeyFactRow['value'] => {
    const items = (
      [
        ['notice.origin', d.route.origin],
        ['notice.transit', d.route.transit],
        ['notice.destination', d.route.destination],
      ] as const
    )
      .filter(([, codes]) => codes.length > 0)
      .map(([role, codes]): KeyFactLine => ({ role: t(role), parts: [facet('country', codes.map(countryEntry))] }));
    return items.length === 0 ? line(text(t('route.unknown'))) : { type: 'list', ordered: true, className: 'route', items };
  };
  const requesting = d.requestingCountry;
  const rows: Array<KeyFactRow | false> = [
    row('notice.commodities', () => line(facet('commodity', values('commodity')))),
    row('notice.concealment', () =>
      line(
        facet('concealment', values('concealment')),
        text(p.colon),
        own(d.concealment.object),
        ...(d.concealment.placement ? [text(p.group), own(d.concealment.placement)] : []),
      ),
    ),
    row('notice.transportModes', () => line(facet('transport', values('transport')))),
    row('notice.route', route),
    d.seizures.length > 0 &&
      row('notice.seizures', () => ({
        type: 'list',
        ordered: false,
        className: 'plain',
        items: d.seizures.map((s) => ({
          parts: [
            facet('country', [countryEntry(s.country)]),
            text(p.list),
            facet('year', [yearEntry(s.year)]),
            ...(s.location ? [text(p.list), text(termLabel(seizureLocations, s.location, lang).toLocaleLowerCase(lang))] : []),
            // A quantity as written ("1.2 t", "2,500 pills") keeps its own order inside text of either direction.
            ...(s.quantity ? [text(p.colon), { type: 'text' as const, text: s.quantity, isolate: true, own: true }] : []),
          ],
        })),
      })),
    d.detection.length > 0 && row('notice.detection', () => line(facet('detection', values('detection')))),
    d.antiDetection.length > 0 && row('notice.antiDetection', () => line(facet('anti-detection', values('anti-detection')))),
    row('notice.crimeAreas', () => line(facet('crime-area', values('crime-area')))),
    d.operation !== undefined && row('notice.operation', () => line(facet('operation', values('operation')))),
    requesting !== undefined && row('notice.requestingCountry', () => line(facet('country', [countryEntry(requesting)]))),
    row('notice.published', () =>
      line(date(d.published), ...(d.updated ? [text(`${p.group}${t('notice.updated').toLocaleLowerCase(lang)} `), date(d.updated)] : [])),
    ),
    d.keywords.length > 0 && row('notice.keywords', () => line(own(d.keywords.join(punctuationOf(proseLang).list))), 6),
  ];
  return rows.filter((r): r is KeyFactRow => r !== false);
}

/** The lines of a row: its one line, or each item of its list. */
export function keyFactLinesOf(r: KeyFactRow): KeyFactLine[] {
  return r.value.type === 'line' ? [r.value.line] : r.value.items;
}

/** The text of one part as shown in `lang`: facet labels joined by ", ", a date formatted, text as it is. */
export function keyFactPartText(p: KeyFactPart, lang: Lang = DEFAULT_LANG): string {
  if (p.type === 'facet') return p.entries.map((e) => e.label).join(punctuationOf(lang).list);
  if (p.type === 'date') return formatDate(p.date, lang);
  return p.text;
}

/** The text of a line as shown in `lang`, e.g. "Origin: Ecuador" or "Netherlands, 2023, seaport: 1.2 t". */
export function keyFactText(l: KeyFactLine, lang: Lang = DEFAULT_LANG): string {
  return (l.role ? `${l.role}${punctuationOf(lang).colon}` : '') + l.parts.map((p) => keyFactPartText(p, lang)).join('');
}
