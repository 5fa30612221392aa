/**
 * The shapes of a language's tables, so that a missing string or label fails the type check:
 * - `UiTable`: every UI string of `ui.ts` (the TLP 2.0 marking definitions `tlp.*` included), `{name}`
 *   placeholders kept as in English;
 * - `VocabularyTable`: the label of every term (and every group label) of every vocabulary of
 *   `src/model/vocabularies.ts`, by vocabulary and slug.
 * The tables of French, Spanish and Arabic (`fr.ts`, `es.ts`, `ar.ts`) are written to these shapes; `ui.ts`
 * and `labels.ts` read them for the pages of each language (docs/languages.md).
 */
import type { Vocabulary } from '../../model/vocabularies.ts';
import * as vocabularies from '../../model/vocabularies.ts';
import type { UiKey } from './ui.ts';

/** Every UI string, by key. */
export type UiTable = Record<UiKey, string>;

/** The vocabularies of the content model, by their export name in src/model/vocabularies.ts. */
type Vocabularies = {
  [K in keyof typeof vocabularies as (typeof vocabularies)[K] extends Vocabulary ? K : never]: (typeof vocabularies)[K];
};
/** The slugs of a vocabulary. */
type SlugsOf<V> = V extends Vocabulary<infer S> ? S : never;

/** Every vocabulary's term labels (`terms`) and, where it has groups, its group labels (`groups`, by group label in English). */
export type VocabularyTable = {
  [K in keyof Vocabularies]: { terms: Record<SlugsOf<Vocabularies[K]>, string>; groups?: Record<string, string> };
};
