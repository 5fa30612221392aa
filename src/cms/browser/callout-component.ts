/**
 * The Decap editor component of the Call-out (src/model/callout.ts holds its syntax): a button
 * "Call-out" in the rich-text editor, a small form (kind, title, text), and a preview in the site's
 * call-out style.
 */
import {
  CALLOUT_COMPONENT_ID,
  CALLOUT_PATTERN,
  CALLOUT_TYPES,
  calloutFromBlock,
  calloutToBlock,
  type CalloutData,
} from '../../model/callout.ts';

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

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
    toPreview: (data: Partial<CalloutData>) => {
      const type = data.type && data.type in CALLOUT_TYPES ? data.type : 'note';
      const title = data.title || CALLOUT_TYPES[type];
      return `<aside class="callout callout--${type}"><p class="callout__title"><strong>${escapeHtml(title)}</strong></p><p>${escapeHtml(data.body ?? '')}</p></aside>`;
    },
  };
}
