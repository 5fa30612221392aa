/**
 * Content collections of Modus, built from the schema in src/schema (the single source of truth)
 * and the settings MODUS_CONTENT_DIR, MODUS_AUDIENCE and MODUS_IMAGE_MAX_PIXELS.
 */
import path from 'node:path';
import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { checkedGlob } from './loaders/checked-glob.ts';
import { noticeSchema } from './schema/notice.ts';
import type { Tlp } from './schema/tlp.ts';
import { checkNoticeReferences } from './lib/references.ts';
import { audienceView } from './lib/audience.ts';
import { mentionProblems } from './lib/marking-checks.ts';
import { escapeMdxProse } from './lib/mdx-escape.ts';
import { readSettings } from './settings.ts';

const settings = readSettings();

const notices = defineCollection({
  loader: checkedGlob({
    base: path.join(settings.contentDir, 'notices'),
    plainSchema: noticeSchema(() => z.string()),
    imageFields: (data) =>
      ((data.images as Array<{ src: unknown }>) ?? []).map((img, i) => ({ field: `images[${i}].src`, src: String(img.src) })),
    imageMaxPixels: settings.imageMaxPixels,
    // What MDX will compile: the body with what MDX cannot read repaired in memory (F8, see
    // src/integrations/literal-prose.ts); the body policy checks that text.
    prepareBody: escapeMdxProse,
    // Notices (and images) above the build's audience are checked, then never stored.
    forAudience: { key: settings.audience, view: (parsed, plain) => audienceView(parsed, plain, settings.audience) },
    checkCollection: (entries) => [
      ...checkNoticeReferences(
        entries.map((e) => ({
          file: e.file,
          slug: e.slug,
          id: e.data.id as string,
          related: (e.data.related as string[]) ?? [],
          supersededBy: e.data.supersededBy as string | undefined,
          aliases: (e.data.aliases as string[]) ?? [],
        })),
      ),
      ...mentionProblems(entries, new Map(entries.map((e) => [String(e.data.id).toUpperCase(), e.data.tlp as Tlp]))),
    ],
  }),
  schema: ({ image }) => noticeSchema(image),
});

export const collections = { notices };
