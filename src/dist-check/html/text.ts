/**
 * The text of a built page or feed, as a reader (or a search engine) gets it: what the dist check
 * searches for withheld sentences, so that markup between words cannot hide them.
 */
import { decodeEntities } from './entities.ts';

/** Attributes whose values are text a reader sees (kept when markup is turned into text). */
const TEXT_ATTRIBUTES = new Set([
  'alt',
  'title',
  'content',
  'aria-label',
  'placeholder',
  'value',
  'label',
  'summary',
  'data-pagefind-meta',
]);

/**
 * The text of an HTML or XML document: each tag becomes a space plus its text attributes (see
 * TEXT_ATTRIBUTES); comments and CDATA sections become their text; entities are decoded.
 */
export function markupText(html: string): string {
  const noCdata = html.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_, t: string) => t.replace(/</g, '&lt;'));
  return decodeEntities(
    noCdata.replace(/<!--([\s\S]*?)-->/g, ' $1 ').replace(/<\/?[a-zA-Z][\w:.-]*((?:[^>"']|"[^"]*"|'[^']*')*)>/g, (_, attrs: string) => {
      const kept: string[] = [];
      for (const a of attrs.matchAll(/([^\s=/>"']+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
        if (TEXT_ATTRIBUTES.has(a[1]!.toLowerCase())) kept.push(a[2] ?? a[3] ?? '');
      }
      return ` ${kept.join(' ')} `;
    }),
  );
}
