/**
 * Punctuation the pages put between words of their own making, per language: French puts a (narrow)
 * no-break space before `:` and `;`; Arabic has its own comma and semicolon (، ؛). Used wherever the
 * site joins labels or values itself instead of showing a whole UI string.
 */
import type { Lang } from './ui.ts';

/** The punctuation of one language. */
export interface Punctuation {
  /** Between the items of a list. */
  list: string;
  /** Between groups of items (a stronger pause than `list`). */
  group: string;
  /** Between a label and what follows it. */
  colon: string;
}

const PUNCTUATION: Record<Lang, Punctuation> = {
  en: { list: ', ', group: '; ', colon: ': ' },
  fr: { list: ', ', group: '\u202f; ', colon: '\u00a0: ' },
  es: { list: ', ', group: '; ', colon: ': ' },
  ar: { list: '، ', group: '؛ ', colon: ': ' },
};

/** The punctuation of `lang`. */
export function punctuationOf(lang: Lang): Punctuation {
  return PUNCTUATION[lang];
}
