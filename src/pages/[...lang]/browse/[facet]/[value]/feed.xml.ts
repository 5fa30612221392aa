/**
 * `/browse/<facet>/<value>/feed.xml`, `/fr/browse/…/feed.xml`, …: the RSS feed of the newest notices with one
 * facet value, to follow a subject (src/render/feed.ts), linked from the value's browse page. Shows its props only.
 */
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { facetFeedStaticPaths, type FacetFeedProps } from '../../../../../render/data/feed-paths.ts';
import { facetValueUrl } from '../../../../../knowledge/urls.ts';
import { facetLabel } from '../../../../../render/facet-labels.ts';
import { feedItems, subjectFeedChannel } from '../../../../../render/feed.ts';

export const getStaticPaths = facetFeedStaticPaths;
type Props = FacetFeedProps;

export function GET(context: APIContext<Props>) {
  const { facet, value, label, notices, lang } = context.props;
  const { title, description } = subjectFeedChannel(facetLabel(facet, lang), label, lang);
  return rss({
    title,
    description,
    // The channel links to the value's browse page in its language; item links are absolute paths, joined to the host.
    site: new URL(facetValueUrl(facet, value, 1, lang), context.site).href,
    items: feedItems(notices, lang),
    trailingSlash: true,
    customData: `<language>${lang}</language>`,
  });
}
