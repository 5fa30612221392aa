/**
 * Content collections of Modus, built from the schema in src/model (the single source of truth), the
 * loaders of src/loading/collections.ts and the settings MODUS_CONTENT_DIR, MODUS_AUDIENCE and
 * MODUS_IMAGE_MAX_PIXELS (read once by astro.config.mjs, handed over as `virtual:modus/settings`:
 * src/integrations/settings.ts).
 */
import { defineCollection } from 'astro:content';
import settings from 'virtual:modus/settings';
import { Handoff } from './loading/handoff.ts';
import { coursesLoader, noticesLoader, translationsLoader, type NoticeHandoff } from './loading/collections.ts';
import { noticeSchema } from './model/notice.ts';
import { courseSchema } from './model/course.ts';
import { imageRefField } from './model/images.ts';
import { courseTranslationSchema, noticeTranslationSchema } from './model/translation.ts';

/** Every notice (withheld ones included), handed to the course checks once the notices are loaded. */
const allNotices: NoticeHandoff = new Handoff();

const notices = defineCollection({ loader: noticesLoader(settings, allNotices), schema: noticeSchema(imageRefField) });

/** Every course (withheld ones included), handed to the checks of their translations. */
const allCourses: NoticeHandoff = new Handoff();

/** Courses for trainers (the folder may be absent); see src/loading/collections.ts `coursesLoader`. */
const courses = defineCollection({ loader: coursesLoader(settings, allNotices, allCourses), schema: courseSchema() });

/** Translations of notices' and courses' prose (`<slug>/index.<lang>.mdx`), following their original's marking. */
const noticeTranslations = defineCollection({
  loader: translationsLoader(settings, 'notice', allNotices, allNotices),
  schema: noticeTranslationSchema(),
});
const courseTranslations = defineCollection({
  loader: translationsLoader(settings, 'course', allCourses, allNotices),
  schema: courseTranslationSchema(),
});

export const collections = { notices, courses, noticeTranslations, courseTranslations };
