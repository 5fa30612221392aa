/**
 * The preview of a translation in the CMS: the original and the translation side by side, field by field
 * (title, summary, each indicator, each image with its text alternative, each module and case, the body),
 * each side with its own `lang` and `dir` (the Arabic side right to left), what is not translated yet
 * marked, and whether the original changed after the translation's date. The rows are read from the
 * translation form's own fields (src/cms/node/translation-config.ts), so the notice and the course
 * translations share this one preview. The original comes from translation-store.ts, loaded by the
 * "Translation of" widget. Rendered with the React `h` the Decap bundle exposes.
 */
import type { ImmutableLike } from './decap.d.ts';
import type { FitField } from './translation-fit.ts';
import { onOriginalLoaded, originalIn, translationFolder } from './translation-store.ts';
import { labelOf, languages } from '../../model/vocabularies.ts';
import { parseTranslationCollection, TRANSLATION_OF_FIELD } from '../node/widgets.ts';

/** A row of the side-by-side view. */
export type PreviewRow =
  | { type: 'text'; label: string; original?: string; translation?: string; free?: boolean }
  | { type: 'group'; label: string }
  | { type: 'image'; src: string };

type Data = Record<string, unknown>;
const rec = (v: unknown): Data => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Data) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
const name = (v: unknown) => (typeof v === 'string' ? v.trim().replace(/^\.\//, '') : '');

/** Fields the side-by-side view leaves out: "Translation of" (in the heading), the translation's date (in the heading) and the body (its own row). */
const NOT_ROWS = new Set([TRANSLATION_OF_FIELD, 'translated', 'body']);

/**
 * The rows comparing `translation` with `original` for the form's `fields`: a text row per text (list
 * items numbered), a group row per item of a list of groups (with the original's image first, when the
 * group is an image; a translated image is paired with the original's by file name).
 */
export function previewRows(fields: readonly FitField[], translation: unknown, original: unknown): PreviewRow[] {
  const rows: PreviewRow[] = [];
  const walk = (fs: readonly FitField[], t: Data, o: Data, prefix: string) => {
    for (const f of fs) {
      if (NOT_ROWS.has(f.name) && !prefix) continue;
      const label = `${prefix}${f.label ?? f.name}`;
      const tv = t[f.name];
      const ov = o[f.name];
      if (f.field && f.match !== 'count') {
        // A list the translation fills in its own words (keywords): the two lists side by side, not item by item.
        const list = (v: unknown) =>
          arr(v)
            .flatMap((x) => str(x) ?? [])
            .join(' · ') || undefined;
        rows.push({ type: 'text', label, original: list(ov), translation: list(tv), free: true });
      } else if (f.field) {
        const n = Math.max(arr(tv).length, arr(ov).length);
        for (let i = 0; i < n; i++) {
          rows.push({
            type: 'text',
            label: `${prefix}${f.field.label ?? f.label ?? f.name} ${i + 1}`,
            original: str(arr(ov)[i]),
            translation: str(arr(tv)[i]),
          });
        }
      } else if (f.fields && (Array.isArray(tv) || Array.isArray(ov))) {
        const key = f.fields.find((s) => s.match === 'copy')?.name;
        const items = arr(ov).length ? arr(ov) : arr(tv);
        items.forEach((entry, i) => {
          const oi = arr(ov).length ? rec(entry) : {};
          const ti = key ? rec(arr(tv).find((x) => name(rec(x)[key]) === name(oi[key])) ?? arr(tv)[i]) : rec(arr(tv)[i]);
          const notice = str(oi.notice);
          const item = `${prefix}${f.label_singular ?? f.label ?? f.name} ${i + 1}`;
          rows.push({ type: 'group', label: `${item}${notice ? ` (${notice})` : ''}` });
          if (key && str(oi[key])) rows.push({ type: 'image', src: name(oi[key]) });
          walk(
            f.fields!.filter((s) => s.name !== key),
            ti,
            oi,
            `${item} · `,
          );
        });
      } else if (f.fields) {
        walk(f.fields, rec(tv), rec(ov), `${label} · `);
      } else {
        rows.push({ type: 'text', label, original: str(ov), translation: str(tv) });
      }
    }
  };
  walk(fields, rec(translation), rec(original), '');
  return rows;
}

/** The day the original last changed (`updated`, else `published`), if written. */
export function originalDate(original: unknown): string | undefined {
  const o = rec(original);
  return str(o.updated) ?? str(o.published);
}

/** True when the original changed after the translation's date (both `YYYY-MM-DD`). */
export function isStale(original: unknown, translated: unknown): boolean {
  const changed = originalDate(original);
  return typeof translated === 'string' && changed !== undefined && changed > translated;
}

/** The paragraphs of a Markdown body as plain text blocks (the original's body is shown as written). */
const paragraphs = (body: unknown) =>
  (typeof body === 'string' ? body : '')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);

/** The style of the side-by-side view (registered as a preview style; logical properties, so it mirrors). */
export const TRANSLATION_PREVIEW_CSS = `
.tp { padding: 1rem; padding-inline-end: 3.5rem; font-size: 0.95rem; }
.tp-head, .tp-pair { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; }
.tp-head { position: sticky; inset-block-start: 0; background: #fff; border-block-end: 2px solid #1b1b1f; padding-block: 0.4rem; font-weight: 700; }
.tp-row { border-block-end: 1px solid #d8d8de; padding-block: 0.5rem; }
.tp-label { margin: 0 0 0.2rem; font-size: 0.8rem; color: #50505a; }
.tp-group { margin: 1rem 0 0; font-weight: 700; }
.tp-pair > div { white-space: pre-wrap; overflow-wrap: anywhere; }
.tp-missing { color: #a00; font-style: italic; }
.tp-stale { background: #fff4d6; border: 2px solid #a06800; padding: 0.5rem; }
.tp img { max-inline-size: 12rem; max-block-size: 8rem; }
.tp-body p { margin-block: 0 0.6rem; }
`;

/** What Decap passes a preview template. */
interface PreviewProps {
  entry: ImmutableLike;
  fields: ImmutableLike;
  widgetFor: (name: string) => unknown;
  getAsset: (path: string, field?: unknown) => { toString(): string } | undefined;
}

/** The preview component class for the translation collection of `kind` into `lang`. */
export function TranslationPreview(): unknown {
  const h = window.h!;
  return window.createClass!({
    componentDidMount(this: { stop?: () => void; forceUpdate(): void }) {
      this.stop = onOriginalLoaded(() => this.forceUpdate());
    },
    componentWillUnmount(this: { stop?: () => void }) {
      this.stop?.();
    },
    render(this: { props: PreviewProps }) {
      const { entry, fields, widgetFor, getAsset } = this.props;
      const target = parseTranslationCollection(entry.get('collection') as string);
      if (!target) return null;
      const lang = target.lang;
      const dir = lang === 'ar' ? 'rtl' : 'ltr';
      const originals = target.kind === 'notice' ? 'notices' : 'courses';
      const folder = translationFolder(entry);
      const original = originalIn(originals, folder);
      const data = ((entry.get('data') as ImmutableLike | undefined)?.toJS() ?? {}) as Data;
      const fitFields = fields.toJS() as FitField[];
      if (!original) {
        return h(
          'main',
          { className: 'tp' },
          h('p', null, folder ? 'Loading the original…' : `Choose the ${target.kind} to translate under "Translation of".`),
        );
      }
      const o = original.data;
      const olang = str(o.language) ?? 'en';
      const odir = olang === 'ar' ? 'rtl' : 'ltr';
      const saved = Boolean(entry.get('path')) && !entry.get('newRecord');
      const named = (list: ImmutableLike | undefined, name: string) =>
        list?.find?.((f: ImmutableLike) => f.get('name') === name) as ImmutableLike | undefined;
      const srcField = named(named(fields, 'images')?.get('fields') as ImmutableLike | undefined, 'src');
      // A text the original lacks is a dash on both sides; one it has but the translation lacks is marked.
      const cell = (value: string | undefined, l: string, d: string, expected: boolean) =>
        h(
          'div',
          { lang: value ? l : 'en', dir: value ? d : 'ltr' },
          value ?? (expected ? h('span', { className: 'tp-missing' }, 'not translated yet') : '—'),
        );
      const row = (r: PreviewRow, i: number) =>
        r.type === 'group'
          ? h('p', { key: i, className: 'tp-group' }, r.label)
          : r.type === 'image'
            ? h(
                'div',
                { key: i, className: 'tp-row' },
                // A saved translation is beside the original's images; a new one has no folder for Decap to look in yet.
                saved
                  ? h('img', { src: String(getAsset(r.src, srcField) ?? ''), alt: '' })
                  : h('p', { className: 'tp-label', dir: 'ltr' }, r.src),
              )
            : h(
                'div',
                { key: i, className: 'tp-row' },
                h('p', { className: 'tp-label' }, r.label),
                h(
                  'div',
                  { className: 'tp-pair' },
                  cell(r.original, olang, odir, false),
                  cell(r.translation, lang, dir, !r.free && r.original !== undefined),
                ),
              );
      const stale = isStale(o, data.translated);
      return h(
        'main',
        { className: 'tp' },
        h(
          'p',
          null,
          `Translation of ${str(o.id) ? `${String(o.id)} · ` : ''}“${str(o.title) ?? folder}”, written in ${labelOf(languages, olang)}; `,
          `translated into ${labelOf(languages, lang)} on ${str(data.translated) ?? '(no date yet)'}.`,
        ),
        stale &&
          h(
            'p',
            { className: 'tp-stale', role: 'note' },
            `The original changed on ${originalDate(o)}, after this translation: bring the translation in line, then set "Translated on" to today.`,
          ),
        h(
          'div',
          { className: 'tp-head' },
          h('span', null, `Original · ${labelOf(languages, olang)}`),
          h('span', null, `Translation · ${labelOf(languages, lang)}`),
        ),
        ...previewRows(fitFields, data, o).map(row),
        h(
          'div',
          { className: 'tp-row tp-body' },
          h('p', { className: 'tp-label' }, 'Body'),
          h(
            'div',
            { className: 'tp-pair' },
            h('div', { lang: olang, dir: odir }, ...paragraphs(o.body).map((p, i) => h('p', { key: i }, p))),
            h('div', { lang, dir }, widgetFor('body')),
          ),
        ),
      );
    },
  });
}
