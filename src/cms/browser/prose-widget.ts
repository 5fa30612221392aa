/**
 * The widgets of a translation's text (their names in src/cms/node/widgets.ts): every input and text box
 * carries the language it is written in (`lang`, which also picks the browser's spell checker) and its
 * direction (`dir="rtl"` for Arabic), from the field's options in the generated config.
 * - the prose widget: a one-line input, or a text box growing with its text (`multiline`);
 * - the Markdown body: Decap's own Markdown editor (rich text and raw), inside an element with the
 *   translation's `lang` and `dir`, which its editable area inherits;
 * - the image file: the original's file name, shown and never typed (src/cms/browser/translation-fit.ts
 *   fills an empty one when saving).
 * Rendered with the React `h` and `createClass` the Decap bundle exposes.
 */
import type { ImmutableLike } from './decap.d.ts';

/** What Decap passes a widget's control (the part these widgets use). */
interface ControlProps {
  forID: string;
  value?: unknown;
  field: ImmutableLike;
  classNameWrapper: string;
  onChange: (value: string) => void;
  setActiveStyle: () => void;
  setInactiveStyle: () => void;
}

/** The `lang` and `dir` attributes of a field, from its options (none when the field has none). */
export function languageAttributes(field: ImmutableLike): { lang?: string; dir?: string } {
  const lang = field.get('lang') as string | undefined;
  const dir = field.get('dir') as string | undefined;
  return { ...(lang && { lang }), ...(dir && { dir }) };
}

interface ProseSelf {
  props: ControlProps;
  el?: HTMLInputElement | HTMLTextAreaElement | null;
  fit(): void;
}

/** The prose control: an input or a growing text box with the field's `lang` and `dir`. */
export function ProseControl(): unknown {
  const h = window.h!;
  return window.createClass!({
    componentDidMount(this: ProseSelf) {
      this.fit();
    },
    componentDidUpdate(this: ProseSelf) {
      this.fit();
    },
    /** A text box as tall as its text (at least four lines), like Decap's own. */
    fit(this: ProseSelf) {
      const el = this.el;
      if (!el || el.tagName !== 'TEXTAREA') return;
      el.style.height = 'auto';
      el.style.height = `${Math.max(el.scrollHeight + 2, 96)}px`;
    },
    render(this: ProseSelf) {
      const { forID, value, field, classNameWrapper, onChange, setActiveStyle, setInactiveStyle } = this.props;
      const multiline = field.get('multiline') === true;
      return h(multiline ? 'textarea' : 'input', {
        ref: (el: HTMLInputElement | HTMLTextAreaElement | null) => {
          this.el = el;
        },
        id: forID,
        ...(multiline ? { rows: 4, style: { resize: 'vertical', fontFamily: 'inherit' } } : { type: 'text' }),
        className: classNameWrapper,
        value: typeof value === 'string' ? value : '',
        ...languageAttributes(field),
        onChange: (e: { target: { value: string } }) => onChange(e.target.value),
        onFocus: setActiveStyle,
        onBlur: setInactiveStyle,
      });
    },
  });
}

/** Preview of a prose field: its text in its language. */
export function ProsePreview(): unknown {
  const h = window.h!;
  return ({ value, field }: { value?: unknown; field: ImmutableLike }) =>
    h('span', languageAttributes(field), typeof value === 'string' ? value : '');
}

/** The body control: Decap's Markdown control (`markdown`, as registered) inside the field's `lang` and `dir`. */
export function ProseMarkdownControl(markdown: unknown): unknown {
  const h = window.h!;
  return window.createClass!({
    render(this: { props: ControlProps }) {
      return h('div', { ...languageAttributes(this.props.field), className: 'modus-prose-markdown' }, h(markdown, { ...this.props }));
    },
  });
}

/** The body preview: Decap's Markdown preview inside the field's `lang` and `dir`. */
export function ProseMarkdownPreview(markdownPreview: unknown): unknown {
  const h = window.h!;
  return (props: { field: ImmutableLike }) => h('div', languageAttributes(props.field), h(markdownPreview, props));
}

/** The image file control: the copied file name, read-only, left to right whatever the translation's language. */
export function ImageFileControl(): unknown {
  const h = window.h!;
  return window.createClass!({
    render(this: { props: ControlProps }) {
      const { forID, value, classNameWrapper } = this.props;
      const name = typeof value === 'string' ? value : '';
      return h('input', {
        id: forID,
        type: 'text',
        className: classNameWrapper,
        readOnly: true,
        dir: 'ltr',
        value: name,
        placeholder: 'Copied from the original’s image at this place when you save',
      });
    },
  });
}

/** Preview of the image file: its name. */
export function ImageFilePreview(): unknown {
  const h = window.h!;
  return ({ value }: { value?: unknown }) => h('span', { dir: 'ltr' }, typeof value === 'string' ? value : '');
}
