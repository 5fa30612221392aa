/** `/feed.xml`: RSS feed of the latest notices of this build (src/render/feed.ts). */
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { getKnowledgeBase } from '../render/data/knowledge-base.ts';
import { feedItems } from '../render/feed.ts';
import { t } from '../render/i18n/ui.ts';

export async function GET(context: APIContext) {
  const kb = await getKnowledgeBase();
  return rss({
    title: t('feed.title'),
    description: t('feed.description'),
    site: context.site!,
    items: feedItems(kb.notices),
    trailingSlash: true,
    customData: '<language>en</language>',
  });
}
