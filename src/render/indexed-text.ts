/**
 * The text Pagefind indexes of a piece of rendered HTML, read the way Pagefind 1.6 reads a page: the
 * text of every element except those marked `data-pagefind-ignore` (any value) and those Pagefind
 * skips (script, style, nav, form, label, …), character references decoded, and a space where
 * Pagefind puts one (around its block elements and at `<br>`), so that the words are the words of
 * Pagefind's index, joined as Pagefind joins them. Used by src/render/components/SearchForms.astro
 * to find the words of a page that need a search form.
 *
 * Reads HTML as Astro writes it (well-formed, void elements unclosed): it does not repair broken markup.
 */

/** Elements Pagefind leaves out with everything inside them. */
const SKIPPED = new Set(['head', 'style', 'script', 'noscript', 'label', 'form', 'svg', 'footer', 'nav', 'iframe', 'template']);
/** Elements around which Pagefind puts a space (it ends their text as a sentence), and `br`. */
const SPACED = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'td', 'div', 'ul', 'li', 'article', 'section', 'br']);
/** Elements without an end tag. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
/** Elements whose content is raw text, not markup. */
const RAW = new Set(['script', 'style']);

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** `s` with its character references decoded (the named basics, decimal and hexadecimal); others left as written. */
function decode(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, ref: string) => {
    if (ref[0] !== '#') return NAMED[ref.toLowerCase()] ?? m;
    const cp = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return Number.isFinite(cp) && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
  });
}

const TOKEN = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|[^<]+|</g;

/**
 * The text Pagefind would index of `html` (see the module's comment). An element is left out with
 * its content when it has a `data-pagefind-ignore` attribute or is one Pagefind skips. Never throws.
 */
export function indexedText(html: string): string {
  const out: string[] = [];
  /** Open elements: their name, and whether they (or an element around them) are left out. */
  const open: Array<{ name: string; out: boolean }> = [];
  const leftOut = () => open.at(-1)?.out ?? false;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(html); m; m = TOKEN.exec(html)) {
    const [token, closing, rawName, attrs] = m;
    if (rawName === undefined) {
      if (!token.startsWith('<!--') && !leftOut()) out.push(decode(token));
      continue;
    }
    const name = rawName.toLowerCase();
    if (closing) {
      const at = open.map((e) => e.name).lastIndexOf(name);
      if (at >= 0) open.length = at;
      if (SPACED.has(name)) out.push(' ');
      continue;
    }
    if (SPACED.has(name)) out.push(' ');
    const ignored = leftOut() || SKIPPED.has(name) || /(^|\s)data-pagefind-ignore(\s|=|$)/i.test(attrs ?? '');
    if (RAW.has(name)) {
      const end = html.toLowerCase().indexOf(`</${name}`, TOKEN.lastIndex);
      TOKEN.lastIndex = end < 0 ? html.length : end;
    }
    if (!VOID.has(name) && !/\/\s*$/.test(attrs ?? '')) open.push({ name, out: ignored });
  }
  return out.join('');
}
