/**
 * Catches what a withheld notice or course (above the build's audience) leaves behind in the text of
 * dist/: its id, a link to its page, its slug (or a former slug), or a distinctive sentence of its
 * prose, in any file the runner could read as text (pages and their text, feeds, the JSON, STIX and CSV
 * exports with their escapes and quoting decoded (src/dist-check/file-texts.ts), scripts, stylesheets,
 * Pagefind's decoded index files) and in each such file's own path. Sentences are
 * matched word by word (src/dist-check/pagefind/phrases.ts), so markup, entities and line breaks do not
 * hide them; phrases that visible content or the site itself also says are not distinctive.
 */
import { NOTICE_ID_IN_TEXT } from '../../model/notice-ids.ts';
import type { ManifestEntry } from '../content-manifest.ts';
import type { Report } from '../findings.ts';
import { PhraseIndex, phrasesOf, sentences, words } from '../pagefind/phrases.ts';
import type { DistCheckRule } from '../rule.ts';
import { withheldById, withheldByPagePath, describeEntry } from '../withheld.ts';

/** Hyphenated words, the shape of a slug, in lower-cased text. */
const HYPHENATED = /[a-z0-9]+(?:-[a-z0-9]+)+/g;
/** Addresses of notice and course pages in text: section and (still encoded) slug. */
const URL_SLUG = /\/(notices|courses)\/([^/"'\s?#<>)\\]+)/g;

/**
 * The distinctive phrases of the withheld entries' prose: every phrase of their sentences, less
 * those that visible entries or the site's own texts (`commonTexts`) also say.
 */
function distinctivePhrases(
  visible: readonly ManifestEntry[],
  withheld: readonly ManifestEntry[],
  commonTexts: readonly string[],
): PhraseIndex<ManifestEntry> {
  const phrases = new PhraseIndex<ManifestEntry>();
  for (const e of withheld) for (const t of e.texts) for (const s of sentences(t)) for (const p of phrasesOf(s)) phrases.add(p, e);
  // One pass to find them all, then one removal.
  const notDistinctive = new Set<string>();
  for (const t of [...visible.flatMap((e) => e.texts), ...commonTexts]) {
    for (const f of phrases.find(words(t))) notDistinctive.add(f.phrase);
  }
  phrases.remove(notDistinctive);
  return phrases;
}

/**
 * Slugs and aliases of withheld entries that are distinctive as words: hyphenated (a one-word slug is
 * an ordinary word) and not also a slug or alias of a visible entry.
 */
function distinctiveSlugs(visible: readonly ManifestEntry[], withheld: readonly ManifestEntry[]): Map<string, ManifestEntry> {
  const visibleSlugs = new Set(visible.flatMap((e) => [e.slug, ...e.aliases]));
  const out = new Map<string, ManifestEntry>();
  for (const e of withheld) for (const s of [e.slug, ...e.aliases]) if (s.includes('-') && !visibleSlugs.has(s)) out.set(s, e);
  return out;
}

/** Finds ids, page links, slugs and sentences of withheld entries in the texts of each file and in its path. */
export const withheldText: DistCheckRule = {
  reportedAs: 'withheld',
  prepare({ visible, withheld, commonTexts = [] }) {
    const ids = withheldById(withheld);
    const pages = withheldByPagePath(withheld);
    const slugs = distinctiveSlugs(visible, withheld);
    const phrases = distinctivePhrases(visible, withheld, commonTexts);
    const scan = (rel: string, text: string, report: Report) => {
      for (const m of text.matchAll(NOTICE_ID_IN_TEXT)) {
        const e = ids.get(m[0].toUpperCase());
        if (e) report(rel, `contains the id ${m[0]} of withheld ${describeEntry(e)}`);
      }
      for (const m of text.matchAll(URL_SLUG)) {
        let seg = m[2]!;
        try {
          seg = decodeURIComponent(seg);
        } catch {
          /* keep as written */
        }
        const e = pages.get(`${m[1]}/${seg}`);
        if (e) report(rel, `links to /${m[1]}/${seg}/, the page of withheld ${describeEntry(e)}`);
      }
      if (slugs.size) {
        for (const m of text.toLowerCase().matchAll(HYPHENATED)) {
          const e = slugs.get(m[0]);
          if (e) report(rel, `contains "${m[0]}", the slug of withheld ${describeEntry(e)}`);
        }
      }
      if (phrases.size) {
        for (const f of phrases.find(words(text))) report(rel, `contains text of withheld ${describeEntry(f.owner)}: "${f.phrase}"`);
      }
    };
    const describe = <K>(m: Iterable<[K, ManifestEntry]>) => [...m].map(([k, e]) => [k, describeEntry(e)]);
    return {
      verdictKey: JSON.stringify([describe(ids), describe(pages), describe(slugs), describe(phrases.entries())]),
      file({ rel, kind, texts }, report) {
        if (kind === 'image' || kind === 'binary') return;
        for (const t of texts) scan(rel, t, report);
        scan(rel, rel, report);
      },
    };
  },
};
