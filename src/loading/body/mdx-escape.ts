/**
 * Literal prose for MDX (field case F8). Editors write Markdown; MDX cannot read some of it: an HTML
 * comment, `<5%`, `1<2`, `{approx. 2 kg each}`, an unclosed `<div>`, a sentence starting with
 * "export …". This step repairs exactly what MDX cannot read, *in memory, before MDX compiles the
 * body*, so that it renders as typed; the content file is never rewritten.
 *
 * It asks the MDX parser Astro compiles with (Sätteri): while parsing fails, the `<` or `{` that
 * the error points at gets a Markdown backslash escape (an unclosed `<br>` becomes `<br />`); a
 * paragraph the parser took for `import`/`export` code but that is not code gets a character
 * reference for its first letter. Whatever MDX *can* read is left alone: code spans and fences,
 * existing escapes, the Call-out component, and also valid code or markup (`{process.exit(1)}`,
 * `<script>`), which the body policy (src/loading/body/body-policy.ts) then refuses with its position.
 * The last round's parse of the repaired text is returned with it (`parsed`): the body policy and the
 * renderer use those trees instead of parsing the body again.
 */
import { parseBody, parseMdx, type BodyNode, type ParsedBody } from './parse-body.ts';

/** One repair, at an offset of the original body. */
export interface Repair {
  offset: number;
  /** What was repaired: `<`, `{`, `<br>`, an autolink `<https://…>` / `<name@host>`, or `import`/`export`. */
  kind: '<' | '{' | 'br' | 'autolink' | 'esm';
}

/** The body MDX should compile, and what was repaired. */
export interface RepairedBody {
  text: string;
  repairs: Repair[];
  /** The parser's error when the body still cannot be read (reported by the body policy). */
  error?: string;
  /** `text` as parsed by the last round: the trees the body policy and the renderer use (no second parse). */
  parsed: ParsedBody;
}

/** A line starting this way is code, not prose (an ES module import or export statement). */
const ESM_CODE =
  /^(?:import\s*["'{*]|import\s+[\w$]+\s*(?:,\s*[{*][^]*?)?\s+from\s|export\s+(?:const|let|var|function|class|default|async|\{|\*)\b|export\s*[{*])/;
const BR = /^<br\s*\/?>/i;
/** A Markdown autolink (`<https://example.org/x>`, `<desk@example.org>`), which MDX reads as a broken tag. */
const AUTOLINK = /^<([a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^\s<>]*|[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9-]+(?:\.[a-zA-Z0-9-]+)*)>/;

/** The Markdown link an autolink stands for: `[text](target)`, e-mail addresses as `mailto:`. */
function autolinkAsLink(inner: string): string {
  const target = inner.includes(':') ? inner : `mailto:${inner}`;
  return `[${inner.replace(/[\\[\]*_`]/g, (c) => `\\${c}`)}](<${target}>)`;
}
const MAX_REPAIRS = 500;

/** Index in `text` of a 1-based line and column (columns count code points, as the parser does). */
function indexOf(text: string, line: number, column: number): number {
  let start = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', start);
    if (nl === -1) return text.length;
    start = nl + 1;
  }
  const lineText = text.slice(start, text.indexOf('\n', start) === -1 ? undefined : text.indexOf('\n', start));
  return (
    start +
    Array.from(lineText)
      .slice(0, Math.max(0, column - 1))
      .join('').length
  );
}

/**
 * Returns the body with what MDX cannot read repaired (see the module comment) and the repairs.
 * Never throws: a body that still cannot be parsed is returned with
 * `error` set (the build's body policy reports it with its line and column).
 */
export function repairMdx(body: string): RepairedBody {
  const marks = new Map<number, Repair['kind']>();
  const render = (): { text: string; toOrig: number[] } => {
    let text = '';
    const toOrig: number[] = [];
    const push = (s: string, orig: number) => {
      for (let k = 0; k < s.length; k++) toOrig.push(orig);
      text += s;
    };
    for (let i = 0; i < body.length; i++) {
      const mark = marks.get(i);
      if (mark === '<' || mark === '{') push(`\\${body[i]}`, i);
      else if (mark === 'esm') push(`&#${body.charCodeAt(i)};`, i);
      else if (mark === 'br') {
        const m = BR.exec(body.slice(i))!;
        push('<br />', i);
        i += m[0].length - 1;
      } else if (mark === 'autolink') {
        const m = AUTOLINK.exec(body.slice(i))!;
        push(autolinkAsLink(m[1]!), i);
        i += m[0].length - 1;
      } else push(body[i]!, i);
    }
    toOrig.push(body.length);
    return { text, toOrig };
  };
  const escaped = (i: number) => {
    let n = 0;
    for (let j = i - 1; j >= 0 && body[j] === '\\'; j--) n++;
    return n % 2 === 1;
  };

  for (let round = 0; round <= MAX_REPAIRS; round++) {
    const { text, toOrig } = render();
    let parsed: ReturnType<typeof parseMdx>;
    try {
      parsed = parseMdx(text);
    } catch (err) {
      const message = String((err as Error).message ?? err);
      const at = /^(\d+):(\d+):/.exec(message);
      const from = at ? toOrig[indexOf(text, Number(at[1]), Number(at[2]))]! : body.length - 1;
      // The `<` or `{` the error points at: the nearest one at or before it that MDX read as syntax.
      let culprit = -1;
      for (let i = Math.min(from, body.length - 1); i >= 0; i--) {
        if ((body[i] === '<' || body[i] === '{') && !marks.has(i) && !escaped(i)) {
          culprit = i;
          break;
        }
      }
      if (culprit === -1 || round === MAX_REPAIRS)
        return { text, repairs: [...marks].map(([offset, kind]) => ({ offset, kind })), error: message, parsed: { text, error: message } };
      const rest = body.slice(culprit);
      marks.set(culprit, body[culprit] !== '<' ? '{' : BR.test(rest) ? 'br' : AUTOLINK.test(rest) ? 'autolink' : '<');
      continue;
    }
    // The parser took these paragraphs for ES module code; those that are not code are prose.
    const prose = (parsed.mdast.children ?? []).filter((n: BodyNode) => n.type === 'mdxjsEsm' && !ESM_CODE.test(String(n.value ?? '')));
    if (prose.length) {
      for (const n of prose) marks.set(toOrig[indexOf(text, n.position!.start.line, n.position!.start.column)]!, 'esm');
      continue;
    }
    return { text, repairs: [...marks].map(([offset, kind]) => ({ offset, kind })).sort((a, b) => a.offset - b.offset), parsed };
  }
  /* c8 ignore next */
  return { text: body, repairs: [], parsed: parseBody(body) };
}

/** `repairMdx(body).text`: the body as MDX should compile it. */
export function escapeMdxProse(body: string): string {
  return repairMdx(body).text;
}

/**
 * The body as it is checked and rendered (`repairMdx(body).text`) and its parse (`parsed`, the trees
 * of that text), with a warning for each call-out tag without its pair and each HTML comment, which
 * the repair turned into text shown to readers (offsets into the body as written).
 */
export function proseBody(body: string): { text: string; parsed: ParsedBody; warnings: Array<{ offset: number; message: string }> } {
  const { text, repairs, parsed } = repairMdx(body);
  const warnings: Array<{ offset: number; message: string }> = [];
  for (const r of repairs) {
    if (r.kind === '<' && body.startsWith('<!--', r.offset)) {
      warnings.push({
        offset: r.offset,
        message: 'An HTML comment is shown on the page as typed (readers see it). For a note only editors see, write {/* note */} instead.',
      });
      continue;
    }
    const tag = /^<\/?Callout\b[^>]*>?/.exec(body.slice(r.offset));
    if (r.kind === '<' && tag) {
      const missing = tag[0].startsWith('</') ? 'opening' : 'closing';
      warnings.push({
        offset: r.offset,
        message: `${tag[0]} has no matching ${missing} tag, so it is shown as text. Put <Callout …> and </Callout> each on a line of their own.`,
      });
    }
  }
  return { text, parsed, warnings };
}

/** 1-based line and column of `offset` in `text`. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: Array.from(before.slice(before.lastIndexOf('\n') + 1)).length + 1 };
}
