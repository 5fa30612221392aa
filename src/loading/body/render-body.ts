/**
 * Renders a notice or course body (MDX as the body policy allows it: Markdown with GFM, plain HTML
 * elements and the Callout component, no code) to an HTML string, once, while the content is loaded.
 *
 * Why not Astro's MDX modules: each MDX entry becomes a JavaScript module that Vite bundles, and at
 * 10,000 notices those modules dominated the build's memory (docs/performance.md). A body here cannot run code
 * (src/loading/body/body-policy.ts refuses imports, expressions and unknown components), so its HTML is fully
 * known at load time: it is stored with the entry (Astro's `rendered`, as Astro does for Markdown) and
 * cached with it, and `render(entry)` outputs it.
 *
 * It renders the hast of the body's one parse (src/loading/body/parse-body.ts: satteri, the MDX parser
 * @astrojs/mdx compiles with, with the same options); heading ids come from github-slugger as in Astro.
 */
import { toHtml } from 'hast-util-to-html';
import GithubSlugger from 'github-slugger';
import { find, html as htmlSchema } from 'property-information';
import { CALLOUT_NAME, CALLOUT_TYPES, calloutBox, type CalloutType } from '../../model/callout.ts';
import { attributeText, parseBody, type BodyNode, type ParsedBody } from './parse-body.ts';

/** A heading of the body, as Astro's `render()` reports them. */
export interface BodyHeading {
  depth: number;
  slug: string;
  text: string;
}

/** What is stored as the entry's `rendered` field: the HTML and the body's headings. */
export interface RenderedBody {
  html: string;
  metadata: { headings: BodyHeading[] };
}

/** Bump when the HTML written for the same body changes, so cached entries are rendered again. */
export const RENDER_VERSION = 3;

/** Text content of a node (for heading ids and texts). */
function textOf(n: BodyNode): string {
  if (n.type === 'text') return String(n.value ?? '');
  return (n.children ?? []).map(textOf).join('');
}

/** hast properties from MDX JSX attributes (`class` → `className`, a bare attribute → true). */
function propertiesOf(attributes: BodyNode['attributes']): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  for (const a of attributes ?? []) {
    if (a.type !== 'mdxJsxAttribute' || !a.name) continue; // computed attributes are refused by the body policy
    const info = find(htmlSchema, a.name);
    const value = a.value === null || a.value === undefined ? true : attributeText(a.value);
    props[info.property] =
      typeof value === 'string' && (info.spaceSeparated || info.commaSeparated)
        ? value.split(info.commaSeparated ? ',' : /\s+/).filter(Boolean)
        : value;
  }
  return props;
}

/** The call-out box of the content model (calloutBox, src/model/callout.ts): its title, or else its kind's label. */
function callout(attributes: BodyNode['attributes'], children: BodyNode[]): BodyNode {
  const attr = (name: string) => attributes?.find((a) => a.name === name)?.value;
  const type = attributeText(attr('type')) as CalloutType;
  if (!(type in CALLOUT_TYPES)) {
    throw new Error(`<Callout type="${type}">: the type must be one of ${Object.keys(CALLOUT_TYPES).join(', ')}.`);
  }
  const titleAttr = attr('title');
  return calloutBox<BodyNode>(type, typeof titleAttr === 'string' ? titleAttr : undefined, children);
}

/** Parses and renders a body (`renderParsedBody(parseBody(body))`); for a body not parsed yet. */
export function renderBody(body: string): RenderedBody {
  return renderParsedBody(parseBody(body));
}

/**
 * Renders a parsed body (`parseBody`) to HTML. It must already have passed the body policy
 * (`bodyFindings`): the renderer drops expressions and imports instead of running them. Throws the
 * parser's error when the body is not valid MDX, and on a call-out of an unknown type.
 */
export function renderParsedBody(parsed: ParsedBody): RenderedBody {
  if (parsed.error !== undefined || !parsed.hast) throw new Error(parsed.error ?? 'The body was not parsed.');
  const tree = parsed.hast;
  const slugger = new GithubSlugger();
  const headings: BodyHeading[] = [];
  const convert = (n: BodyNode): BodyNode[] => {
    switch (n.type) {
      case 'mdxjsEsm':
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        return []; // only {/* comments */} pass the body policy: nothing to show
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const children = (n.children ?? []).flatMap(convert);
        if (n.name === CALLOUT_NAME) return [callout(n.attributes, children)];
        if (!n.name) return children; // a fragment <>…</>
        return [{ type: 'element', tagName: n.name, properties: propertiesOf(n.attributes), children }];
      }
      case 'element': {
        const el: BodyNode = { ...n, children: (n.children ?? []).flatMap(convert) };
        const depth = /^h([1-6])$/.exec(n.tagName ?? '');
        if (depth) {
          // A body sits under its page's own section heading (<h2>): its "## How it was hidden" is
          // one level below, an <h3> (h6 stays h6).
          const level = Math.min(6, Number(depth[1]) + 1);
          const text = textOf(el);
          const id = typeof el.properties?.id === 'string' ? el.properties.id : slugger.slug(text);
          el.tagName = `h${level}`;
          el.properties = { ...el.properties, id };
          headings.push({ depth: level, slug: id, text });
        }
        return [el];
      }
      default:
        return n.children ? [{ ...n, children: n.children.flatMap(convert) }] : [n];
    }
  };
  const root = convert(tree)[0]!;
  // Named references (&lt; &amp;) as Astro writes them, not the shortest numeric ones.
  return { html: toHtml(root as never, { characterReferences: { useNamedReferences: true } }), metadata: { headings } };
}
