/**
 * A course's JSON document (docs/exchange.md, "JSON"; schema: src/model/documents.ts): every field of the
 * course as validated, its page and document addresses, its introduction (the body) and its translations.
 * Pure and deterministic, like the notice document (src/exchange/json/notice-document.ts).
 */
import { courseSchema, type CourseData } from '../../model/course.ts';
import { DOCUMENT_FORMATS, type CourseDocument } from '../../model/documents.ts';
import type { Language } from '../../model/languages.ts';
import { courseTranslationSchema, type CourseTranslationData } from '../../model/translation.ts';
import { absoluteUrl, courseUrl } from '../../knowledge/urls.ts';
import { JSON_FORMAT_VERSION } from '../format-version.ts';
import { courseDocumentPath, documentSchemaPath } from '../paths.ts';
import { pickInOrder, translationsInOrder, type TranslationInput } from './order.ts';

const COURSE_KEYS = Object.keys(courseSchema().shape);
const TRANSLATION_KEYS = Object.keys(courseTranslationSchema().shape);

/** What a course document is made of. */
export interface CourseDocumentInput {
  /** The course's slug (its folder name). */
  slug: string;
  /** Its frontmatter as validated. */
  data: CourseData;
  /** Its body (the introduction) as written in the file. */
  body: string;
  /** Its translations this audience may see, by language. */
  translations: ReadonlyMap<Language, TranslationInput<CourseTranslationData>>;
  /** The address the build is served at (MODUS_SITE_URL), with its path, without a trailing slash. */
  site: string;
}

/** The course document of `input`. */
export function courseDocument(input: CourseDocumentInput): CourseDocument {
  const { slug, site } = input;
  return {
    $schema: absoluteUrl(documentSchemaPath('course'), site),
    format: DOCUMENT_FORMATS.course,
    formatVersion: JSON_FORMAT_VERSION,
    slug,
    urls: { page: absoluteUrl(courseUrl(slug), site), document: absoluteUrl(courseDocumentPath(slug), site) },
    course: pickInOrder(input.data, COURSE_KEYS) as CourseData,
    body: input.body,
    translations: translationsInOrder(input.translations, (t) => pickInOrder(t, TRANSLATION_KEYS)) as CourseDocument['translations'],
  };
}
