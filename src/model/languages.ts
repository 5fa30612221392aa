/**
 * The four languages of Modus (ISO 639-1 codes, the `languages` vocabulary): English, French, Spanish and
 * Arabic, the working languages of the international police organisation whose members share notices.
 * English pages keep the site's root addresses; the others live under `/fr/`, `/es/`, `/ar/`.
 */
import { languages, slugsOf } from './vocabularies.ts';

/** A language code: `en`, `fr`, `es` or `ar`. */
export type Language = keyof typeof languages.terms;

/** Every language, English first (the order of the language switcher and of the builds' sections). */
export const LANGUAGE_CODES: readonly Language[] = slugsOf(languages);

/** The language a notice or course is written in when its file says none. */
export const DEFAULT_LANGUAGE: Language = 'en';

/** Writing direction of a language: Arabic is right to left, the others left to right. */
export function directionOf(lang: Language): 'ltr' | 'rtl' {
  return lang === 'ar' ? 'rtl' : 'ltr';
}

/** True when `value` is one of the four language codes. */
export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGE_CODES as readonly string[]).includes(value);
}

/**
 * The path of a page in a language: English keeps `path` as is, the others get their code in front
 * (`/notices/x/` → `/fr/notices/x/`). `path` starts with `/`.
 */
export function pathInLanguage(path: string, lang: Language): string {
  return lang === DEFAULT_LANGUAGE ? path : `/${lang}${path}`;
}

/**
 * Splits a site path into its language and the path without the language prefix
 * (`/ar/notices/x/` → `{ lang: 'ar', path: '/notices/x/' }`; `/notices/x/` → English).
 */
export function splitLanguagePath(path: string): { lang: Language; path: string } {
  const m = /^\/(fr|es|ar)(\/.*|$)/.exec(path);
  return m ? { lang: m[1] as Language, path: m[2] || '/' } : { lang: DEFAULT_LANGUAGE, path };
}
