/**
 * The CMS collections of translations (src/model/translation.ts): for notices and for courses, one
 * collection per language (`notices-fr`, `courses-ar`, …) over the same folder as the originals, whose
 * extension is the language's (`fr.mdx`), so it lists, reads and writes only `<folder>/index.<lang>.mdx`.
 * A save writes that one file: never the original's `index.mdx`, never another language's translation.
 *
 * Why not Decap's own i18n: it names the default locale's file `index.<locale>.mdx` too (the originals are
 * `index.mdx`), takes one default locale per collection (an original may be written in any of the four
 * languages), and writes every locale's file on each save, the original's included.
 *
 * The form holds the translation schema's fields, in its order (the key order Decap writes), every text in
 * the language's `lang` and `dir` (the prose widgets, right to left for Arabic). Which original a
 * translation belongs to is its folder, chosen for a new translation in the "Translation of" field, from
 * which Decap makes the file's path; the collection's format (src/cms/browser/translation-format.ts,
 * Decap's own frontmatter otherwise) never writes that field into the file. Each field also says how it
 * must fit the original (`match`, checked in the editor before saving, src/cms/browser/translation-fit.ts):
 * a list as many items as the original's (`count`), an optional text present exactly where the original
 * has one (`presence`), an image's file name copied from the original (`copy`). Pure: no file system.
 */
import { courseTranslationSchema, noticeTranslationSchema } from '../../model/translation.ts';
import { directionOf, LANGUAGE_CODES, type Language } from '../../model/languages.ts';
import { labelOf, languages } from '../../model/vocabularies.ts';
import { objectFields, type SchemaField } from './schema-walk.ts';
import { bodyField, decapField, type CmsConfigOptions, type DecapCollection, type DecapField, type FormText } from './form-fields.ts';
import { COURSE_TRANSLATION_TEXT, NOTICE_TRANSLATION_TEXT, TRANSLATION_BODY_TEXT } from './translation-field-text.ts';
import {
  COURSES_COLLECTION,
  IMAGE_FILE_WIDGET,
  NOTICES_COLLECTION,
  TRANSLATION_FORMAT,
  TRANSLATION_OF_FIELD,
  TRANSLATION_OF_WIDGET,
  translationCollectionName,
  type TranslatedKind,
} from './widgets.ts';

/** How a translation's field must fit the original's field at the same place. */
export type MatchRule = 'count' | 'presence' | 'copy';

/** Lists a translation fills freely (keywords are the words of its own language, not the original's). */
const FREE_LISTS = new Set(['keywords']);

/** Fields copied from the original, never typed: the file name of a translated image. */
const COPIED = new Set(['images.src']);

/** The fields of a translation schema, in its order (the key order of translation files). */
export function translationSchemaFields(kind: TranslatedKind): SchemaField[] {
  return objectFields(kind === 'notice' ? noticeTranslationSchema() : courseTranslationSchema());
}

/** The top-level key order of a translation file (what Decap writes, then the body). */
export function translationFieldOrder(kind: TranslatedKind): string[] {
  return translationSchemaFields(kind).map((f) => f.name);
}

/** How the schema field `f` must fit the original, if it must. */
export function matchRule(f: SchemaField): MatchRule | undefined {
  if (COPIED.has(f.path)) return 'copy';
  if (f.node.type === 'list') return FREE_LISTS.has(f.path) ? undefined : 'count';
  if (f.node.type === 'leaf' && !f.required) return 'presence';
  return undefined;
}

/** The Decap field of a translation schema field, with its fit rule (recursing as decapField does). */
function translationField(f: SchemaField, options: CmsConfigOptions, form: FormText): DecapField {
  const field = decapField(f, options, form);
  const rule = matchRule(f);
  // The copied file name is shown, not typed (an empty one is filled from the original when saving).
  if (rule === 'copy')
    return { name: field.name, label: field.label, hint: field.hint, required: false, widget: IMAGE_FILE_WIDGET, match: rule };
  let node = f.node;
  while (node.type === 'list') node = node.item;
  const sub = node.type === 'object' ? { fields: node.fields.map((s) => translationField(s, options, form)) } : {};
  // A list of groups names one item ("Add image", "Image 2" in the preview).
  const itemLabel = f.node.type === 'list' && node.type === 'object' ? form.fields[f.path]?.itemLabel : undefined;
  return { ...field, ...sub, ...(itemLabel && { label_singular: itemLabel }), ...(rule && { match: rule }) };
}

/** The English name of a language (`fr` → French). */
const languageName = (lang: Language) => labelOf(languages, lang);

/** Hint shown above a translation collection's list. */
export function translationsDescription(kind: TranslatedKind, lang: Language): string {
  const what = kind === 'notice' ? 'notice' : 'course';
  return (
    `${languageName(lang)} translations of ${what}s written in another language: each is saved as ` +
    `content/${what}s/<folder>/index.${lang}.mdx beside its original, and a save writes only that file. ` +
    `To translate a ${what}, press the button above and choose it under "Translation of"; the preview shows the ` +
    `original beside your text.`
  );
}

/** The collection of the `lang` translations of notices or courses. */
export function translationCollection(kind: TranslatedKind, lang: Language, options: CmsConfigOptions): DecapCollection {
  const prose = { lang, dir: directionOf(lang) };
  const form: FormText =
    kind === 'notice'
      ? { fields: NOTICE_TRANSLATION_TEXT, what: 'notice translation', file: 'src/cms/node/translation-field-text.ts', prose }
      : { fields: COURSE_TRANSLATION_TEXT, what: 'course translation', file: 'src/cms/node/translation-field-text.ts', prose };
  const fields = translationSchemaFields(kind).map((f) => translationField(f, options, form));
  const translated = fields.find((f) => f.name === 'translated');
  // A new translation is dated today (the editor's day); a saved one keeps its date until the editor changes it.
  if (translated) translated.default = '{{now}}';
  const original: DecapField = {
    name: TRANSLATION_OF_FIELD,
    label: 'Translation of',
    hint: `The ${kind} this translates. A new translation offers the ${kind}s written in another language that have no ${languageName(lang)} translation yet.`,
    widget: TRANSLATION_OF_WIDGET,
    // A saved translation's file does not hold it: the widget gives Decap the file's own folder to validate.
    required: true,
    originals: kind === 'notice' ? NOTICES_COLLECTION : COURSES_COLLECTION,
  };
  return {
    name: translationCollectionName(kind, lang),
    label: `${kind === 'notice' ? 'Notices' : 'Courses'} · ${languageName(lang)} translations`,
    label_singular: `${languageName(lang)} translation`,
    description: translationsDescription(kind, lang),
    folder: kind === 'notice' ? options.noticesFolder : options.coursesFolder,
    path: '{{slug}}/index',
    extension: `${lang}.mdx`,
    format: TRANSLATION_FORMAT,
    create: true,
    delete: false,
    // A new translation's folder is its original's: the "Translation of" field (not written into the file).
    slug: `{{fields.${TRANSLATION_OF_FIELD}}}`,
    identifier_field: 'title',
    summary: '{{dirname}} · {{title}}',
    sortable_fields: ['title', 'translated'],
    media_folder: '',
    public_folder: '',
    editor: { preview: true },
    fields: [original, ...fields, bodyField(TRANSLATION_BODY_TEXT, prose)],
  };
}

/** The translation collections of notices or courses, one per language, in the languages' order. */
export function translationCollections(kind: TranslatedKind, options: CmsConfigOptions): DecapCollection[] {
  return LANGUAGE_CODES.map((lang) => translationCollection(kind, lang, options));
}
