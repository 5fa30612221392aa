/**
 * The `getStaticPaths()` of the subject feeds (`/browse/<facet>/<value>/feed.xml`, in each language), keyed
 * like the pages (src/render/data/static-paths.ts, cache-keys.ts): a feed's props are everything it shows
 * (the value, its label and the feed fields of its newest notices, at most FEED_SIZE), so Astro's
 * incremental build writes a feed again only when one of those changed: an edit of one notice's title
 * remakes the feeds of its own values (those that list it), not every feed, and an edit of a field a feed
 * does not show (an indicator, the body) remakes none.
 */
import { getKnowledgeBase, type KnowledgeBase } from './knowledge-base.ts';
import { withCacheKeys } from './cache-keys.ts';
import { inEveryLanguage, type KeyedPath } from './static-paths.ts';
import { localSummary } from './localised.ts';
import { FACETS, type FacetKey } from '../../knowledge/facets.ts';
import type { Language } from '../../model/languages.ts';
import type { Notice, NoticeSummary } from '../entries.ts';
import { FEED_SIZE, feedNotice, type FeedNotice } from '../feed.ts';
import { facetValueLabel } from '../i18n/labels.ts';

/** What the feed of a facet value holds: the value, its label and the newest notices with it. */
export interface FacetFeedProps {
  facet: FacetKey;
  value: string;
  /** The value's label in `lang` ("Methamphetamine", "Netherlands"). */
  label: string;
  /** At most FEED_SIZE, newest first, their prose in `lang`, only the fields a feed shows (`feedNotice`). */
  notices: FeedNotice[];
  lang: Language;
}

/** A notice as the feeds of `lang` show it: one object per notice and language, so its digest is computed once. */
const feedNotices = new WeakMap<NoticeSummary, FeedNotice>();
function localFeedNotice(kb: KnowledgeBase, n: Notice, lang: Language): FeedNotice {
  const summary = localSummary(kb, n, lang);
  let f = feedNotices.get(summary);
  if (!f) feedNotices.set(summary, (f = feedNotice(summary)));
  return f;
}

/** `/browse/<facet>/<value>/feed.xml`: the feed of each facet value this build has, in each language. */
export async function facetFeedStaticPaths(): Promise<
  Array<KeyedPath<{ facet: FacetKey; value: string; lang: string | undefined }, FacetFeedProps>>
> {
  const kb = await getKnowledgeBase();
  const paths = inEveryLanguage((lang) =>
    FACETS.flatMap((facet) =>
      (kb.facets.get(facet.key) ?? []).map((v) => ({
        params: { facet: facet.key, value: v.value },
        props: {
          facet: facet.key,
          value: v.value,
          label: facetValueLabel(facet, v, lang),
          notices: v.notices.slice(0, FEED_SIZE).map((n) => localFeedNotice(kb, n, lang)),
        },
      })),
    ),
  );
  return withCacheKeys(paths, kb.buildDigest);
}
