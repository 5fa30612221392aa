/**
 * A notice's JSON document (docs/exchange.md, "JSON"; schema: src/model/documents.ts): every field of the
 * notice as validated, its page, permanent and document addresses, each image the audience may see with its
 * published variants, its body and its translations. Pure: the caller gives the notice as the build's
 * knowledge base holds it (already cut to the audience) and the build's site address.
 *
 * Deterministic: keys in the schema's order, translations in the order of the languages, nothing that
 * depends on when the build ran, so an unchanged notice gives the same bytes in every build.
 */
import { variantHeight, variantsOf, variantUrl } from '../../loading/images/image-variants.ts';
import {
  DOCUMENT_FORMATS,
  documentImageSchema,
  documentNoticeSchema,
  type DocumentImage,
  type NoticeDocument,
} from '../../model/documents.ts';
import type { ImageRef } from '../../model/images.ts';
import type { Language } from '../../model/languages.ts';
import type { NoticeData } from '../../model/notice.ts';
import { noticeTranslationSchema, type NoticeTranslationData } from '../../model/translation.ts';
import { absoluteUrl, idUrl, noticeUrl } from '../../knowledge/urls.ts';
import { JSON_FORMAT_VERSION } from '../format-version.ts';
import { linksWithinBuild } from '../references.ts';
import { documentSchemaPath, noticeDocumentPath } from '../paths.ts';
import { pickInOrder, translationsInOrder, type TranslationInput } from './order.ts';

/** An image of a notice whose file the build published (its `src` an `ImageRef` filled by the content loader). */
export type PublishedImage = NoticeData<ImageRef>['images'][number];

/** What a notice document is made of. */
export interface NoticeDocumentInput {
  /** The notice's slug (its folder name). */
  slug: string;
  /** Its frontmatter as validated (the knowledge base's entry `data`). */
  data: NoticeData<unknown>;
  /** Its body as written in the file. */
  body: string;
  /** The images this build's audience may see of it (the knowledge base's `shownImages`), in frontmatter order. */
  images: readonly PublishedImage[];
  /** Its translations this audience may see, by language. */
  translations: ReadonlyMap<Language, TranslationInput<NoticeTranslationData>>;
  /**
   * True for the id of a notice this build publishes: `related` and `supersededBy` keep only those, as the
   * page does (a notice withheld from this audience is never named, not even by its id).
   */
  isPublished: (noticeId: string) => boolean;
  /** The address the build is served at (MODUS_SITE_URL), with its path, without a trailing slash (`https://modus.example.org`, `https://intranet.example/modus`). */
  site: string;
}

/** Key orders of the notice, its images and its translations: their schemas' (made once). */
const NOTICE_KEYS = Object.keys(documentNoticeSchema().shape);
const IMAGE_KEYS = Object.keys(documentImageSchema().shape);
const TRANSLATION_KEYS = Object.keys(noticeTranslationSchema().shape);

/** The path an image is written with in its notice's file, without `./` (`photo.jpg`, `scans/x-ray.png`). */
export function imageFileName(ref: ImageRef): string {
  return ref.path.replace(/^\.\//, '');
}

/** An image as a document holds it: its fields, the original's displayed size and every published variant. */
export function documentImage(image: PublishedImage, site: string): DocumentImage {
  const ref = image.src;
  const variants = variantsOf(ref).map((v) => ({
    format: v.format,
    width: v.width,
    height: variantHeight(ref, v.width),
    url: absoluteUrl(variantUrl(ref, v), site),
  }));
  const full = { ...image, src: imageFileName(ref), width: ref.width, height: ref.height, variants };
  return pickInOrder(full, IMAGE_KEYS) as DocumentImage;
}

/** The notice document of `input`. Throws when an image has no content id (it did not go through the content loader). */
export function noticeDocument(input: NoticeDocumentInput): NoticeDocument {
  const { slug, data, site } = input;
  const shown = new Set(input.images.map((img) => imageFileName(img.src)));
  const { isPublished } = input;
  const notice = pickInOrder(
    { ...linksWithinBuild(data, isPublished), images: input.images.map((img) => documentImage(img, site)) },
    NOTICE_KEYS,
  );
  const translations = translationsInOrder(input.translations, (t) =>
    pickInOrder(
      // A translation's images follow the original's: the alt text of an image the audience may not see stays out.
      { ...t, images: t.images.filter((img) => shown.has(img.src.replace(/^\.\//, ''))) },
      TRANSLATION_KEYS,
    ),
  );
  return {
    $schema: absoluteUrl(documentSchemaPath('notice'), site),
    format: DOCUMENT_FORMATS.notice,
    formatVersion: JSON_FORMAT_VERSION,
    id: data.id,
    slug,
    urls: {
      page: absoluteUrl(noticeUrl(slug), site),
      permanent: absoluteUrl(idUrl(data.id), site),
      document: absoluteUrl(noticeDocumentPath(data.id), site),
    },
    notice: notice as NoticeDocument['notice'],
    body: input.body,
    translations: translations as NoticeDocument['translations'],
  };
}

/** A document as published: JSON indented by two spaces, ending with a line break. */
export function serialiseDocument(document: unknown): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
