/** Names shared by the CMS config generator (Node) and the admin scripts (browser). */

/** Name of the custom widget that proposes the next free notice id (src/cms/browser/id-widget.ts). */
export const NOTICE_ID_WIDGET = 'modus-notice-id';

/**
 * Name of the text widget of every prose field (src/cms/browser/prose-widget.ts): a one-line input or a
 * text box carrying the field's `lang` and `dir` (right to left for Arabic, `auto` in the originals' forms).
 */
export const PROSE_WIDGET = 'modus-prose';

/** Name of the body widget of a translation: Decap's Markdown editor inside the translation's `lang` and `dir`. */
export const PROSE_MARKDOWN_WIDGET = 'modus-prose-markdown';

/** Name of the read-only widget of a translated image's file name (copied from the original's image). */
export const IMAGE_FILE_WIDGET = 'modus-image-file';

/** Name of the widget that chooses (new translation) or shows (saved one) the original a translation belongs to. */
export const TRANSLATION_OF_WIDGET = 'modus-translation-of';

/**
 * Name of the "Translation of" field of a translation form: the original's folder, from which Decap makes
 * a new translation's path. The translation format (src/cms/browser/translation-format.ts) never writes it.
 */
export const TRANSLATION_OF_FIELD = 'original';

/** Name of the file format of the translation collections (src/cms/browser/translation-format.ts). */
export const TRANSLATION_FORMAT = 'modus-translation';

/** Name of the notices collection in the CMS. */
export const NOTICES_COLLECTION = 'notices';

/** Name of the courses collection in the CMS. */
export const COURSES_COLLECTION = 'courses';

/** What a translation translates: a notice or a course. */
export type TranslatedKind = 'notice' | 'course';

/** Name of the collection of the `lang` translations of notices or courses, e.g. `notices-fr`. */
export function translationCollectionName(kind: TranslatedKind, lang: string): string {
  return `${kind === 'notice' ? NOTICES_COLLECTION : COURSES_COLLECTION}-${lang}`;
}

/** The kind and language of a translation collection's name (`notices-fr` → notice, fr), or undefined for any other name. */
export function parseTranslationCollection(name: string): { kind: TranslatedKind; lang: string } | undefined {
  const m = /^(notices|courses)-([a-z]{2})$/.exec(name);
  if (!m) return undefined;
  return { kind: m[1] === NOTICES_COLLECTION ? 'notice' : 'course', lang: m[2]! };
}
