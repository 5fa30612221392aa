/**
 * The language of Decap's own interface (its menus, buttons and messages), chosen by the editor: open
 * `/admin/?lang=fr` (or `es`, `ar`, `en`) once, and the choice is kept in this browser for the next
 * visits. Decap 3 ships French and Spanish among Modus's languages, but no Arabic: an editor who chooses
 * Arabic gets Decap's English interface (the Arabic translation forms are right to left all the same).
 * The labels and hints of Modus's own forms stay in English: Decap takes one label per field.
 */
import { LANGUAGE_CODES, type Language } from '../../model/languages.ts';

/** Where the choice is kept in the browser. */
export const LANGUAGE_KEY = 'modus.cms.language';

/** The languages of Modus whose Decap interface Decap ships (its locales `en`, `fr`, `es`). */
export const DECAP_INTERFACE_LANGUAGES: readonly Language[] = ['en', 'fr', 'es'];

const isLanguage = (v: unknown): v is Language => typeof v === 'string' && (LANGUAGE_CODES as readonly string[]).includes(v);

/**
 * The interface language for the page's query string `search` (`?lang=fr`) and the choice kept earlier
 * (`saved`): the query wins and is to be kept (`save`), else the kept choice, else English.
 */
export function chooseInterfaceLanguage(search: string, saved: string | null): { language: Language; save: boolean } {
  const asked = new URLSearchParams(search).get('lang');
  if (isLanguage(asked)) return { language: asked, save: asked !== saved };
  return { language: isLanguage(saved) ? saved : 'en', save: false };
}

/** Decap's locale for an interface language: itself where Decap ships it, else English. */
export function decapLocale(language: Language): string {
  return DECAP_INTERFACE_LANGUAGES.includes(language) ? language : 'en';
}
