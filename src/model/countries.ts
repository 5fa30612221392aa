/**
 * Countries as ISO 3166-1 alpha-2 codes, with display names from the maintained
 * `i18n-iso-countries` library (never a hand-typed list).
 */
import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import fr from 'i18n-iso-countries/langs/fr.json' with { type: 'json' };
import es from 'i18n-iso-countries/langs/es.json' with { type: 'json' };
import ar from 'i18n-iso-countries/langs/ar.json' with { type: 'json' };

for (const locale of [en, fr, es, ar]) countries.registerLocale(locale);

/** Every ISO 3166-1 alpha-2 code the library knows, upper case, sorted. */
export const COUNTRY_CODES: readonly string[] = Object.keys(countries.getAlpha2Codes()).sort();

/**
 * Canonical form of a country code as an editor may have typed it: trimmed and upper-cased
 * (`" nl"` → `"NL"`). Returns the input unchanged when it is not a string.
 */
export function canonicalCountryCode(value: unknown): unknown {
  return typeof value === 'string' ? value.trim().toUpperCase() : value;
}

/** True when `code` is an assigned ISO 3166-1 alpha-2 code (upper case). */
export function isCountryCode(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && countries.isValid(code);
}

/**
 * Display name of a country code in a UI language (`en`, `fr`, `es`, `ar`), e.g. `NL` → "Netherlands".
 * Throws for a code the library does not know (the schema rejects those earlier).
 */
export function countryName(code: string, lang: 'en' | 'fr' | 'es' | 'ar' = 'en'): string {
  const name = countries.getName(code, lang);
  if (!name) throw new Error(`Unknown ISO 3166-1 alpha-2 code "${code}"`);
  return name;
}

/** The name of every country in a UI language, as `countryName` gives them. */
export function countryNames(lang: 'en' | 'fr' | 'es' | 'ar' = 'en'): string[] {
  return COUNTRY_CODES.map((code) => countryName(code, lang));
}
