/**
 * Content collections of Modus, built from the schema in src/schema (the single source of truth)
 * and the content folder setting MODUS_CONTENT_DIR.
 */
import path from 'node:path';
import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { checkedGlob } from './loaders/checked-glob.ts';
import { noticeSchema } from './schema/notice.ts';
import { courseSchema } from './schema/course.ts';
import { checkNoticeReferences } from './lib/references.ts';
import { readSettings } from './settings.ts';

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
  }),
  schema: ({ image }) => noticeSchema(image),
});

/**
 * Courses for trainers: `<contentDir>/courses/<slug>/index.mdx`; the folder may be absent.
 * Their case links are checked against the notices once per build in src/lib/kb.ts (both collections
 * are needed, and Astro loads collections in parallel).
 */
const courses = defineCollection({
  loader: checkedGlob({
    base: path.join(settings.contentDir, 'courses'),
    plainSchema: courseSchema(),
    optional: true,
  }),
  schema: courseSchema(),
});

export const collections = { notices, courses };
