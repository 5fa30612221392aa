/**
 * The JSON documents a build publishes under `/data/` (docs/exchange.md, "JSON"): one per notice, one per
 * course and an index of them. Each schema is composed from the notice, course and translation schemas
 * (src/model/notice.ts, course.ts, translation.ts), so a field added there is in the documents and in their
 * JSON Schemas (generated from these: src/exchange/json/schemas.ts) without being written twice.
 *
 * A document holds a notice's frontmatter *as validated* (defaults filled in, dates as `YYYY-MM-DD`), with
 * two differences: each image carries its size and its published variants, and the keys a published notice
 * never carries (`draft`) are left out.
 */
import { z } from 'astro/zod';
import { courseSchema } from './course.ts';
import { fields, list, text } from './fields.ts';
import { withKind } from './kinds.ts';
import { LANGUAGE_CODES } from './languages.ts';
import { noticeSchema } from './notice.ts';
import { AUDIENCES, type Audience } from './tlp.ts';
import { courseTranslationSchema, noticeTranslationSchema } from './translation.ts';

/** The `format` of each document type. */
export const DOCUMENT_FORMATS = { notice: 'modus-notice', course: 'modus-course', index: 'modus-index' } as const;

/** A document type: `notice`, `course` or `index`. */
export type DocumentType = keyof typeof DOCUMENT_FORMATS;

/** Keys of the notice schema a published notice never carries, so no document holds them. */
export const UNPUBLISHED_NOTICE_KEYS: readonly string[] = ['draft'];

/** `shape` without `keys` (a key `shape` lacks is ignored, so a key added later is dropped as soon as it exists). */
function withoutKeys<S extends z.ZodRawShape>(shape: S, keys: readonly string[]): S {
  return Object.fromEntries(Object.entries(shape).filter(([k]) => !keys.includes(k))) as S;
}

/** An absolute web address (`https://…`): page and document addresses in documents. */
function address() {
  return withKind(
    z.string().refine((s) => /^https?:\/\/\S+$/.test(s) && URL.canParse(s), { message: 'Expected an absolute http(s) address.' }),
    { kind: 'url' },
  );
}

/** A size in pixels. */
const pixels = () => z.number().int().min(1);

/** One published variant of an image: its format, size in pixels and absolute address. */
export function imageVariantSchema() {
  return fields({ format: z.enum(['avif', 'webp']), width: pixels(), height: pixels(), url: address() });
}

/** The notice schema with images as plain paths: the source of the document's notice fields. */
const plainNotice = () => noticeSchema(() => z.string());

/**
 * An image of a notice document: the frontmatter's image fields, `src` as written in the notice file
 * (relative to its folder, without `./`), the displayed size of the original (after its EXIF orientation)
 * and every variant the build published.
 */
export function documentImageSchema() {
  const imageShape = plainNotice().shape.images.element.shape;
  return fields({
    ...imageShape,
    src: text('the image file name, relative to the notice folder'),
    width: pixels(),
    height: pixels(),
    variants: z.array(imageVariantSchema()),
  });
}

/**
 * The notice of a notice document: every field of the notice schema but `UNPUBLISHED_NOTICE_KEYS`, in its
 * order, with `images` the images this build's audience may see (`documentImageSchema`; none when every
 * image is withheld from it).
 */
export function documentNoticeSchema() {
  const shape = withoutKeys(plainNotice().shape, UNPUBLISHED_NOTICE_KEYS);
  return fields({ ...shape, images: z.array(documentImageSchema()) });
}

/** The translations of a document, by language: a translation's fields (`translation`) and its body. */
function translationsSchema<S extends z.ZodRawShape>(translation: { shape: S }) {
  return z.partialRecord(z.enum(LANGUAGE_CODES as [string, ...string[]]), fields({ ...translation.shape, body: z.string() }));
}

/** The fields every document starts with: its JSON Schema's address, its format and the format's version. */
function head<F extends string>(format: F, formatVersion: number) {
  return { $schema: address(), format: z.literal(format), formatVersion: z.literal(formatVersion) };
}

/** A notice document (`/data/notices/<ID>.json`) of format version `formatVersion`. */
export function noticeDocumentSchema(formatVersion: number) {
  const notice = plainNotice().shape;
  return fields({
    ...head(DOCUMENT_FORMATS.notice, formatVersion),
    id: notice.id,
    slug: z.string(),
    urls: fields({ page: address(), permanent: address(), document: address() }),
    notice: documentNoticeSchema(),
    body: z.string(),
    translations: translationsSchema(noticeTranslationSchema()),
  });
}

/** A course document (`/data/courses/<slug>.json`) of format version `formatVersion`. */
export function courseDocumentSchema(formatVersion: number) {
  return fields({
    ...head(DOCUMENT_FORMATS.course, formatVersion),
    slug: z.string(),
    urls: fields({ page: address(), document: address() }),
    course: courseSchema(),
    body: z.string(),
    translations: translationsSchema(courseTranslationSchema()),
  });
}

/** The index of a build (`/data/index.json`) of format version `formatVersion`. */
export function indexDocumentSchema(formatVersion: number) {
  const notice = plainNotice().shape;
  const course = courseSchema().shape;
  return fields({
    ...head(DOCUMENT_FORMATS.index, formatVersion),
    audience: z.enum(Object.keys(AUDIENCES) as [Audience, ...Audience[]]),
    site: address(),
    notices: list(
      fields({
        id: notice.id,
        language: notice.language,
        title: notice.title,
        tlp: notice.tlp,
        published: notice.published,
        updated: notice.updated,
        document: address(),
        stix: address(),
        page: address(),
      }),
    ),
    courses: list(
      fields({
        slug: z.string(),
        language: course.language,
        title: course.title,
        tlp: course.tlp,
        published: course.published,
        document: address(),
        page: address(),
      }),
    ),
    csv: address(),
    stixBundle: address(),
    schemas: fields({ notice: address(), course: address(), index: address() }),
  });
}

/** A notice document as published (output of `noticeDocumentSchema`). */
export type NoticeDocument = z.output<ReturnType<typeof noticeDocumentSchema>>;
/** A course document as published. */
export type CourseDocument = z.output<ReturnType<typeof courseDocumentSchema>>;
/** The index as published. */
export type IndexDocument = z.output<ReturnType<typeof indexDocumentSchema>>;
/** An image of a notice document. */
export type DocumentImage = z.output<ReturnType<typeof documentImageSchema>>;
