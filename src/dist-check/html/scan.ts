/**
 * The HTML tokenizer of the dist check: reads a built page (or an XML/SVG file) the way a browser's
 * tokenizer sees what the rules look at: tags with their attributes, and the raw bodies of `<script>`
 * and `<style>`. Not a full HTML parser: no tree, no error recovery beyond skipping a stray `<`.
 */
import { decodeEntities } from './entities.ts';

/** One tag of an HTML document: name (lower case), attributes (names lower case, values decoded). */
export interface Tag {
  name: string;
  attrs: Map<string, string>;
  closing: boolean;
}

/** An HTML document as scanned: its tags, and the bodies of its script and style elements. */
export interface ScannedHtml {
  tags: Tag[];
  scripts: Array<{ attrs: Map<string, string>; body: string }>;
  styles: string[];
}

const TAG_AT = /<(\/?)([a-zA-Z][\w:.-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/y;

function attributesOf(raw: string): Map<string, string> {
  const attrs = new Map<string, string>();
  for (const a of raw.matchAll(/([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/g)) {
    attrs.set(a[1]!.toLowerCase(), decodeEntities(a[2] ?? a[3] ?? a[4] ?? ''));
  }
  return attrs;
}

/**
 * Scans an HTML/XML text: tags with their attributes (a quoted value is consumed whole, so markup
 * written inside an attribute is not a tag), comments skipped, and the raw bodies of `<script>` and
 * `<style>` (not scanned for tags). Never throws.
 */
export function scanHtml(html: string): ScannedHtml {
  const out: ScannedHtml = { tags: [], scripts: [], styles: [] };
  const lower = html.toLowerCase();
  let pos = 0;
  while (pos < html.length) {
    const lt = html.indexOf('<', pos);
    if (lt < 0) break;
    if (html.startsWith('<!--', lt)) {
      const close = html.indexOf('-->', lt + 4);
      pos = close < 0 ? html.length : close + 3;
      continue;
    }
    TAG_AT.lastIndex = lt;
    const m = TAG_AT.exec(html);
    if (!m) {
      pos = lt + 1;
      continue;
    }
    const tag: Tag = { name: m[2]!.toLowerCase(), attrs: attributesOf(m[3]!), closing: m[1] === '/' };
    out.tags.push(tag);
    pos = TAG_AT.lastIndex;
    if (!tag.closing && (tag.name === 'script' || tag.name === 'style') && !/\/\s*$/.test(m[3]!)) {
      const close = lower.indexOf(`</${tag.name}`, pos);
      const end = close < 0 ? html.length : close;
      if (tag.name === 'script') out.scripts.push({ attrs: tag.attrs, body: html.slice(pos, end) });
      else out.styles.push(html.slice(pos, end));
      pos = end;
    }
  }
  return out;
}

/**
 * Tags of an HTML/XML text, in order (see `scanHtml`). Exported so tests can read a built page exactly
 * as the dist check reads it (tests/site/hostile-input.test.ts).
 */
export function tagsOf(html: string): Tag[] {
  return scanHtml(html).tags;
}
