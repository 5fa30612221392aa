/**
 * Key order of the JSON documents: the order of their zod schemas (src/model/documents.ts), so a document's
 * bytes depend only on its content, never on the order a loader happened to give its keys.
 */
import { LANGUAGE_CODES, type Language } from '../../model/languages.ts';

/** A translation as a document is made from it: its validated fields and its body as written. */
export interface TranslationInput<T> {
  data: T;
  body: string;
}

/**
 * The `keys` of `value` in that order (the keys of a schema's shape), leaving out those that are `undefined`
 * (an optional field not given) and any key not in `keys` (such as `draft`, left out of documents).
 */
export function pickInOrder(value: object, keys: readonly string[]): Record<string, unknown> {
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of keys) if (source[key] !== undefined) out[key] = source[key];
  return out;
}

/**
 * Translations by language, in the order of the languages (English first): each translation's fields as
 * `fields` gives them (in their own order) followed by its `body`.
 */
export function translationsInOrder<T extends object>(
  translations: ReadonlyMap<Language, TranslationInput<T>>,
  fields: (data: T) => object,
): Partial<Record<Language, Record<string, unknown> & { body: string }>> {
  const out: Partial<Record<Language, Record<string, unknown> & { body: string }>> = {};
  for (const lang of LANGUAGE_CODES) {
    const t = translations.get(lang);
    if (t) out[lang] = { ...fields(t.data), body: t.body };
  }
  return out;
}
