/**
 * The Call-out: the one MDX component allowed in notice bodies (rendered by src/loading/body/render-body.ts),
 * and its Decap editor component. Its canonical form, the only one the CMS reads and writes, is
 *
 *   <Callout type="warning" title="Optional title">
 *   Markdown text, any number of paragraphs.
 *   </Callout>
 *
 * `fromBlock` and `toBlock` are exact inverses on that form, so a save that does not touch a
 * call-out writes it back byte for byte (tested in tests/unit/cms-callout.test.ts).
 */

/** Kinds of call-out, in the order the editor offers them, with their English labels. */
export const CALLOUT_TYPES = { indicator: 'Indicator', warning: 'Warning', note: 'Note' } as const;
export type CalloutType = keyof typeof CALLOUT_TYPES;

/** Id of the Decap editor component (listed in the body field's `editor_components`). */
export const CALLOUT_COMPONENT_ID = 'callout';

/** The name of the MDX component, as written in notice bodies. */
export const CALLOUT_NAME = 'Callout';

/** What the editor component edits. */
export interface CalloutData {
  type: CalloutType;
  title: string;
  body: string;
}

/**
 * Matches a call-out in canonical form at the start of a block (Decap forbids the `m` flag).
 * Groups: 1 type, 2 title (raw, `"` written as `&quot;`), 3 body.
 */
export const CALLOUT_PATTERN = new RegExp(
  `^<Callout type="(${Object.keys(CALLOUT_TYPES).join('|')})"(?: title="([^"]*)")?>\\n([\\s\\S]*?)\\n<\\/Callout>`,
);

const decodeAttr = (s: string) => s.replaceAll('&quot;', '"');
const encodeAttr = (s: string) => s.replaceAll('"', '&quot;');

/** Reads a call-out matched by CALLOUT_PATTERN. */
export function calloutFromBlock(match: RegExpMatchArray | string[]): CalloutData {
  return { type: match[1] as CalloutType, title: decodeAttr(match[2] ?? ''), body: match[3] ?? '' };
}

/** The kind of a call-out as written or edited: one of CALLOUT_TYPES, `note` when missing or unknown. */
export function calloutType(value: unknown): CalloutType {
  return typeof value === 'string' && Object.hasOwn(CALLOUT_TYPES, value) ? (value as CalloutType) : 'note';
}

/** Writes a call-out in canonical form (an empty title is left out; line breaks in it become spaces). */
export function calloutToBlock(data: Partial<CalloutData>): string {
  const type = calloutType(data.type);
  const title = (data.title ?? '').replace(/\s*\n\s*/g, ' ');
  const attrs = `type="${type}"${title ? ` title="${encodeAttr(title)}"` : ''}`;
  return `<${CALLOUT_NAME} ${attrs}>\n${data.body ?? ''}\n</${CALLOUT_NAME}>`;
}

/**
 * What is wrong with a `<Callout …>` as written in a notice (its attributes as the MDX parser read
 * them), or undefined when it is fine: `type` must be one of CALLOUT_TYPES; `title` is the only
 * other attribute; both are quoted text, never `{…}` expressions.
 */
export function calloutProblem(attributes: ReadonlyArray<{ name: string; value: string | null; expression: boolean }>): string | undefined {
  const kinds = Object.keys(CALLOUT_TYPES).join(', ');
  const computed = attributes.find((a) => a.expression);
  if (computed) return `<Callout> attributes are quoted text, not {…} expressions (${computed.name}).`;
  const other = attributes.filter((a) => a.name !== 'type' && a.name !== 'title');
  if (other.length) return `<Callout> takes only type and title, not ${other.map((a) => a.name).join(', ')}.`;
  const type = attributes.find((a) => a.name === 'type');
  if (!type || type.value === null) return `<Callout> needs a type: write <Callout type="note"> (one of ${kinds}).`;
  if (!(type.value in CALLOUT_TYPES)) return `Callout type "${type.value}" is not one of ${kinds}.`;
  const title = attributes.find((a) => a.name === 'title');
  if (title && title.value === null) return 'Callout title must be quoted text: title="…".';
  return undefined;
}

/** A node of the call-out box, in hast's shape (the HTML syntax tree the body renderer writes out). */
export type CalloutNode<C = never> = CalloutElement<C> | { type: 'text'; value: string } | C;

/** An element of the call-out box. */
export interface CalloutElement<C = never> {
  type: 'element';
  tagName: string;
  properties: { className?: string[]; role?: string };
  children: Array<CalloutNode<C>>;
}

/**
 * The call-out box as the site shows it, around its rendered `children`:
 * `<aside class="callout callout--<type>" role="note">`, first a title line
 * (`<p class="callout__title"><strong>…</strong></p>`: `title`, or the kind's label when it is empty),
 * then the children. The site's stylesheet styles these classes; the CMS preview shows the same box.
 */
export function calloutBox<C>(type: CalloutType, title: string | undefined, children: Array<CalloutNode<C>>): CalloutElement<C> {
  return {
    type: 'element',
    tagName: 'aside',
    properties: { className: ['callout', `callout--${type}`], role: 'note' },
    children: [
      {
        type: 'element',
        tagName: 'p',
        properties: { className: ['callout__title'] },
        children: [
          { type: 'element', tagName: 'strong', properties: {}, children: [{ type: 'text', value: title || CALLOUT_TYPES[type] }] },
        ],
      },
      ...children,
    ],
  };
}
