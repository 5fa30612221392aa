/**
 * Where each exchange file is published in a build (docs/exchange.md): under `/data/`, beside the pages and
 * never under `/api/v1/` (the CMS proxy's path). Site-absolute paths under the site's base (src/model/site-path.ts:
 * `/any/path/data/index.json` for a build at https://host/any/path), like the page URLs of src/knowledge/urls.ts;
 * a reader joins them to the build's origin (`absoluteUrl` of src/knowledge/urls.ts).
 */
import { sitePath } from '../model/site-path.ts';

/** The folder of every exchange file. */
export const DATA_ROOT = sitePath('/data/');

/** The index of every document in the build: `/data/index.json`. */
export const DATA_INDEX_PATH = sitePath('/data/index.json');

/** A notice's JSON document: `/data/notices/MO-2024-0001.json`. */
export function noticeDocumentPath(noticeId: string): string {
  return sitePath(`/data/notices/${noticeId}.json`);
}

/** A course's JSON document: `/data/courses/<slug>.json`. */
export function courseDocumentPath(courseSlug: string): string {
  return sitePath(`/data/courses/${courseSlug}.json`);
}

/** The JSON Schema of one document type (`notice`, `course`, `index`): `/data/schema/notice.schema.json`. */
export function documentSchemaPath(type: 'notice' | 'course' | 'index'): string {
  return sitePath(`/data/schema/${type}.schema.json`);
}

/** A notice's STIX 2.1 bundle: `/data/stix/MO-2024-0001.json`. */
export function noticeStixPath(noticeId: string): string {
  return sitePath(`/data/stix/${noticeId}.json`);
}

/** The STIX 2.1 bundle of every notice in the build. */
export const STIX_BUNDLE_PATH = sitePath('/data/stix/bundle.json');

/** The notices as CSV, one row per notice. */
export const NOTICES_CSV_PATH = sitePath('/data/notices.csv');
