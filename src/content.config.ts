/**
 * Content collections of Modus, built from the schema in src/model (the single source of truth)
 * and the settings MODUS_CONTENT_DIR, MODUS_AUDIENCE and MODUS_IMAGE_MAX_PIXELS (read once by
 * astro.config.mjs, handed over as `virtual:modus/settings`: src/integrations/settings.ts).
 */
import path from 'node:path';
import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { checkedGlob } from './loading/loader/checked-glob.ts';
import type { LoadedEntry } from './loading/loader/options.ts';
import { Handoff } from './loading/handoff.ts';
import { noticeSchema } from './model/notice.ts';
import { courseSchema } from './model/course.ts';
import type { Tlp } from './model/tlp.ts';
import { checkNoticeReferences } from './loading/checks/references.ts';
import { audienceView, imageVisibleTo } from './loading/audience.ts';
import { imageRefField, imageSrcPath } from './model/images.ts';
import { mentionProblems } from './loading/checks/marking-checks.ts';
import { checkCourseLinks, courseProse, type CourseLinks, type LinkableNotice } from './loading/checks/course-links.ts';
import { proseBody } from './loading/body/mdx-escape.ts';
import settings from 'virtual:modus/settings';

/** Every notice (withheld ones included), handed to the course checks once the notices are loaded. */
const allNotices = new Handoff<LoadedEntry[] | undefined>();

const notices = defineCollection({
  loader: checkedGlob({
    base: path.join(settings.contentDir, 'notices'),
    plainSchema: noticeSchema(() => z.string()),
    imageFields: (data) =>
      ((data.images as Array<{ src: unknown }>) ?? []).map((img, i) => ({ field: `images[${i}].src`, src: imageSrcPath(img.src) })),
    imageMaxPixels: settings.imageMaxPixels,
    // Only the images this audience may see get their content id and variants (src/loading/images/image-cache.ts).
    fillImages: (data, refOf) => ({
      ...data,
      images: (data.images as Array<{ src: unknown; tlp?: Tlp }>).map((img) =>
        imageVisibleTo(settings.audience, img) ? { ...img, src: refOf(imageSrcPath(img.src)) } : img,
      ),
    }),
    // What is checked and rendered: the body with what MDX cannot read repaired in memory (F8, see
    // src/loading/body/mdx-escape.ts); the file is never rewritten.
    prepareBody: proseBody,
    // Notices (and images) above the build's audience are checked, then never stored.
    forAudience: { key: settings.audience, view: (parsed, plain) => audienceView(parsed, plain, settings.audience) },
    checkCollection: (entries) => {
      const valid = entries.filter((e) => e.valid);
      // An invalid notice still counts with its id (when it has a readable one), so links to it are
      // not reported as missing; its own links are checked once its fields are valid.
      const invalidWithId = entries.filter((e) => !e.valid && typeof e.data.id === 'string');
      return [
        ...checkNoticeReferences([
          ...valid.map((e) => ({
            file: e.file,
            slug: e.slug,
            id: e.data.id as string,
            related: (e.data.related as string[]) ?? [],
            supersededBy: e.data.supersededBy as string | undefined,
            aliases: (e.data.aliases as string[]) ?? [],
          })),
          ...invalidWithId.map((e) => ({ file: e.file, slug: e.slug, id: e.data.id as string, related: [], aliases: [] })),
        ]),
        ...mentionProblems(valid, new Map(valid.map((e) => [String(e.data.id).toUpperCase(), e.data.tlp as Tlp]))),
      ];
    },
    publish: allNotices,
  }),
  schema: noticeSchema(imageRefField),
});

/**
 * Courses for trainers: `<contentDir>/courses/<slug>/index.mdx`; the folder may be absent. Every case
 * link is checked against every notice, whatever the audience (field case F7: missing, differently
 * cased, withdrawn; a course marked at least as high as the notices it links or names). A course above
 * the build's audience is withheld whole; by the marking rule a kept course never links a withheld notice.
 */
const courses = defineCollection({
  loader: checkedGlob({
    base: path.join(settings.contentDir, 'courses'),
    plainSchema: courseSchema(),
    optional: true,
    // The course introduction is written in the CMS like a notice body (field case F8).
    prepareBody: proseBody,
    forAudience: { key: settings.audience, view: (parsed, plain) => audienceView(parsed, plain, settings.audience) },
    checkCollection: async (entries, warn) => {
      const noticeEntries = await allNotices.get();
      if (!noticeEntries) return []; // the notices have problems of their own, reported by their loader
      const report = checkCourseLinks(
        entries
          .filter((e) => e.valid)
          .map((e) => ({ ...(e.data as unknown as CourseLinks), file: e.file, prose: courseProse(e.data, e.body, e.bodyLine) })),
        noticeEntries.map((n) => n.data as unknown as LinkableNotice),
      );
      for (const w of report.warnings) warn(`${w.file} ${w.field}: ${w.message}`);
      return report.problems;
    },
  }),
  schema: courseSchema(),
});

export const collections = { notices, courses };
