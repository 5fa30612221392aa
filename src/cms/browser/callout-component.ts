/**
 * The Decap editor component of the Call-out (src/model/callout.ts holds its syntax, its kinds and
 * their labels, and the box the site shows): a button "Call-out" in the rich-text editor, a small
 * form (kind, title, text), and a preview of the site's call-out box.
 */
import {
  CALLOUT_COMPONENT_ID,
  CALLOUT_PATTERN,
  CALLOUT_TYPES,
  calloutBox,
  calloutFromBlock,
  calloutToBlock,
  calloutType,
  type CalloutData,
  type CalloutNode,
} from '../../model/callout.ts';

const escapeText = (s: string) => s.replace(/[&<]/g, (c) => (c === '&' ? '&amp;' : '&lt;'));
const escapeAttr = (s: string) => s.replace(/[&"]/g, (c) => (c === '&' ? '&amp;' : '&quot;'));

/** HTML of a call-out box node (elements with their class and role, text escaped as the site's renderer does). */
function toHtml(n: CalloutNode): string {
  if (n.type === 'text') return escapeText(n.value);
  const { className, role } = n.properties;
  const attrs = `${className ? ` class="${escapeAttr(className.join(' '))}"` : ''}${role ? ` role="${escapeAttr(role)}"` : ''}`;
  return `<${n.tagName}${attrs}>${n.children.map(toHtml).join('')}</${n.tagName}>`;
}

/**
 * The preview of a call-out: the site's box (calloutBox) with its text as paragraphs. The text stays
 * plain (Decap gives the component's preview no Markdown renderer); the site renders its Markdown.
 */
export function calloutPreviewHtml(data: Partial<CalloutData>): string {
  const paragraphs = (data.body ?? '')
    .split(/\n\s*\n/)
    .filter((p) => p.trim())
    .map((p): CalloutNode => ({ type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: p }] }));
  return toHtml(calloutBox(calloutType(data.type), data.title, paragraphs));
}

/** The editor component definition passed to `CMS.registerEditorComponent`. */
export function calloutEditorComponent(): Record<string, unknown> {
  return {
    id: CALLOUT_COMPONENT_ID,
    label: 'Call-out',
    fields: [
      {
        name: 'type',
        label: 'Kind',
        widget: 'select',
        default: 'indicator',
        options: Object.entries(CALLOUT_TYPES).map(([value, label]) => ({ value, label })),
      },
      { name: 'title', label: 'Title', widget: 'string', required: false, hint: 'Optional; the kind is shown when empty.' },
      {
        name: 'body',
        label: 'Text',
        widget: 'markdown',
        buttons: ['bold', 'italic', 'link', 'bulleted-list', 'numbered-list'],
        editor_components: [],
      },
    ],
    pattern: CALLOUT_PATTERN,
    fromBlock: (match: RegExpMatchArray) => calloutFromBlock(match),
    toBlock: (data: Partial<CalloutData>) => calloutToBlock(data),
    toPreview: (data: Partial<CalloutData>) => calloutPreviewHtml(data),
  };
}
