/**
 * The feeds of the latest notices (RSS 2.0 through @astrojs/rss) for officers' feed readers on the closed
 * network: the site feed (`/feed.xml`) and one feed per browse value, to follow a subject
 * (`/browse/<facet>/<value>/feed.xml`: a commodity, a country…), in each language. Built from the
 * notices of this build only (the knowledge base is already cut to the audience), so a withheld notice
 * is never in them.
 */
import { commodities } from '../model/vocabularies.ts';
import { DEFAULT_LANGUAGE, type Language } from '../model/languages.ts';
import { termLabel } from './i18n/labels.ts';
import { tlpLabel, type Tlp } from '../model/tlp.ts';
import { noticeUrl } from '../knowledge/urls.ts';
import { t } from './i18n/ui.ts';

/** Number of notices in a feed (the site feed and each subject feed). */
export const FEED_SIZE = 50;

/** What the feed reads from a notice: slug (`id` of the entry) and frontmatter. */
export interface FeedNotice {
  id: string;
  data: { id: string; title: string; summary: string; tlp: Tlp; published: string; status: string; commodities: readonly string[] };
}

/**
 * Only what a feed shows of notice `n` (slug and the frontmatter fields of `FeedNotice`), so that a subject
 * feed's cache key (the digest of its props: src/render/data/cache-keys.ts) changes with what the feed shows
 * and not with an edit of anything else (an indicator, the body).
 */
export function feedNotice(n: FeedNotice): FeedNotice {
  const { id, title, summary, tlp, published, status, commodities } = n.data;
  return { id: n.id, data: { id, title, summary, tlp, published, status, commodities } };
}

/** One RSS item as @astrojs/rss takes it. */
export interface FeedItem {
  title: string;
  link: string;
  pubDate: Date;
  description: string;
  categories: string[];
}

/**
 * A date-only value as a feed timestamp: 12:00 UTC that day, so every reader between UTC−11 and
 * UTC+11 shows the same calendar day as the site (field case F4).
 */
export function feedDate(dateOnly: string): Date {
  return new Date(`${dateOnly}T12:00:00Z`);
}

/**
 * Feed items for the first FEED_SIZE of `notices` (already newest first, their prose in `lang`): title with id, link to
 * the notice page (site-relative; the feed makes it absolute), summary, and categories giving the
 * marking first, then status when not active, then commodities.
 */
export function feedItems(notices: readonly FeedNotice[], lang: Language = DEFAULT_LANGUAGE): FeedItem[] {
  return notices.slice(0, FEED_SIZE).map((n) => ({
    title: `${n.data.id}: ${n.data.title}`,
    link: noticeUrl(n.id, lang),
    pubDate: feedDate(n.data.published),
    description: n.data.summary,
    categories: [
      tlpLabel(n.data.tlp),
      ...(n.data.status !== 'active' ? [n.data.status] : []),
      ...n.data.commodities.map((c) => termLabel(commodities, c, lang)),
    ],
  }));
}

/** The channel of a subject feed: a title that says what is followed, and a description naming the facet. */
export interface SubjectFeedChannel {
  title: string;
  description: string;
}

/**
 * The title and description of the feed of the browse value `subject` (its label, e.g. "Methamphetamine") of
 * the facet named `facet` (e.g. "Commodity"), in `lang`: "Modus: new notices — Methamphetamine".
 */
export function subjectFeedChannel(facet: string, subject: string, lang: Language = DEFAULT_LANGUAGE): SubjectFeedChannel {
  return {
    title: t('feed.subject.title', { subject }, lang),
    description: t('feed.subject.description', { facet, subject }, lang),
  };
}
