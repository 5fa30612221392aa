/**
 * The notice as the CMS preview sees it: the editor's form values (Decap's entry data, as plain
 * JavaScript) read into the shape of validated notice data, so the preview can use the page's own
 * definitions (key facts, marking banner, labels, dates). A notice being written is often incomplete
 * or half-typed, so nothing here throws: lists default to empty, values are made canonical as the
 * schema does (`" nl"` → `NL`, blanks → missing), values the schema would refuse (an unknown term or
 * country, a malformed date) are left out, and a seizure is shown once it has a country and a year.
 * Runs in the browser: no zod, only the content model's plain functions.
 */
import type { KeyFactsNotice } from '../../render/key-facts.ts';
import { canonicalCountryCode, isCountryCode } from '../../model/countries.ts';
import { TLP_LEVELS, type Tlp } from '../../model/tlp.ts';
import {
  antiDetectionMeasures,
  commodities,
  concealmentCategories,
  crimeAreas,
  detectionMethods,
  imageKinds,
  languages,
  noticeStatuses,
  seizureLocations,
  transportModes,
  type Vocabulary,
} from '../../model/vocabularies.ts';

/** An image of the notice being written. */
export interface PreviewImage {
  src?: string;
  alt: string;
  caption?: string;
  credit?: string;
  kind?: keyof typeof imageKinds.terms;
  tlp?: Tlp;
}

/** The notice being written, in the shape of notice data (`tlp` missing until one is chosen). */
export interface PreviewNotice extends KeyFactsNotice {
  id?: string;
  /** The language the notice is written in (English when none is chosen). */
  language: keyof typeof languages.terms;
  title: string;
  summary: string;
  tlp?: Tlp;
  status: keyof typeof noticeStatuses.terms;
  statusReason?: string;
  supersededBy?: string;
  indicators: string[];
  recommendedActions: string[];
  images: PreviewImage[];
  sources: Array<{ title: string; publisher: string; date?: string; url?: string }>;
  changes: Array<{ date?: string; summary: string }>;
}

type Fields = Record<string, unknown>;

const fieldsOf = (v: unknown): Fields => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Fields) : {});
const listOf = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Text as written, or undefined when blank (the schema's `optionalText`). */
function text(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() ? v : undefined;
}

/** A term of `vocab`, or undefined when missing or unknown. */
function term<S extends string>(vocab: Vocabulary<S>, v: unknown): S | undefined {
  return typeof v === 'string' && Object.hasOwn(vocab.terms, v) ? (v as S) : undefined;
}

/** The known terms of `vocab` in a list. */
function terms<S extends string>(vocab: Vocabulary<S>, v: unknown): S[] {
  return listOf(v).flatMap((x) => term(vocab, x) ?? []);
}

/** A country code made canonical, or undefined when it is not an assigned code. */
function country(v: unknown): string | undefined {
  const code = canonicalCountryCode(v);
  return typeof code === 'string' && isCountryCode(code) ? code : undefined;
}

/** A date-only value (`YYYY-MM-DD`), or undefined. */
function date(v: unknown): string | undefined {
  return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined;
}

/** A web address the page links (http or https, as the schema's `webUrl`), or undefined. */
function webAddress(v: unknown): string | undefined {
  return typeof v === 'string' && /^https?:\/\/\S+$/i.test(v) && URL.canParse(v) ? v : undefined;
}

/** A TLP marking as the schema reads it (`tlp:amber` → `AMBER`), or undefined. */
function tlp(v: unknown): Tlp | undefined {
  const s = typeof v === 'string' ? v.trim().toUpperCase().replace(/^TLP:/, '') : undefined;
  return TLP_LEVELS.find((level) => level === s);
}

/**
 * Reads the CMS form values of a notice (`raw`: Decap's entry data as plain JavaScript) as preview
 * notice data. A missing concealment category stays missing: the key facts show that row empty.
 */
export function previewNotice(raw: unknown): PreviewNotice {
  const d = fieldsOf(raw);
  const concealment = fieldsOf(d.concealment);
  const route = fieldsOf(d.route);
  const countries = (v: unknown) => listOf(v).flatMap((c) => country(c) ?? []);
  return {
    id: text(d.id),
    language: term(languages, d.language) ?? 'en',
    title: text(d.title) ?? '',
    summary: text(d.summary) ?? '',
    tlp: tlp(d.tlp),
    status: term(noticeStatuses, d.status) ?? 'active',
    statusReason: text(d.statusReason),
    supersededBy: text(d.supersededBy),
    published: date(d.published) ?? '',
    updated: date(d.updated),
    requestingCountry: country(d.requestingCountry),
    operation: text(d.operation),
    crimeAreas: terms(crimeAreas, d.crimeAreas),
    commodities: terms(commodities, d.commodities),
    concealment: {
      category: term(concealmentCategories, concealment.category)!,
      object: text(concealment.object) ?? '',
      placement: text(concealment.placement),
    },
    antiDetection: terms(antiDetectionMeasures, d.antiDetection),
    transportModes: terms(transportModes, d.transportModes),
    route: { origin: countries(route.origin), transit: countries(route.transit), destination: countries(route.destination) },
    seizures: listOf(d.seizures).flatMap((x) => {
      const s = fieldsOf(x);
      const code = country(s.country);
      const year = typeof s.year === 'string' && s.year.trim() ? Number(s.year) : s.year;
      if (!code || typeof year !== 'number' || !Number.isInteger(year)) return [];
      return [{ country: code, year, location: term(seizureLocations, s.location), quantity: text(s.quantity) }];
    }),
    detection: terms(detectionMethods, d.detection),
    keywords: listOf(d.keywords).flatMap((k) => text(k) ?? []),
    indicators: listOf(d.indicators).flatMap((k) => text(k) ?? []),
    recommendedActions: listOf(d.recommendedActions).flatMap((k) => text(k) ?? []),
    images: listOf(d.images).map((x) => {
      const img = fieldsOf(x);
      return {
        src: text(img.src),
        alt: text(img.alt) ?? '',
        caption: text(img.caption),
        credit: text(img.credit),
        kind: term(imageKinds, img.kind),
        tlp: tlp(img.tlp),
      };
    }),
    sources: listOf(d.sources).map((x) => {
      const s = fieldsOf(x);
      return { title: text(s.title) ?? '', publisher: text(s.publisher) ?? '', date: date(s.date), url: webAddress(s.url) };
    }),
    changes: listOf(d.changes).map((x) => {
      const c = fieldsOf(x);
      return { date: date(c.date), summary: text(c.summary) ?? '' };
    }),
  };
}
