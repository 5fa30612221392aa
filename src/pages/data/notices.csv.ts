/**
 * `/data/notices.csv`: every notice of this build's audience as one CSV row (docs/exchange/csv.md), made
 * from the build's knowledge base: only the notices it holds and only the images it may show of each
 * (`shownImages`). One file for the whole build, made again on every build.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { APIContext } from 'astro';
import settings from 'virtual:modus/settings';
import { getKnowledgeBase } from '../../render/data/knowledge-base.ts';
import { noticesCsv } from '../../exchange/csv/write-csv.ts';
import { splitEntry } from '../../loading/frontmatter.ts';

export async function GET(context: APIContext) {
  const kb = await getKnowledgeBase();
  // The content collection keeps no bodies (they are stored rendered): read each from its file, as written.
  const notices = await Promise.all(
    kb.notices.map(async (n) => ({
      slug: n.id,
      data: n.data,
      shownImages: kb.shownImages.get(n.data.id) ?? [],
      body: splitEntry(await fs.readFile(path.join(settings.contentDir, 'notices', n.id, 'index.mdx'), 'utf8')).body,
    })),
  );
  return new Response(noticesCsv(notices, context.site ?? settings.siteUrl), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
}
