/** `/feed.xml`, `/fr/feed.xml`, …: RSS feed of the latest notices of this build, in each language (src/render/feed.ts). */
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { getKnowledgeBase } from '../../render/data/knowledge-base.ts';
import { localNotice } from '../../render/data/localised.ts';
import { languageStaticPaths } from '../../render/data/static-paths.ts';
import { feedItems } from '../../render/feed.ts';
import { homeUrl } from '../../knowledge/urls.ts';
import { t, type Lang } from '../../render/i18n/ui.ts';

export const getStaticPaths = languageStaticPaths;

export async function GET(context: APIContext<{ lang: Lang }>) {
  const { lang } = context.props;
  const kb = await getKnowledgeBase();
  return rss({
    title: t('feed.title', {}, lang),
    description: t('feed.description', {}, lang),
    // The channel links to the home page of its language; item links are absolute paths, joined to the host.
    site: new URL(homeUrl(lang), context.site).href,
    items: feedItems(
      kb.notices.map((n) => ({ id: n.id, data: localNotice(kb, n, lang).data })),
      lang,
    ),
    trailingSlash: true,
    customData: `<language>${lang}</language>`,
  });
}
