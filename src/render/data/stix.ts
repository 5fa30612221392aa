/**
 * The STIX 2.1 exports of one build (src/exchange/stix/), from its knowledge base: only what the build's
 * audience may see. `related` and `supersededBy` are cut to the notices the audience may see, images are
 * never exported (nor in the props of a bundle's page, so its cache key ignores them), and translations
 * are those the knowledge base holds (withheld with their originals).
 */
import settings from 'virtual:modus/settings';
import { bodyOf } from './entry-bodies.ts';
import { getKnowledgeBase, type KnowledgeBase } from './knowledge-base.ts';
import type { Notice } from '../entries.ts';
import { buildBundle, noticeBundle, serialiseBundle } from '../../exchange/stix/bundle.ts';
import type { StixNoticeData, StixNoticeInput } from '../../exchange/stix/notice-objects.ts';
import type { StixPublisher } from '../../exchange/stix/publisher.ts';

/** The publisher and site address of this build's STIX objects. */
export function stixPublisher(): StixPublisher {
  return { publisher: settings.publisher, siteUrl: settings.siteUrl };
}

const inputs = new WeakMap<Notice, StixNoticeInput>();

/** Notice `n` as the STIX export takes it, cut to what the build's audience may see (memoised per build). */
export function stixNoticeInput(kb: KnowledgeBase, n: Notice): StixNoticeInput {
  let input = inputs.get(n);
  if (!input) {
    const { supersededBy, related: _related, images: _images, ...rest } = n.data;
    const data: StixNoticeData = {
      ...rest,
      ...(supersededBy && kb.byId.has(supersededBy) ? { supersededBy } : {}),
      related: (kb.related.get(n.data.id) ?? []).map((r) => r.data.id),
    };
    const translations = Object.fromEntries(
      [...(kb.noticeTranslations.get(n.id) ?? [])].map(([lang, t]) => [lang, { frontmatter: t.data, body: bodyOf(t) }]),
    );
    input = { slug: n.id, data, body: bodyOf(n), translations };
    inputs.set(n, input);
  }
  return input;
}

/** What `/data/stix/<ID>.json` is made from: the notice as the export takes it, and the publisher. */
export interface StixNoticeProps {
  notice: StixNoticeInput;
  publisher: StixPublisher;
}

/** The published text of the bundle of one notice. */
export function stixNoticeBundleText(props: StixNoticeProps): string {
  return serialiseBundle(noticeBundle(props.notice, props.publisher));
}

/** The published text of the bundle of every notice of this build. */
export async function stixBuildBundleText(): Promise<string> {
  const kb = await getKnowledgeBase();
  return serialiseBundle(
    buildBundle(
      kb.notices.map((n) => stixNoticeInput(kb, n)),
      stixPublisher(),
    ),
  );
}
