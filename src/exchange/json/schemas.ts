/**
 * The JSON Schemas (draft 2020-12) of the published documents, generated from their zod schemas
 * (src/model/documents.ts) with zod's `toJSONSchema` on the validated output: never written by hand.
 *
 * zod cannot express its refinements in JSON Schema (it drops them) and a preprocess step is seen as its
 * output schema. What each field *is* (src/model/kinds.ts) puts the refinements that matter to a reader back:
 * dates `YYYY-MM-DD`, country codes, notice ids, slugs, web addresses, non-blank text, and TLP:RED refused.
 * Each field is titled with its label in the CMS (src/cms/node/field-text.ts and the like).
 */
import { z } from 'astro/zod';
import { COURSE_FIELD_TEXT } from '../../cms/node/course-field-text.ts';
import { NOTICE_FIELD_TEXT, type FieldText } from '../../cms/node/field-text.ts';
import { COURSE_TRANSLATION_TEXT, NOTICE_TRANSLATION_TEXT } from '../../cms/node/translation-field-text.ts';
import { courseDocumentSchema, indexDocumentSchema, noticeDocumentSchema, type DocumentType } from '../../model/documents.ts';
import { SLUG } from '../../model/fields.ts';
import { kindOf, type FieldKind } from '../../model/kinds.ts';
import { NOTICE_ID } from '../../model/notice-ids.ts';
import { TLP_PUBLISHABLE } from '../../model/tlp.ts';
import { JSON_FORMAT_VERSION } from '../format-version.ts';
import { documentSchemaPath } from '../paths.ts';
import { absoluteUrl } from '../../knowledge/urls.ts';

/** A JSON Schema as a plain object. */
export type JsonSchema = Record<string, unknown>;

const DATE_PATTERN = String.raw`^\d{4}-\d{2}-\d{2}$`;

/** The JSON Schema keywords that state what a field of `kind` accepts beyond its type. */
function kindKeywords(kind: FieldKind): JsonSchema {
  switch (kind.kind) {
    case 'date':
      return { pattern: DATE_PATTERN, format: 'date' };
    case 'country':
      return { pattern: '^[A-Z]{2}$' };
    case 'noticeId':
    case 'noticeRef':
      return { pattern: NOTICE_ID.source };
    case 'slug':
      return { pattern: SLUG.source };
    case 'url':
      return { pattern: '^https?://', format: 'uri' };
    case 'text':
      return { pattern: String.raw`\S` };
    case 'tlp':
      return { enum: [...TLP_PUBLISHABLE] };
    default:
      return {};
  }
}

/** What a document type is, for the title and description of its schema, and the labels of its fields. */
const DOCUMENT_TYPES: Record<DocumentType, { title: string; description: string; schema: () => z.ZodType }> = {
  notice: {
    title: 'Modus notice document',
    description:
      'One notice of a Modus build: every field of the notice as validated, its page and permanent addresses, the published ' +
      'variants of each image its audience may see, its body (Markdown) and its translations.',
    schema: () => noticeDocumentSchema(JSON_FORMAT_VERSION),
  },
  course: {
    title: 'Modus course document',
    description:
      'One course of a Modus build: every field of the course as validated, its page address, its introduction and translations.',
    schema: () => courseDocumentSchema(JSON_FORMAT_VERSION),
  },
  index: {
    title: 'Modus index',
    description: 'Every notice and course document of one Modus build, with the addresses of its other exchange files and schemas.',
    schema: () => indexDocumentSchema(JSON_FORMAT_VERSION),
  },
};

/** Descriptions of the fields documents add to the notice and course fields, by dotted path in the document. */
const DOCUMENT_FIELDS: Record<string, string> = {
  $schema: 'Address of the JSON Schema this document follows.',
  format: 'What this document is.',
  formatVersion: 'Version of the format; a reader refuses a major version it does not know.',
  id: 'The notice id.',
  slug: 'The last part of the page address, the name of the notice or course folder.',
  urls: 'Absolute addresses of this entry in the build.',
  'urls.page': 'The page in the original language.',
  'urls.permanent': 'The permanent link, which redirects to the page even after the slug changed.',
  'urls.document': 'This document.',
  body: 'The body as written in the file (Markdown with Modus call-outs).',
  translations: 'Translations of the prose by language code, where they exist: their fields and body.',
  'notice.images.width': 'Width in pixels of the original as displayed.',
  'notice.images.height': 'Height in pixels of the original as displayed.',
  'notice.images.variants': 'Every encoded variant the build publishes of this image.',
  audience: 'The audience this build was made for: it holds nothing above it.',
  site: 'The address this build is served at.',
  notices: 'Every notice of the build, newest first; its title in the language it is written in.',
  courses: 'Every course of the build.',
  csv: 'The notices as CSV.',
  stixBundle: 'Every notice as one STIX 2.1 bundle.',
  schemas: 'The JSON Schema of each document type.',
};

/** The CMS label of the field at `path` (dotted, from the document's root), when there is one. */
function fieldLabel(path: string): string | undefined {
  const tables: Array<[string, Readonly<Record<string, FieldText>>]> = [
    ['notice.', NOTICE_FIELD_TEXT],
    ['course.', COURSE_FIELD_TEXT],
  ];
  for (const [prefix, table] of tables) if (path.startsWith(prefix)) return table[path.slice(prefix.length)]?.label;
  const tr = /^translations\.[a-z]+\.(.+)$/.exec(path);
  if (tr) return NOTICE_TRANSLATION_TEXT[tr[1]!]?.label ?? COURSE_TRANSLATION_TEXT[tr[1]!]?.label;
  return undefined;
}

/** The dotted field path of a JSON Schema path (`properties.notice.properties.images.items.properties.alt` → `notice.images.alt`). */
function dottedPath(jsonPath: ReadonlyArray<string | number>): string {
  const out: string[] = [];
  for (let i = 0; i < jsonPath.length; i++) {
    const step = jsonPath[i];
    if (step === 'properties' || step === 'patternProperties') out.push(String(jsonPath[++i]));
    else if (step === 'additionalProperties' || step === 'propertyNames') out.push('*');
  }
  return out.join('.').replace(/^translations\.\*/, 'translations.lang');
}

/**
 * The JSON Schema of a document type, for a build served at `site` (MODUS_SITE_URL, with its path, no trailing slash): its
 * `$id` is the address it is published at (src/exchange/paths.ts). Deterministic: the same for the same
 * code and site.
 */
export function documentJsonSchema(type: DocumentType, site: string): JsonSchema {
  const what = DOCUMENT_TYPES[type];
  const generated = z.toJSONSchema(what.schema(), {
    io: 'output',
    target: 'draft-2020-12',
    override: (ctx) => {
      const kind = kindOf(ctx.zodSchema as unknown as z.ZodType);
      if (kind) Object.assign(ctx.jsonSchema, kindKeywords(kind));
      const path = dottedPath(ctx.path);
      const description = DOCUMENT_FIELDS[path];
      if (description && !ctx.jsonSchema.description) ctx.jsonSchema.description = description;
      const label = fieldLabel(path);
      if (label && !ctx.jsonSchema.title) ctx.jsonSchema.title = label;
    },
  }) as JsonSchema;
  const { $schema, ...rest } = generated;
  return { $schema, $id: absoluteUrl(documentSchemaPath(type), site), title: what.title, description: what.description, ...rest };
}
