/**
 * Literal prose for MDX (field case F8). Editors write Markdown; MDX reads `<` as the start of a
 * component, `{…}` as JavaScript, a line starting with `import`/`export` as code, and rejects HTML
 * comments. This step rewrites a notice body *in memory, before MDX parses it* so that such text
 * renders exactly as typed: `<` `{` `}` get a Markdown backslash escape, the first letter of a
 * leading `import`/`export` becomes a character reference. Left untouched: code spans and fenced
 * code, existing backslash escapes, and balanced tags of the allowed components (e.g. `<Callout>`).
 * The content file itself is never rewritten.
 */

/** Characters Markdown lets a backslash escape (CommonMark "ASCII punctuation"). */
const ASCII_PUNCT = /[!-/:-@[-`{-~]/;
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;
const ESM_START = /^(import|export)(?=[\s{*]|$)/;
const BR = /<br\s*\/?>/iy;

type Token =
  | { kind: 'text'; value: string }
  | { kind: 'tag'; value: string; name: string; role: 'open' | 'close' | 'self'; flow: boolean; block: number; offset: number };

/** A component tag found in a body: its text, offset in the body, and whether it pairs up. */
export interface ComponentTag {
  name: string;
  value: string;
  role: 'open' | 'close' | 'self';
  /** Offset of `<` in the body. */
  offset: number;
  /** False when the tag has no partner, so it is shown as text. */
  balanced: boolean;
}

/** Result of `escapeMdxBody`: the text MDX should compile, and the component tags seen. */
export interface EscapedBody {
  text: string;
  tags: ComponentTag[];
}

function tagPattern(components: readonly string[]): RegExp | undefined {
  if (components.length === 0) return undefined;
  const names = components.map((c) => c.replace(/[^\w]/g, '')).join('|');
  return new RegExp(`<(/?)(${names})((?:\\s+[A-Za-z_][\\w-]*(?:="[^"]*")?)*)\\s*(/?)>`, 'y');
}

/** Escapes one run of prose (no code inside) so MDX reads it as text. */
function escapeText(s: string, atLineStart: boolean): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if ((i === 0 ? atLineStart : s[i - 1] === '\n') && ESM_START.test(s.slice(i, i + 7))) {
      out += `&#${c.charCodeAt(0)};`;
      continue;
    }
    if (c === '\\' && i + 1 < s.length && ASCII_PUNCT.test(s[i + 1]!)) {
      out += c + s[i + 1];
      i++;
      continue;
    }
    if (c === '<') {
      BR.lastIndex = i;
      const br = BR.exec(s);
      if (br) {
        out += '<br />';
        i += br[0].length - 1;
        continue;
      }
    }
    out += c === '<' || c === '{' || c === '}' ? `\\${c}` : c;
  }
  return out;
}

/** Splits a block (consecutive non-blank, non-fence lines) into text, code spans and component tags. */
function tokenize(block: string, tags: RegExp | undefined, blockIndex: number, blockOffset: number): Array<Token | { kind: 'code'; value: string }> {
  const tokens: Array<Token | { kind: 'code'; value: string }> = [];
  let text = '';
  const flush = () => {
    if (text) tokens.push({ kind: 'text', value: text });
    text = '';
  };
  for (let i = 0; i < block.length; ) {
    const c = block[i]!;
    if (c === '\\' && i + 1 < block.length) {
      text += c + block[i + 1];
      i += 2;
      continue;
    }
    if (c === '`') {
      let n = 0;
      while (block[i + n] === '`') n++;
      const run = '`'.repeat(n);
      // The closing run has exactly n backticks.
      let j = block.indexOf(run, i + n);
      while (j !== -1 && (block[j + n] === '`' || block[j - 1] === '`')) j = block.indexOf(run, j + 1);
      if (j === -1) {
        text += run; // no closing run: the backticks are literal
        i += n;
        continue;
      }
      flush();
      tokens.push({ kind: 'code', value: block.slice(i, j + n) });
      i = j + n;
      continue;
    }
    if (c === '<' && tags) {
      tags.lastIndex = i;
      const m = tags.exec(block);
      if (m) {
        flush();
        // A tag alone on its line is a block (flow) tag; MDX pairs block tags with block tags only.
        const lineStart = block.lastIndexOf('\n', i - 1) + 1;
        const lineEnd = block.indexOf('\n', i) === -1 ? block.length : block.indexOf('\n', i);
        const flow = block.slice(lineStart, i).trim() === '' && block.slice(i + m[0].length, lineEnd).trim() === '';
        tokens.push({ kind: 'tag', value: m[0], name: m[2]!, role: m[1] ? 'close' : m[4] ? 'self' : 'open', flow, block: blockIndex, offset: blockOffset + i });
        i += m[0].length;
        continue;
      }
    }
    text += c;
    i++;
  }
  flush();
  return tokens;
}

/**
 * Returns `body` with every MDX-significant character in prose escaped (see the module comment).
 * `components` are the names of the MDX components allowed in the body (default: `Callout`);
 * their tags stay JSX when they are balanced, and become literal text otherwise.
 */
export function escapeMdxProse(body: string, components: readonly string[] = ['Callout']): string {
  return escapeMdxBody(body, components).text;
}

/** Like `escapeMdxProse`, and also lists the component tags (for checks with line and column). */
export function escapeMdxBody(body: string, components: readonly string[] = ['Callout']): EscapedBody {
  const tags = tagPattern(components);
  const lines = body.split(/(?<=\n)/);
  // Group lines into fenced code (verbatim) and prose blocks, so code spans never cross a blank line.
  const parts: Array<{ code: boolean; text: string }> = [];
  let fence: { char: string; len: number } | undefined;
  for (const line of lines) {
    if (fence) {
      parts.push({ code: true, text: line });
      const m = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line);
      if (m && m[1]![0] === fence.char && m[1]!.length >= fence.len) fence = undefined;
      continue;
    }
    const open = FENCE_OPEN.exec(line);
    if (open && !(open[1]![0] === '`' && line.slice(open[0].length).includes('`'))) {
      fence = { char: open[1]![0]!, len: open[1]!.length };
      parts.push({ code: true, text: line });
      continue;
    }
    if (line.trim() === '') {
      parts.push({ code: true, text: line }); // a blank line ends a block; nothing in it to escape
      continue;
    }
    const last = parts.at(-1);
    if (last && !last.code) last.text += line;
    else parts.push({ code: false, text: line });
  }

  // Tokenize prose blocks, then keep only balanced component tags.
  let offset = 0;
  const tokenized = parts.map((p, i) => {
    const at = offset;
    offset += p.text.length;
    return p.code ? [{ kind: 'code' as const, value: p.text }] : tokenize(p.text, tags, i, at);
  });
  const all = tokenized.flat();
  const stack: Array<Token & { kind: 'tag' }> = [];
  const balanced = new Set<Token>();
  for (const t of all) {
    if (t.kind !== 'tag') continue;
    if (t.role === 'self') balanced.add(t);
    else if (t.role === 'open') stack.push(t);
    else {
      // The innermost open tag of the same name; a block tag closes a block tag, an inline tag
      // closes an inline tag of the same paragraph.
      const at = stack.map((s) => s.name).lastIndexOf(t.name);
      const open = at === -1 ? undefined : stack[at]!;
      if (open && open.flow === t.flow && (t.flow || open.block === t.block)) {
        balanced.add(stack[at]!).add(t);
        stack.length = at;
      }
    }
  }

  let out = '';
  for (const t of all) {
    if (t.kind === 'code') out += t.value;
    else if (t.kind === 'tag' && balanced.has(t)) out += t.value;
    else out += escapeText(t.value, out === '' || out.endsWith('\n'));
  }
  const found = all
    .filter((t): t is Token & { kind: 'tag' } => t.kind === 'tag')
    .map((t) => ({ name: t.name, value: t.value, role: t.role, offset: t.offset, balanced: balanced.has(t) }));
  return { text: out, tags: found };
}

/** 1-based line and column of `offset` in `text`. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}

/**
 * Applies `escapeMdxProse` to the body of an MDX file, leaving its YAML frontmatter byte for byte
 * (so line numbers in any later error still point into the file as written).
 */
export function escapeMdxFile(source: string, components?: readonly string[]): string {
  return escapeMdxFileDetailed(source, components).text;
}

/** Like `escapeMdxFile`; tag offsets are offsets in the whole file. */
export function escapeMdxFileDetailed(source: string, components?: readonly string[]): EscapedBody {
  const fm = /^---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/.exec(source);
  const head = fm ? fm[0] : '';
  const body = escapeMdxBody(source.slice(head.length), components);
  return { text: head + body.text, tags: body.tags.map((t) => ({ ...t, offset: t.offset + head.length })) };
}
