/**
 * Content collections of Modus, built from the schema in src/schema (the single source of truth)
 * and the content folder setting MODUS_CONTENT_DIR.
 */
import path from 'node:path';
import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { checkedGlob, type LoadedEntry } from './loaders/checked-glob.ts';
import { Handoff } from './loaders/handoff.ts';
import { noticeSchema } from './schema/notice.ts';
import { courseSchema, type CourseData } from './schema/course.ts';
import { checkNoticeReferences } from './lib/references.ts';
import { checkCourseLinks, type LinkableNotice } from './lib/course-links.ts';
import { readSettings } from './settings.ts';
import { audienceMaySee, type Tlp } from './schema/tlp.ts';

const settings = readSettings();

/** Every notice (whatever the audience), handed to the course checks once the notices passed theirs. */
const allNotices = new Handoff<LoadedEntry[] | undefined>();

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
    publish: allNotices,
    // A notice above the build's audience is absent from everything, its images included (DESIGN.md).
    keep: (data) => audienceMaySee(settings.audience, data.tlp as Tlp),
  }),
  schema: ({ image }) => noticeSchema(image),
});

/**
 * Courses for trainers: `<contentDir>/courses/<slug>/index.mdx`; the folder may be absent. Every case
 * link is checked against every notice (field case F7: missing, differently cased, withdrawn; marking
 * at least that of the linked notices), so each audience's build fails alike. A course above the
 * build's audience is withheld whole; its marking rule means a kept course never links a withheld notice.
 */
const courses = defineCollection({
  loader: checkedGlob({
    base: path.join(settings.contentDir, 'courses'),
    plainSchema: courseSchema(),
    optional: true,
    checkCollection: async (entries, warn) => {
      const noticeEntries = await allNotices.get();
      if (!noticeEntries) return []; // the notices have problems of their own, reported by their loader
      const report = checkCourseLinks(
        entries.map((e) => ({ file: e.file, ...(e.data as CourseData) })),
        noticeEntries.map((n) => n.data as unknown as LinkableNotice),
      );
      for (const w of report.warnings) warn(`${w.file} ${w.field}: ${w.message}`);
      return report.problems;
    },
    keep: (data) => audienceMaySee(settings.audience, data.tlp as Tlp),
  }),
  schema: courseSchema(),
});

export const collections = { notices, courses };
