/**
 * The `getStaticPaths()` of the JSON exchange files under `/data/` (docs/exchange.md, "JSON"): each notice's
 * and course's document, and each document type's JSON Schema. They are made from this build's knowledge
 * base, already cut to its audience (notices, the images it may see: `shownImages`, translations), never from
 * the content folder. Each path's props are the file's text, and its `cacheKey` their digest (as for the
 * pages: src/render/data/static-paths.ts), so an edit of one notice makes its own document again and no other.
 */
import settings from 'virtual:modus/settings';
import { courseDocument } from '../../exchange/json/course-document.ts';
import { indexDocument } from '../../exchange/json/index-document.ts';
import { noticeDocument, serialiseDocument } from '../../exchange/json/notice-document.ts';
import type { TranslationInput } from '../../exchange/json/order.ts';
import { documentJsonSchema } from '../../exchange/json/schemas.ts';
import type { DocumentType } from '../../model/documents.ts';
import type { Language } from '../../model/languages.ts';
import type { Course, Notice } from '../entries.ts';
import { withCacheKeys } from './cache-keys.ts';
import { bodyOf } from './entry-bodies.ts';
import { getKnowledgeBase, type KnowledgeBase } from './knowledge-base.ts';
import type { KeyedPath } from './static-paths.ts';
import { stixNoticeInput, stixPublisher, type StixNoticeProps } from './stix.ts';

/** What a data file's endpoint is given: the file's text. */
export interface DataFileProps {
  text: string;
}

/** Translations (from the knowledge base) with their bodies, by language. */
function withBodies<D>(
  translations: ReadonlyMap<Language, { id: string; filePath?: string; data: D }> | undefined,
): Map<Language, TranslationInput<D>> {
  return new Map([...(translations ?? [])].map(([lang, t]) => [lang, { data: t.data, body: bodyOf(t) }]));
}

/** The JSON document of notice `n` of the build's knowledge base `kb`, as published. */
export function noticeDocumentText(kb: KnowledgeBase, n: Notice): string {
  return serialiseDocument(
    noticeDocument({
      slug: n.id,
      data: n.data,
      body: bodyOf(n),
      images: kb.shownImages.get(n.data.id) ?? [],
      translations: withBodies(kb.noticeTranslations.get(n.id)),
      isPublished: (id) => kb.byId.has(id),
      site: settings.siteUrl,
    }),
  );
}

/** The JSON document of course `c`, as published. */
export function courseDocumentText(kb: KnowledgeBase, c: Course): string {
  return serialiseDocument(
    courseDocument({
      slug: c.id,
      data: c.data,
      body: bodyOf(c),
      translations: withBodies(kb.courseTranslations.get(c.id)),
      site: settings.siteUrl,
    }),
  );
}

/** `/data/notices/<ID>.json`: one path per notice of the build. */
export async function noticeDocumentStaticPaths(): Promise<Array<KeyedPath<{ id: string }, DataFileProps>>> {
  const kb = await getKnowledgeBase();
  const paths = kb.notices.map((n) => ({ params: { id: n.data.id }, props: { text: noticeDocumentText(kb, n) } }));
  return withCacheKeys(paths, kb.buildDigest);
}

/** `/data/courses/<slug>.json`: one path per course of the build. */
export async function courseDocumentStaticPaths(): Promise<Array<KeyedPath<{ slug: string }, DataFileProps>>> {
  const kb = await getKnowledgeBase();
  const paths = kb.courses.courses.map((c) => ({ params: { slug: c.id }, props: { text: courseDocumentText(kb, c) } }));
  return withCacheKeys(paths, kb.buildDigest);
}

/** `/data/schema/<type>.schema.json`: the JSON Schema of each document type. */
export async function documentSchemaStaticPaths(): Promise<Array<KeyedPath<{ type: DocumentType }, DataFileProps>>> {
  const kb = await getKnowledgeBase();
  const types: DocumentType[] = ['notice', 'course', 'index'];
  const paths = types.map((type) => ({ params: { type }, props: { text: serialiseDocument(documentJsonSchema(type, settings.siteUrl)) } }));
  return withCacheKeys(paths, kb.buildDigest);
}

/** The text of `/data/index.json`: every notice (newest first) and course of the build. Made on every build. */
export async function indexDocumentText(): Promise<string> {
  const kb = await getKnowledgeBase();
  return serialiseDocument(
    indexDocument({ notices: kb.notices, courses: kb.courses.courses, audience: kb.audience, site: settings.siteUrl }),
  );
}

/** The response of a JSON exchange file. */
export function jsonResponse(text: string): Response {
  return new Response(text, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}

/** `/data/stix/<ID>.json`: one path per notice, keyed by what its STIX bundle is made of (language-neutral: no `lang`). */
export async function stixNoticeStaticPaths(): Promise<Array<KeyedPath<{ id: string }, StixNoticeProps>>> {
  const kb = await getKnowledgeBase();
  const publisher = stixPublisher();
  const paths = kb.notices.map((n) => ({ params: { id: n.data.id }, props: { notice: stixNoticeInput(kb, n), publisher } }));
  return withCacheKeys(paths, kb.buildDigest);
}
