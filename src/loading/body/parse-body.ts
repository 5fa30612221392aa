/**
 * Parses an MDX body once, for every step that needs its tree: the literal-prose repair
 * (mdx-escape.ts) and the body policy (body-policy.ts) read the mdast (with positions), the renderer
 * (render-body.ts) the hast converted from that same parse. Before, each step parsed the body again.
 *
 * The parser is satteri, the one @astrojs/mdx compiles with, with the options Astro gives it
 * (GFM on, smart punctuation off).
 */
import {
  HastReader,
  MdastReader,
  convertMdastToHastHandle,
  createMdxMdastHandle,
  dropHandle,
  materializeHastTree,
  materializeMdastTree,
  serializeHandle,
  type Features,
} from 'satteri';

/** Parser features: those @astrojs/mdx uses (GFM on, smart punctuation off). */
const FEATURES: Features = { gfm: true, smartPunctuation: false };

/** A node of a parsed body (mdast or hast), as far as the checks and the renderer read it. */
export interface BodyNode {
  type: string;
  tagName?: string;
  name?: string | null;
  /** Text of text, comment, raw, expression and ESM nodes (mdast and hast give them as strings). */
  value?: string;
  url?: string;
  properties?: Record<string, unknown>;
  /** MDX JSX attributes: text, null for a bare attribute, or an `{…}` expression value (text of an expression attribute). */
  attributes?: Array<{ type: string; name?: string; value?: string | null | { type: string; value?: string } }>;
  children?: BodyNode[];
  position?: { start: { line: number; column: number } };
}

/**
 * The text of an MDX JSX attribute value as written: text as is, the source of an `{…}` expression,
 * and '' for a bare attribute (null) or none (undefined).
 */
export function attributeText(value: NonNullable<BodyNode['attributes']>[number]['value']): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : (value.value ?? '');
}

/** A body parsed once: its text, and its trees, or the parser's error when it is not valid MDX. */
export interface ParsedBody {
  text: string;
  /** The Markdown tree with positions (for the repair and the body policy). */
  mdast?: BodyNode;
  /** The HTML tree made from the same parse (for the renderer). */
  hast?: BodyNode;
  /** The parser's message, `line:column: reason (rule)`, when `text` is not valid MDX. */
  error?: string;
}

/**
 * Parses `text` once into both trees. Throws the parser's error (message `line:column: reason`)
 * when it is not valid MDX.
 */
export function parseMdx(text: string): Required<Omit<ParsedBody, 'error'>> {
  const handle = createMdxMdastHandle(text, FEATURES, true);
  try {
    const mdast = materializeMdastTree(new MdastReader(serializeHandle(handle))) as unknown as BodyNode;
    const hastHandle = convertMdastToHastHandle(handle);
    try {
      const hast = materializeHastTree(new HastReader(serializeHandle(hastHandle))) as unknown as BodyNode;
      return { text, mdast, hast };
    } finally {
      dropHandle(hastHandle);
    }
  } finally {
    dropHandle(handle);
  }
}

/** `parseMdx(text)`, with the parser's error in `error` instead of thrown. Never throws. */
export function parseBody(text: string): ParsedBody {
  try {
    return parseMdx(text);
  } catch (err) {
    return { text, error: String((err as Error).message ?? err) };
  }
}
