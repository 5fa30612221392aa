/**
 * Registers with Decap what the translation collections need (src/cms/node/translation-config.ts): their
 * file format, the prose widgets with `lang` and `dir`, the "Translation of" widget, the image file widget, the
 * side-by-side preview of every translation collection, and the save step that fills copied image file
 * names and leaves out empty optional values (`preSave`: it changes only the translation's own data; the
 * file saved is still only `<folder>/index.<lang>.mdx`).
 */
import type { DecapCms, ImmutableLike } from './decap.d.ts';
import { LANGUAGE_CODES } from '../../model/languages.ts';
import {
  COURSES_COLLECTION,
  IMAGE_FILE_WIDGET,
  NOTICES_COLLECTION,
  parseTranslationCollection,
  PROSE_MARKDOWN_WIDGET,
  PROSE_WIDGET,
  TRANSLATION_OF_WIDGET,
  translationCollectionName,
} from '../node/widgets.ts';
import {
  ImageFileControl,
  ImageFilePreview,
  ProseControl,
  ProseMarkdownControl,
  ProseMarkdownPreview,
  ProsePreview,
} from './prose-widget.ts';
import { TranslationOfControl, TranslationOfPreview } from './translation-of-widget.ts';
import { TRANSLATION_PREVIEW_CSS, TranslationPreview } from './translation-preview.ts';
import { formOf, originalIn, queryOf, translationFolder } from './translation-store.ts';
import { TRANSLATION_FORMAT, translationFormat } from './translation-format.ts';
import { saveEdits, type FitField } from './translation-fit.ts';

/**
 * The data to save for `entry` when it is a translation: its form values with copied image file names
 * filled and empty optional values left out; undefined (no change) for any other entry. Throws (Decap then
 * saves nothing and shows the message) when the original is not loaded, and, for a new translation, when
 * the backend has a translation of that original into this language by now (started by someone else since
 * the form was opened: saving would replace it).
 */
export async function translationToSave(entry: ImmutableLike): Promise<ImmutableLike | undefined> {
  const name = entry.get('collection') as string;
  const target = parseTranslationCollection(name);
  if (!target) return undefined;
  const fields = formOf(name);
  const folder = translationFolder(entry);
  const original = originalIn(target.kind === 'notice' ? NOTICES_COLLECTION : COURSES_COLLECTION, folder);
  if (!fields || !original) throw new Error('The original of this translation is not loaded: reload the page, then save again.');
  const query = queryOf(name);
  if (entry.get('newRecord')) {
    if (!query) throw new Error('Could not check for an existing translation: reload the page, then save again.');
    const found = await query(`${name}-existing`, name, ['title'], '', `${folder}/index`);
    if (found?.payload?.hits?.length)
      throw new Error('This notice or course has a translation into this language by now: open it from the list.');
  }
  let data = entry.get('data') as ImmutableLike;
  for (const e of saveEdits(data.toJS(), original.data, fields))
    data = e.op === 'set' ? data.setIn(e.path, e.value) : data.deleteIn(e.path);
  return inFormOrder(data, fields);
}

/** An Immutable list (it can `push`; a map cannot). */
const isList = (v: unknown): v is ImmutableLike & { map(fn: (x: unknown) => unknown): ImmutableLike } =>
  typeof (v as { push?: unknown } | undefined)?.push === 'function';
/** An Immutable map. */
const isMap = (v: unknown): v is ImmutableLike =>
  !isList(v) && typeof (v as { clear?: unknown } | undefined)?.clear === 'function' && typeof (v as { has?: unknown }).has === 'function';

/**
 * `value` (a map of form values) with its keys in the form's order at every level, other keys after
 * them in their order. Decap orders the top-level keys itself; a value filled in when saving (an image's
 * file name) would otherwise be written after the keys typed in the form.
 */
function inFormOrder(value: ImmutableLike, fields: readonly FitField[]): ImmutableLike {
  if (!isMap(value)) return value;
  const v = value as ImmutableLike & {
    clear(): ImmutableLike;
    has(k: string): boolean;
    forEach(fn: (x: unknown, k: string) => void): void;
  };
  let out = v.clear();
  for (const f of fields) {
    if (!v.has(f.name)) continue;
    let x = v.get(f.name) as ImmutableLike;
    if (f.fields) x = isList(x) ? x.map((item) => inFormOrder(item as ImmutableLike, f.fields!)) : inFormOrder(x, f.fields);
    out = out.set(f.name, x);
  }
  v.forEach((x, k) => {
    if (!fields.some((f) => f.name === k)) out = out.set(k, x);
  });
  return out;
}

/** Registers the translation editor with `CMS` (after the Decap bundle loaded, before `CMS.init`). */
export function registerTranslationEditor(CMS: DecapCms): void {
  CMS.registerCustomFormat(TRANSLATION_FORMAT, 'mdx', translationFormat);
  CMS.registerWidget(PROSE_WIDGET, ProseControl(), ProsePreview());
  const markdown = CMS.getWidget('markdown');
  if (markdown) CMS.registerWidget(PROSE_MARKDOWN_WIDGET, ProseMarkdownControl(markdown.control), ProseMarkdownPreview(markdown.preview));
  CMS.registerWidget(IMAGE_FILE_WIDGET, ImageFileControl(), ImageFilePreview());
  CMS.registerWidget(TRANSLATION_OF_WIDGET, TranslationOfControl(), TranslationOfPreview());
  CMS.registerPreviewStyle(TRANSLATION_PREVIEW_CSS, { raw: true });
  const preview = TranslationPreview();
  for (const lang of LANGUAGE_CODES) {
    CMS.registerPreviewTemplate(translationCollectionName('notice', lang), preview);
    CMS.registerPreviewTemplate(translationCollectionName('course', lang), preview);
  }
  CMS.registerEventListener({ name: 'preSave', handler: ({ entry }: { entry: ImmutableLike }) => translationToSave(entry) });
}
