/**
 * What an MDX body may contain (docs/audiences-and-deployment.md, "Bad and hostile input"). A body is content, not code:
 * it is parsed (once: src/loading/body/parse-body.ts) with the MDX parser Astro compiles it with
 * (satteri), and every construct that would run code at build time or in a reader's browser, load
 * anything from another host, or be blocked by the site's Content-Security-Policy is refused with its
 * line and column:
 * - `import`/`export` and `{…}` expressions (JavaScript run while building; `{/* note *\/}` is allowed),
 * - elements that run, embed or submit (`<script>`, `<iframe>`, `<object>`, `<form>`, `<style>`…),
 * - event-handler attributes (`onclick=`…), `style=` and computed or spread attributes,
 * - links whose scheme is not http(s), mailto or tel (`javascript:`, `data:`, `vbscript:`…),
 * - images (Markdown `![…](…)` or elements): every image goes in the frontmatter's images list, where it
 *   has alt text, a kind, a credit and its own marking, and is resized and stripped of metadata.
 * Markdown-but-not-MDX text (F8: `<5%`, `{approx.}`, `<!-- -->`) is a syntax error here and is
 * reported with its position too; notice bodies reach this check already repaired in memory
 * (src/loading/body/mdx-escape.ts, the loader's `prepareBody`), so such text renders literally instead.
 */
import { attributeText, parseBody, type BodyNode, type ParsedBody } from './parse-body.ts';
import { CALLOUT_NAME, calloutProblem } from '../../model/callout.ts';

/** How to write a call-out, added to every call-out problem. */
const CALLOUT_HINT =
  'Hint: in the CMS, open the call-out and choose its kind; in the file, write <Callout type="note" title="…"> on its own line and </Callout> on a line of its own after the text.';

/** The MDX components a body may use (each has a CMS editor component). */
export const BODY_COMPONENTS = [CALLOUT_NAME] as const;

/** One refused construct: 1-based line and column within the body, and what to do. */
export interface BodyFinding {
  line: number;
  column: number;
  message: string;
}

const BODY_IMAGE_REASON =
  'images belong in the images list of the notice (the Images field in the CMS), where each has alt text, a kind, a credit and a marking, and is resized and stripped of metadata';
const BODY_IMAGE = `An image in the body is not allowed: ${BODY_IMAGE_REASON}. Move it there and remove it from the body.`;

/** Elements a body may not use, with the reason given to the editor. */
const REFUSED_ELEMENTS: Record<string, string> = Object.fromEntries([
  ...['script', 'noscript', 'template', 'slot'].map((n): [string, string] => [n, "it would run code in the reader's browser"]),
  ...['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'portal'].map((n): [string, string] => [
    n,
    'it embeds another page or plug-in',
  ]),
  ...['style', 'link', 'meta', 'base'].map((n): [string, string] => [n, 'it changes the page itself, not the text']),
  ...['form', 'input', 'button', 'textarea', 'select', 'option', 'dialog'].map((n): [string, string] => [n, 'a notice holds no forms']),
  ...['img', 'picture', 'source', 'video', 'audio', 'track', 'canvas', 'svg', 'math'].map((n): [string, string] => [n, BODY_IMAGE_REASON]),
] as Array<[string, string]>);

/** Attributes holding a URL the browser loads by itself (never from another host) or follows. */
const LOADED_URL_ATTRIBUTES = new Set(['src', 'srcset', 'poster', 'data', 'background', 'lowsrc', 'dynsrc']);
const LINK_URL_ATTRIBUTES = new Set(['href', 'xlink:href', 'xlinkhref', 'cite', 'longdesc']);
const REFUSED_ATTRIBUTES = new Set(['style', 'srcdoc', 'formaction', 'action', 'ping', 'http-equiv']);

/** URL schemes a link may use. Relative links (no scheme) are always allowed. */
const LINK_SCHEMES = new Set(['http', 'https', 'mailto', 'tel']);

/**
 * The scheme of a URL as a browser reads it (control characters and whitespace removed, lower
 * case), `"//"` for a protocol-relative URL, or `null` for a relative one.
 */
export function urlScheme(url: string): string | null {
  // eslint-disable-next-line no-control-regex
  const u = url.replace(/[\u0000-\u0020\u007f]/g, '').toLowerCase();
  if (u.startsWith('//') || u.startsWith('\\\\') || u.startsWith('/\\') || u.startsWith('\\/')) return '//';
  const m = /^([a-z][a-z0-9+.-]*):/.exec(u);
  return m ? m[1]! : null;
}

/** True when an MDX expression holds nothing but comments (an editor's note), so runs no code. */
function onlyComments(code: string): boolean {
  return /^\s*(?:\/\*[\s\S]*?\*\/\s*)*$/.test(code);
}

/** Every refused construct in an MDX tree (mdast from satteri with positions), in document order. */
export function findHostileMarkup(tree: BodyNode): BodyFinding[] {
  const out: BodyFinding[] = [];
  const add = (n: BodyNode, message: string) =>
    out.push({ line: n.position?.start.line ?? 1, column: n.position?.start.column ?? 1, message });
  const checkLink = (n: BodyNode, url: string, what: string) => {
    const scheme = urlScheme(url);
    if (scheme && scheme !== '//' && !LINK_SCHEMES.has(scheme)) {
      add(
        n,
        `${what} "${url.slice(0, 60)}" uses the "${scheme}:" scheme; links may only be web addresses (https://…), mailto: or tel:, or links within the site. Remove or replace the link.`,
      );
    }
  };
  const checkLoaded = (n: BodyNode, url: string, what: string) => {
    if (urlScheme(url) !== null) {
      add(
        n,
        `${what} "${url.slice(0, 60)}" is loaded from a URL; nothing may be loaded from another host. Put the file beside index.mdx and use its name.`,
      );
    }
  };
  const visit = (n: BodyNode) => {
    switch (n.type) {
      case 'mdxjsEsm':
        add(
          n,
          '`import`/`export` runs code when the site is built and is not allowed in a body. The documented components need no import; remove the line.',
        );
        break;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        if (!onlyComments(String(n.value ?? ''))) {
          add(
            n,
            `"{${String(n.value).slice(0, 40)}}" is a JavaScript expression in MDX and would run when the site is built. To show braces as text write \\{ and \\}; for a note to other editors write {/* note */}.`,
          );
        }
        break;
      case 'html':
        add(n, 'Raw HTML is not allowed in a body; write the text in Markdown.');
        break;
      case 'link':
      case 'definition':
        checkLink(n, n.url ?? '', 'The link');
        break;
      case 'image':
      case 'imageReference':
        add(n, BODY_IMAGE);
        break;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const name = (n.name ?? '').toLowerCase();
        const tag = n.name ? `<${n.name}>` : 'A fragment <>';
        if (REFUSED_ELEMENTS[name]) {
          // One message for the element: its attributes go with it.
          add(n, `${tag} is not allowed in a body: ${REFUSED_ELEMENTS[name]}. Remove it.`);
          break;
        }
        // A capitalised name is a component: only the documented ones exist (a typo would otherwise
        // stop the build later, while rendering, without a file or line).
        if (n.name && /^[A-Z]/.test(n.name) && !(BODY_COMPONENTS as readonly string[]).includes(n.name)) {
          add(
            n,
            `${tag} is not a component notices can use; the only one is <${CALLOUT_NAME} type="…" title="…">…</${CALLOUT_NAME}>. Check the spelling (capitals count).`,
          );
        } else if (
          n.name === CALLOUT_NAME &&
          (n.attributes ?? []).every((a) => a.type === 'mdxJsxAttribute' && typeof a.value !== 'object')
        ) {
          // (computed attributes are reported below, once)
          const problem = calloutProblem(
            (n.attributes ?? []).map((a) => ({ name: a.name ?? '', value: (a.value as string | null) ?? null, expression: false })),
          );
          if (problem) add(n, `${problem} ${CALLOUT_HINT}`);
        }
        for (const a of n.attributes ?? []) {
          if (a.type === 'mdxJsxExpressionAttribute') {
            add(
              n,
              `${tag} has a computed attribute {${attributeText(a.value).slice(0, 30)}}, which runs code when the site is built. Write attributes as plain text, e.g. title="…".`,
            );
            continue;
          }
          const attr = (a.name ?? '').toLowerCase();
          if (a.value && typeof a.value === 'object') {
            add(
              n,
              `${tag} attribute ${a.name}={…} is a JavaScript expression and runs when the site is built. Write it as text, e.g. ${a.name}="…".`,
            );
            continue;
          }
          const value = typeof a.value === 'string' ? a.value : '';
          if (attr.startsWith('on'))
            add(n, `${tag} has an event handler ${a.name}=, which would run code in the reader's browser. Remove the attribute.`);
          else if (REFUSED_ATTRIBUTES.has(attr))
            add(
              n,
              `${tag} attribute ${a.name}= is not allowed in a body${attr === 'style' ? " (inline styles are blocked by the site's security policy; the site's own styles apply)" : ''}. Remove it.`,
            );
          else if (LOADED_URL_ATTRIBUTES.has(attr)) checkLoaded(n, value, `${tag} ${a.name}=`);
          else if (LINK_URL_ATTRIBUTES.has(attr)) checkLink(n, value, `${tag} ${a.name}=`);
        }
        break;
      }
    }
    for (const c of n.children ?? []) visit(c);
  };
  visit(tree);
  return out;
}

/**
 * Every refused construct of a parsed body (`parseBody`), or the syntax error (with the parser's line
 * and column and its hint) when the body is not valid MDX.
 */
export function bodyFindings(parsed: ParsedBody): BodyFinding[] {
  if (parsed.error !== undefined || !parsed.mdast) {
    const msg = parsed.error ?? 'the body could not be parsed';
    const m = /^(\d+):(\d+):\s*([\s\S]*)$/.exec(msg);
    return [
      {
        line: m ? Number(m[1]) : 1,
        column: m ? Number(m[2]) : 1,
        message: `Not valid MDX: ${(m ? m[3]! : msg).replace(/\s*\([\w:-]+\)\s*$/, '')}`,
      },
    ];
  }
  return findHostileMarkup(parsed.mdast);
}

/** Parses an MDX body and returns its findings (`bodyFindings`); for a body not parsed yet. */
export function checkMdxBody(body: string): BodyFinding[] {
  return bodyFindings(parseBody(body));
}
