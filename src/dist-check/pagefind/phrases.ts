/**
 * Word-level phrase matching for the dist check: texts are compared as sequences of words (letters
 * and digits, lower case, Unicode-normalised), so punctuation, markup between blocks, HTML entities
 * already decoded and line breaks do not hide a match. Scanning is linear in the size of the text.
 */

/** The words of `text`: maximal runs of letters and digits, NFKC-normalised, lower case. */
export function words(text: string): string[] {
  return (
    text
      .normalize('NFKC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/** Sentences of a prose text (split after . ! ? followed by a space or the end), trimmed, non-empty. */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\n{2,}/u)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Smallest number of words for a sentence to count as distinctive. */
export const MIN_PHRASE_WORDS = 6;
/** Longest phrase kept: longer sentences give their first and last this many words. */
export const MAX_PHRASE_WORDS = 10;

/**
 * Distinctive phrases of a sentence, as word arrays: the whole sentence when it has
 * MIN..MAX words, its first and its last MAX words when longer, none when shorter.
 */
export function phrasesOf(sentence: string): string[][] {
  const w = words(sentence);
  if (w.length < MIN_PHRASE_WORDS) return [];
  if (w.length <= MAX_PHRASE_WORDS) return [w];
  return [w.slice(0, MAX_PHRASE_WORDS), w.slice(-MAX_PHRASE_WORDS)];
}

/**
 * A set of phrases (word arrays) with an owner each, searched in texts in linear time. A phrase is
 * held once, with the owner it was first added with (the owner `find` reports).
 */
export class PhraseIndex<T> {
  readonly #byStart = new Map<string, Array<{ words: string[]; owner: T }>>();
  readonly #held = new Set<string>();
  #size = 0;

  /** Adds a phrase of at least two words, unless it is already held. */
  add(phrase: readonly string[], owner: T): void {
    if (phrase.length < 2) return;
    const text = phrase.join(' ');
    if (this.#held.has(text)) return;
    this.#held.add(text);
    const key = `${phrase[0]} ${phrase[1]}`;
    const list = this.#byStart.get(key) ?? [];
    list.push({ words: [...phrase], owner });
    this.#byStart.set(key, list);
    this.#size++;
  }

  /** Every phrase held (its words joined by single spaces) with its owner. */
  *entries(): Generator<[phrase: string, owner: T]> {
    for (const list of this.#byStart.values()) for (const p of list) yield [p.words.join(' '), p.owner];
  }

  /** Number of phrases held. */
  get size(): number {
    return this.#size;
  }

  /** Every phrase occurring in `textWords` (each reported once), with its owner and the phrase text. */
  find(textWords: readonly string[]): Array<{ phrase: string; owner: T }> {
    const found = new Map<string, { phrase: string; owner: T }>();
    if (this.#size === 0) return [];
    for (let i = 0; i + 1 < textWords.length; i++) {
      const list = this.#byStart.get(`${textWords[i]} ${textWords[i + 1]}`);
      if (!list) continue;
      for (const p of list) {
        if (i + p.words.length > textWords.length) continue;
        let ok = true;
        for (let j = 2; j < p.words.length; j++)
          if (textWords[i + j] !== p.words[j]) {
            ok = false;
            break;
          }
        if (ok) {
          const phrase = p.words.join(' ');
          if (!found.has(phrase)) found.set(phrase, { phrase, owner: p.owner });
        }
      }
    }
    return [...found.values()];
  }

  /** Removes every phrase that occurs in `textWords` (e.g. text that is also in visible content). */
  removeFoundIn(textWords: readonly string[]): void {
    this.remove(new Set(this.find(textWords).map((f) => f.phrase)));
  }

  /** Removes the given phrases (as `find` reports them: words joined by single spaces). */
  remove(phrases: ReadonlySet<string>): void {
    if (phrases.size === 0) return;
    for (const [key, list] of this.#byStart) {
      const kept = list.filter((p) => !phrases.has(p.words.join(' ')));
      for (const p of list) if (phrases.has(p.words.join(' '))) this.#held.delete(p.words.join(' '));
      this.#size -= list.length - kept.length;
      if (kept.length) this.#byStart.set(key, kept);
      else this.#byStart.delete(key);
    }
  }
}
