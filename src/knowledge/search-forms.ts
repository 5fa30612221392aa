/**
 * The search forms of a page: the normalised form (src/knowledge/search-text.ts) of each word the
 * page's index holds, wherever it is not the same word to Pagefind as the written one. Put in the
 * page's search metadata (src/render/components/SearchForms.astro), they let the officer's
 * normalised query find a page written in another form: "مره" finds "مرة", "heroine" finds
 * "l’héroïne", "2025" finds "٢٠٢٥".
 */
import { normaliseSearchText, pagefindFold } from './search-text.ts';

/** Punctuation and symbols at either end of a word, which Pagefind does not index. */
const EDGES = /^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu;

/**
 * The search forms of `texts` (what the page's indexed body says) in the language of tag `lang`
 * (the page's `<html lang>`): the words (runs between white space, punctuation at either end left
 * out) whose normalised form Pagefind would not take for the word as written, each normalised form
 * once (the first of those Pagefind takes for one another), in the order first met. Empty and
 * missing texts are skipped. Deterministic: the same texts give the same forms in the same order.
 */
export function searchForms(lang: string, texts: Iterable<string | null | undefined>): string[] {
  const forms = new Map<string, string>();
  for (const text of texts) {
    if (!text) continue;
    for (const raw of text.split(/\s+/u)) {
      const word = raw.replace(EDGES, '');
      if (!word) continue;
      const form = normaliseSearchText(lang, word).replace(EDGES, '');
      const key = pagefindFold(form);
      if (!form || key === pagefindFold(word) || forms.has(key)) continue;
      forms.set(key, form);
    }
  }
  return [...forms.values()];
}
