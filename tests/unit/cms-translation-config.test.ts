/**
 * The translation collections of the generated Decap config (src/cms/node/translation-config.ts): one per
 * language for notices and for courses, each reading and writing only `<folder>/index.<lang>.mdx` in the
 * translation format, its form holding exactly the translation schema's fields in their order, every text
 * with the language's `lang` and `dir` (right to left for Arabic), and the rule each field must fit the
 * original by. Also the originals' forms: the notice's language as a select of the four languages,
 * English by default. Prevents: a translation save that writes the original's file or another language's
 * (wrong extension or format), a translation form offering a key the translation format does not have (or
 * lacking one it has), an Arabic field typed left to right, and a form whose checks let through a
 * translation the build refuses.
 */
import { describe, expect, test } from 'vitest';
import { cmsConfig, type DecapCollection, type DecapField } from '../../src/cms/node/config.ts';
import { matchRule, translationFieldOrder, translationSchemaFields } from '../../src/cms/node/translation-config.ts';
import { allFields, type SchemaField } from '../../src/cms/node/schema-walk.ts';
import { COURSE_TRANSLATION_TEXT, NOTICE_TRANSLATION_TEXT } from '../../src/cms/node/translation-field-text.ts';
import { LANGUAGE_CODES } from '../../src/model/languages.ts';
import { slugsOf, languages } from '../../src/model/vocabularies.ts';
import {
  IMAGE_FILE_WIDGET,
  PROSE_MARKDOWN_WIDGET,
  PROSE_WIDGET,
  TRANSLATION_FORMAT,
  TRANSLATION_OF_FIELD,
  TRANSLATION_OF_WIDGET,
} from '../../src/cms/node/widgets.ts';

const options = {
  noticesFolder: 'content/notices',
  coursesFolder: 'content/courses',
  mediaFolder: 'content/media',
  nextId: 'MO-2026-0042',
  branch: 'main',
};
const config = cmsConfig(options);
const named = (name: string) => config.collections.find((c) => c.name === name)!;

/** The Decap field at a dotted path (list items not counted). */
function at(collection: DecapCollection, path: string): DecapField | undefined {
  let fields: DecapField[] | undefined = collection.fields;
  let found: DecapField | undefined;
  for (const name of path.split('.')) {
    found = fields?.find((f) => f.name === name);
    fields = found?.fields;
  }
  return found;
}

/** Every Decap field of a collection, nested ones and list items included. */
function every(fields: readonly DecapField[]): DecapField[] {
  return fields.flatMap((f) => [f, ...(f.field ? every([f.field]) : []), ...every(f.fields ?? [])]);
}

const KINDS = [
  { kind: 'notice', prefix: 'notices', folder: 'content/notices', text: NOTICE_TRANSLATION_TEXT },
  { kind: 'course', prefix: 'courses', folder: 'content/courses', text: COURSE_TRANSLATION_TEXT },
] as const;

describe('translation collections', () => {
  test('one per language for notices and for courses, each over the originals’ folder with its language’s extension', () => {
    for (const { prefix, folder } of KINDS) {
      for (const lang of LANGUAGE_CODES) {
        expect(named(`${prefix}-${lang}`), `${prefix}-${lang}`).toMatchObject({
          folder,
          path: '{{slug}}/index',
          extension: `${lang}.mdx`,
          format: TRANSLATION_FORMAT,
          create: true,
          delete: false,
          slug: `{{fields.${TRANSLATION_OF_FIELD}}}`,
          media_folder: '',
          public_folder: '',
        });
      }
    }
    expect(LANGUAGE_CODES).toEqual(slugsOf(languages));
    // The originals keep the plain extension, so a listing of theirs is told apart by the backend filter.
    expect(named('notices')).toMatchObject({ extension: 'mdx', format: 'frontmatter' });
  });

  test('the form: "Translation of", then the translation schema’s fields in its order, then the body', () => {
    for (const { kind, prefix } of KINDS) {
      const names = named(`${prefix}-fr`).fields.map((f) => f.name);
      expect(names).toEqual([TRANSLATION_OF_FIELD, ...translationFieldOrder(kind), 'body']);
    }
    expect(translationFieldOrder('notice')).toEqual([
      'translated',
      'title',
      'summary',
      'concealment',
      'keywords',
      'indicators',
      'recommendedActions',
      'images',
    ]);
    const of = at(named('notices-ar'), TRANSLATION_OF_FIELD)!;
    expect(of).toMatchObject({ widget: TRANSLATION_OF_WIDGET, required: true, originals: 'notices' });
    expect(at(named('courses-es'), TRANSLATION_OF_FIELD)).toMatchObject({ originals: 'courses' });
  });

  test('every field of both translation schemas has a label and a hint, and none is left over', () => {
    for (const { kind, prefix, text } of KINDS) {
      const schemaFields = allFields(translationSchemaFields(kind));
      for (const f of schemaFields) {
        const d = at(named(`${prefix}-fr`), f.path);
        expect(d, f.path).toBeDefined();
        expect(d!.label, f.path).toBe(text[f.path]!.label);
        expect(d!.hint, f.path).toMatch(/\w+ \w+/);
      }
      expect(Object.keys(text).sort()).toEqual(schemaFields.map((f) => f.path).sort());
    }
  });

  test('required in the form exactly when the translation schema requires it (the copied file name aside)', () => {
    for (const { kind, prefix } of KINDS) {
      for (const f of allFields(translationSchemaFields(kind))) {
        const d = at(named(`${prefix}-es`), f.path)!;
        expect(d.required, f.path).toBe(f.path === 'images.src' ? false : f.required);
      }
    }
  });

  test('every text is written in the collection’s language: lang on each, right to left for Arabic only', () => {
    for (const { prefix } of KINDS) {
      for (const lang of LANGUAGE_CODES) {
        const collection = named(`${prefix}-${lang}`);
        const texts = every(collection.fields).filter((f) => f.widget === PROSE_WIDGET || f.widget === PROSE_MARKDOWN_WIDGET);
        expect(texts.length, `${prefix}-${lang}`).toBeGreaterThan(5);
        for (const f of texts) expect(f, `${prefix}-${lang} ${f.name}`).toMatchObject({ lang, dir: lang === 'ar' ? 'rtl' : 'ltr' });
        // No plain Decap text widget is left, which would carry neither.
        expect(every(collection.fields).filter((f) => f.widget === 'string' || f.widget === 'text' || f.widget === 'markdown')).toEqual([]);
        expect(at(collection, 'body')).toMatchObject({ widget: PROSE_MARKDOWN_WIDGET, lang, editor_components: ['callout'] });
      }
    }
    expect(at(named('notices-ar'), 'indicators')!.field).toMatchObject({ widget: PROSE_WIDGET, multiline: true, lang: 'ar', dir: 'rtl' });
    expect(at(named('notices-fr'), 'summary')!.pattern![0]).toBe('^[\\s\\S]{0,400}$');
  });

  test('each field says how it fits the original: lists by count (keywords free), optional texts by presence, image files copied', () => {
    const notice = named('notices-fr');
    expect(at(notice, 'indicators')!.match).toBe('count');
    expect(at(notice, 'recommendedActions')!.match).toBe('count');
    expect(at(notice, 'images')!.match).toBe('count');
    expect(at(notice, 'keywords')!.match).toBeUndefined();
    expect(at(notice, 'concealment.placement')!.match).toBe('presence');
    expect(at(notice, 'images.caption')!.match).toBe('presence');
    expect(at(notice, 'images.src')).toMatchObject({ widget: IMAGE_FILE_WIDGET, match: 'copy', required: false });
    expect(at(notice, 'title')!.match).toBeUndefined();
    const course = named('courses-ar');
    for (const path of ['objectives', 'modules', 'modules.objectives', 'modules.cases'])
      expect(at(course, path)!.match, path).toBe('count');
    for (const path of ['modules.intro', 'modules.cases.prompt', 'modules.cases.trainerNote'])
      expect(at(course, path)!.match, path).toBe('presence');
    // The rule comes from the schema: an optional text leaf is `presence`, a required one has none.
    const leaf = (required: boolean): SchemaField => ({
      name: 'x',
      path: 'x',
      required,
      node: { type: 'leaf', kind: { kind: 'text' }, schema: undefined as never },
    });
    expect(matchRule(leaf(false))).toBe('presence');
    expect(matchRule(leaf(true))).toBeUndefined();
  });

  test('lists of groups name one item, for "Add image" and the preview', () => {
    expect(at(named('notices-es'), 'images')!.label_singular).toBe('Image');
    expect(at(named('courses-es'), 'modules')!.label_singular).toBe('Module');
    expect(at(named('courses-es'), 'modules.cases')!.label_singular).toBe('Case');
  });
});

describe('the originals’ forms', () => {
  test('the notice and the course say their language: a select of the four languages, English by default', () => {
    for (const name of ['notices', 'courses']) {
      const language = at(named(name), 'language')!;
      expect(language, name).toMatchObject({ widget: 'select', default: 'en', required: false });
      expect(language.options!.map((o) => o.value).sort()).toEqual(['ar', 'en', 'es', 'fr']);
    }
    expect(
      named('notices')
        .fields.map((f) => f.name)
        .slice(0, 3),
    ).toEqual(['id', 'language', 'title']);
    expect(named('courses').fields[0]!.name).toBe('language');
  });

  test('keep Decap’s own text widgets (an original’s direction follows its text, set by the admin page’s style)', () => {
    expect(at(named('notices'), 'title')!.widget).toBe('string');
    expect(at(named('notices'), 'summary')!.widget).toBe('text');
    expect(every(named('notices').fields).filter((f) => f.widget === PROSE_WIDGET)).toEqual([]);
  });
});
