/**
 * The index of a build's exchange files (`/data/index.json`; docs/exchange.md, "JSON"): every notice and
 * course document with the facts a reader needs to choose what to fetch, and the addresses of the CSV, the
 * STIX bundle and the schemas. Pure and deterministic: no time of build, lists in the knowledge base's order.
 */
import { DOCUMENT_FORMATS, type IndexDocument } from '../../model/documents.ts';
import type { Language } from '../../model/languages.ts';
import type { Audience, Tlp } from '../../model/tlp.ts';
import { absoluteUrl, courseUrl, noticeUrl } from '../../knowledge/urls.ts';
import { JSON_FORMAT_VERSION } from '../format-version.ts';
import {
  courseDocumentPath,
  documentSchemaPath,
  noticeDocumentPath,
  noticeStixPath,
  NOTICES_CSV_PATH,
  STIX_BUNDLE_PATH,
} from '../paths.ts';

/** A marking of a build's entry (never RED: the schema refuses it). */
type Marking = IndexDocument['notices'][number]['tlp'];

/** What the index is made of: the build's notices (newest first) and courses, its audience and address. */
export interface IndexInput {
  notices: ReadonlyArray<{
    id: string;
    data: { id: string; language: Language; title: string; tlp: Tlp; published: string; updated?: string };
  }>;
  courses: ReadonlyArray<{ id: string; data: { language: Language; title: string; tlp: Tlp; published: string } }>;
  audience: Audience;
  /** The address the build is served at (MODUS_SITE_URL), with its path, without a trailing slash. */
  site: string;
}

/** The index of `input`. */
export function indexDocument(input: IndexInput): IndexDocument {
  const { site } = input;
  const at = (path: string) => absoluteUrl(path, site);
  return {
    $schema: at(documentSchemaPath('index')),
    format: DOCUMENT_FORMATS.index,
    formatVersion: JSON_FORMAT_VERSION,
    audience: input.audience,
    site,
    notices: input.notices.map(({ id: slug, data: d }) => ({
      id: d.id,
      language: d.language,
      title: d.title,
      tlp: d.tlp as Marking,
      published: d.published,
      ...(d.updated ? { updated: d.updated } : {}),
      document: at(noticeDocumentPath(d.id)),
      stix: at(noticeStixPath(d.id)),
      page: at(noticeUrl(slug)),
    })),
    courses: input.courses.map(({ id: slug, data: c }) => ({
      slug,
      language: c.language,
      title: c.title,
      tlp: c.tlp as Marking,
      published: c.published,
      document: at(courseDocumentPath(slug)),
      page: at(courseUrl(slug)),
    })),
    csv: at(NOTICES_CSV_PATH),
    stixBundle: at(STIX_BUNDLE_PATH),
    schemas: { notice: at(documentSchemaPath('notice')), course: at(documentSchemaPath('course')), index: at(documentSchemaPath('index')) },
  };
}
