/**
 * Content collections of Modus, built from the schema in src/schema (the single source of truth)
 * and the content folder setting MODUS_CONTENT_DIR.
 */
import path from 'node:path';
import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { checkedGlob } from './loaders/checked-glob.ts';
import { noticeSchema } from './schema/notice.ts';
import { checkNoticeReferences } from './lib/references.ts';
import { readSettings } from './settings.ts';
import { audienceMaySee, type Tlp } from './schema/tlp.ts';

const settings = readSettings();

const notices = defineCollection({
  loader: checkedGlob({
    base: path.join(settings.contentDir, 'notices'),
    plainSchema: noticeSchema(() => z.string()),
    imageFields: (data) =>
      ((data.images as Array<{ src: unknown }>) ?? []).map((img, i) => ({ field: `images[${i}].src`, src: String(img.src) })),
    checkCollection: (entries) =>
      checkNoticeReferences(
        entries.map((e) => ({
          file: e.file,
          slug: e.slug,
          id: e.data.id as string,
          related: (e.data.related as string[]) ?? [],
          supersededBy: e.data.supersededBy as string | undefined,
          aliases: (e.data.aliases as string[]) ?? [],
        })),
      ),
    // A notice above the build's audience is absent from everything, its images included (DESIGN.md).
    keep: (data) => audienceMaySee(settings.audience, data.tlp as Tlp),
  }),
  schema: ({ image }) => noticeSchema(image),
});

export const collections = { notices };
