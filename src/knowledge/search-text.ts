/**
 * Search text: one normalisation per language, shared by what the search index holds of a page
 * (src/knowledge/search-forms.ts, through src/render/components/SearchForms.astro) and the query an
 * officer types (the search page, src/pages/search.astro), so that both meet in one form.
 *
 * It does only what Pagefind 1.6 does not do by itself. Pagefind lower-cases, removes combining marks
 * (accents: "cocaine" finds "cocaïne"; tashkeel: "مخدرات" finds "مُخَدِّرَات"; a hamza on its seat:
 * "افيون" finds "أفيون", "مسوول" finds "مسؤول"), stems the page's language (plurals: "estatua" finds
 * "estatuas"; the Arabic stemmer also drops tatweel and reads Arabic-Indic digits on Arabic pages) and
 * splits words at ASCII punctuation ("mo-2025-0001" finds "MO-2025-0001"). Accents are left alone here
 * on purpose: Pagefind matches across them and ranks the exact spelling first. What it misses, as
 * measured with Pagefind 1.6 in Chromium (tests/site/search-languages.test.ts), is handled below:
 * - every language: Arabic-Indic and Persian digits ("٢٠٢٥", "۲۰۲۵" for 2025: only Arabic pages read
 *   the first, no page the second); invisible format characters that copying text from a right-to-left
 *   page brings along (a right-to-left mark around "MO-2025-0001" found nothing); typographic
 *   apostrophes, at which Pagefind does not split ("l’héroïne" was not found by "héroïne"; "l'héroïne" is);
 *   typographic ligatures (ﬁ, ﬂ) of text copied from a PDF;
 * - Arabic: alef wasla (ٱ) as alef; ta marbuta (ة) as heh (ه) and alef maqsura (ى) as yeh (ي), which
 *   the stemmer matches only in longer words ("مرة" and "مره", "الفتى" and "الفتي" did not meet);
 *   tashkeel, tatweel, alef with hamza or madda (أ إ آ) as alef, and waw and yeh with hamza (ؤ ئ) as
 *   their seat, as Pagefind or its stemmer already does, so that the normalised form of a word is one
 *   form; the Persian keheh (ک) and yeh (ی) as Arabic kaf and yeh; presentation forms (text copied
 *   from a PDF) as plain letters;
 * - French: the ligatures œ and æ as "oe" and "ae" ("oeuvre" did not find "œuvre", nor the reverse);
 * - Spanish and English: nothing beyond every language's.
 * Not handled: spelling variants that are not a matter of marks or letter forms ("مسئول" and "مسؤول",
 * two spellings of one word with the hamza on different seats; "metamfetamina" and "metanfetamina").
 *
 * Pure: text in, text out, no I/O; runs in Node (the index) and in the browser (the query).
 */

/** The languages with their own normalisation (ISO 639-1). */
export const SEARCH_LANGUAGES = ['ar', 'en', 'es', 'fr'] as const;
/** A language with its own normalisation. */
export type SearchLanguage = (typeof SEARCH_LANGUAGES)[number];

/** Invisible format characters (Unicode Cf): directional marks and isolates, zero-width joiners and spaces, soft hyphen, BOM. */
const FORMAT_CHARACTERS = /\p{Cf}/gu;
/** Arabic-Indic digits (U+0660–U+0669) and Extended Arabic-Indic, or Persian, digits (U+06F0–U+06F9). */
const EASTERN_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/g;
/** Apostrophes other than the ASCII one: right and left single quotation marks, modifier letter apostrophe, prime, acute accent, reversed quotation mark, fullwidth apostrophe. */
const APOSTROPHES = /[\u2019\u2018\u02BC\u2032\u00B4\u201B\uFF07]/g;
/** Latin typographic ligatures (ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ). */
const LATIN_LIGATURES = /[\uFB00-\uFB06]/g;

/**
 * The normalisation every language shares: eastern digits as 0–9, format characters removed,
 * apostrophes as `'`, Latin ligatures spelt out. Returns the text otherwise unchanged.
 */
export function normaliseCommon(text: string): string {
  return text
    .replace(FORMAT_CHARACTERS, '')
    .replace(EASTERN_DIGITS, (d) => {
      const c = d.charCodeAt(0);
      return String(c >= 0x06f0 ? c - 0x06f0 : c - 0x0660);
    })
    .replace(APOSTROPHES, "'")
    .replace(LATIN_LIGATURES, (l) => l.normalize('NFKC'));
}

/** Arabic presentation forms A and B (shaped letters and ligatures, as text copied from a PDF has them). */
const ARABIC_PRESENTATION_FORMS = /[\uFB50-\uFDFF\uFE70-\uFEFE]+/g;
/**
 * Tashkeel and other Arabic combining marks: harakat, tanween, shadda, sukun, madda and hamza above or
 * below (as a decomposed أ إ آ ؤ ئ has them), superscript alef, honorific and Quranic marks. Not the
 * small waw and yeh (U+06E5, U+06E6), which are letters.
 */
const ARABIC_MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E4\u06E7\u06E8\u06EA-\u06ED\u08D3-\u08E1\u08E3-\u08FF]/g;
/** Tatweel (kashida), the stretching of a word that carries no letter. */
const TATWEEL = /\u0640/g;
/** Arabic letters written in another form of the same letter, and the form they are searched as. */
const ARABIC_LETTERS: Record<string, string> = {
  '\u0622': '\u0627', // آ alef with madda → ا
  '\u0623': '\u0627', // أ alef with hamza above → ا
  '\u0625': '\u0627', // إ alef with hamza below → ا
  '\u0671': '\u0627', // ٱ alef wasla → ا
  '\u0624': '\u0648', // ؤ waw with hamza → و
  '\u0626': '\u064A', // ئ yeh with hamza → ي
  '\u0649': '\u064A', // ى alef maqsura → ي
  '\u0629': '\u0647', // ة ta marbuta → ه
  '\u06CC': '\u064A', // ی Persian yeh → ي
  '\u06A9': '\u0643', // ک Persian keheh → ك
};
const ARABIC_LETTER = new RegExp(`[${Object.keys(ARABIC_LETTERS).join('')}]`, 'g');

/**
 * Arabic: every language's normalisation, presentation forms as plain letters, tashkeel and tatweel
 * removed, then ٱ أ إ آ as ا, ؤ as و, ئ and ى as ي, ة as ه, Persian ی and ک as ي and ك.
 * Latin text in it (a notice id, a name) changes only as every language's does.
 */
export function normaliseArabic(text: string): string {
  return normaliseCommon(text)
    .replace(ARABIC_PRESENTATION_FORMS, (s) => s.normalize('NFKC'))
    .replace(ARABIC_MARKS, '')
    .replace(TATWEEL, '')
    .replace(ARABIC_LETTER, (c) => ARABIC_LETTERS[c]!);
}

/** French: every language's normalisation, and the ligatures œ, æ (and capitals) spelt out as oe, ae. */
export function normaliseFrench(text: string): string {
  return normaliseCommon(text).replace(/[œŒæÆ]/g, (c) => ({ œ: 'oe', Œ: 'OE', æ: 'ae', Æ: 'AE' })[c]!);
}

/** Spanish: every language's normalisation; Pagefind matches accents, ñ and plurals by itself. */
export function normaliseSpanish(text: string): string {
  return normaliseCommon(text);
}

/** English: every language's normalisation; Pagefind's stemmer matches plurals and possessives. */
export function normaliseEnglish(text: string): string {
  return normaliseCommon(text);
}

/** The normalisation of each language. */
export const NORMALISE: Readonly<Record<SearchLanguage, (text: string) => string>> = {
  ar: normaliseArabic,
  en: normaliseEnglish,
  es: normaliseSpanish,
  fr: normaliseFrench,
};

/**
 * The language with its own normalisation that a language tag names (`<html lang>`: "ar", "fr-CA",
 * "ES"), by its primary subtag, case-insensitive; undefined for any other tag.
 */
export function searchLanguageOf(tag: string): SearchLanguage | undefined {
  const primary = tag.trim().split(/[-_]/)[0]!.toLowerCase();
  return (SEARCH_LANGUAGES as readonly string[]).includes(primary) ? (primary as SearchLanguage) : undefined;
}

/**
 * `text` normalised for searching in the language of tag `lang` (the page's `<html lang>`, which is
 * also the Pagefind index the page is in and the one its search page queries); a language without
 * its own normalisation gets every language's.
 */
export function normaliseSearchText(lang: string, text: string): string {
  const l = searchLanguageOf(lang);
  return l ? NORMALISE[l](text) : normaliseCommon(text);
}

/**
 * What Pagefind makes of a word by itself before stemming: lower case, combining marks removed (after
 * canonical decomposition). Two words with the same fold are the same word to Pagefind.
 */
export function pagefindFold(word: string): string {
  return word.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
}
