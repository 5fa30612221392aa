/**
 * `/data/notices.csv`: every notice of this build's audience as one CSV row (docs/exchange/csv.md), made
 * from the build's knowledge base: only the notices it holds and only the images it may show of each
 * (`shownImages`). One file for the whole build, made again on every build.
 */
import type { APIContext } from 'astro';
import settings from 'virtual:modus/settings';
import { getKnowledgeBase } from '../../render/data/knowledge-base.ts';
import { noticesCsv } from '../../exchange/csv/write-csv.ts';
import { bodyOf } from '../../render/data/entry-bodies.ts';

export async function GET(context: APIContext) {
  const kb = await getKnowledgeBase();
  // The content collection keeps no bodies (they are stored rendered): read each from its file, as written.
  const notices = kb.notices.map((n) => ({ slug: n.id, data: n.data, shownImages: kb.shownImages.get(n.data.id) ?? [], body: bodyOf(n) }));
  return new Response(noticesCsv(notices, context.site ?? settings.siteUrl), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
}
