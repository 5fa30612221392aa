/**
 * The loaders of Modus's two collections, notices and courses: the checked content loader
 * (src/loading/loader/) with each collection's schema, image fields, body preparation, audience filter
 * and collection checks. src/content.config.ts defines the collections with them; the loader tests
 * run them in-process. Settings are passed in (read once by the composition root).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Loader } from 'astro/loaders';
import { z } from 'astro/zod';
import { courseSchema } from '../model/course.ts';
import { imageSrcPath } from '../model/images.ts';
import { draftSchema, isDraft } from '../model/draft.ts';
import { noticeSchema } from '../model/notice.ts';
import { audienceMaySee, type Audience, type Tlp } from '../model/tlp.ts';
import { courseTranslationSchema, noticeTranslationSchema, translationLanguageOf } from '../model/translation.ts';
import { checkTranslations, imageName, misnamedTranslations, type OriginalFile } from './checks/translations.ts';
import { displayPath } from './loader/entry-paths.ts';
import { audienceView, imageVisibleTo } from './audience.ts';
import { proseBody } from './body/mdx-escape.ts';
import { checkCourseLinks, courseProse, type CourseLinks, type LinkableNotice } from './checks/course-links.ts';
import { mentionProblems } from './checks/marking-checks.ts';
import { checkNoticeReferences } from './checks/references.ts';
import { draftLinkProblems, draftMentionProblems } from './checks/draft-links.ts';
import type { Handoff } from './handoff.ts';
import { checkedGlob } from './loader/checked-glob.ts';
import type { LoadedEntry } from './loader/options.ts';

/** What the loaders need of the settings (src/settings.ts). */
export interface LoaderSettings {
  /** Absolute folder holding notices/ and courses/. */
  contentDir: string;
  /** The build's audience: what is above it is checked, then never stored. */
  audience: Audience;
  /** Largest image accepted, in pixels. */
  imageMaxPixels: number;
}

/** Every notice (withheld ones included), handed from the notices' loader to the course checks. */
export type NoticeHandoff = Handoff<LoadedEntry[] | undefined>;

/**
 * The notices' loader: `<contentDir>/notices/<slug>/index.mdx`. Publishes every notice to `allNotices`
 * for the course checks.
 */
export function noticesLoader(settings: LoaderSettings, allNotices: NoticeHandoff): Loader {
  return checkedGlob({
    base: path.join(settings.contentDir, 'notices'),
    plainSchema: noticeSchema(() => z.string()),
    // A draft (an import waiting for an editor) is checked with the draft schema, then built into no audience.
    drafts: { is: isDraft, schema: draftSchema(() => z.string()) },
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
    // Notices (and images) above the build's audience, and drafts, are checked, then never stored.
    forAudience: {
      key: settings.audience,
      view: (parsed, plain) => (isDraft(plain) ? null : audienceView(parsed, plain, settings.audience)),
    },
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
        ...draftLinkProblems(valid),
        ...draftMentionProblems(valid),
      ];
    },
    publish: allNotices,
  });
}

/**
 * The courses' loader, for trainers: `<contentDir>/courses/<slug>/index.mdx`; the folder may be absent.
 * Every case link is checked against every notice (from `allNotices`), whatever the audience (field
 * case F7: missing, differently cased, withdrawn; a course marked at least as high as the notices it
 * links or names). A course above the build's audience is withheld whole; by the marking rule a kept
 * course never links a withheld notice.
 */
export function coursesLoader(settings: LoaderSettings, allNotices: NoticeHandoff, allCourses?: NoticeHandoff): Loader {
  return checkedGlob({
    publish: allCourses,
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
  });
}

/** True when some folder under `base` holds a file named like a translation (`index.<…>.mdx`, misnamed ones included: they are reported). */
function hasTranslationFiles(base: string): boolean {
  if (!fs.existsSync(base)) return false;
  return fs
    .readdirSync(base, { withFileTypes: true })
    .some((d) => d.isDirectory() && fs.readdirSync(path.join(base, d.name)).some((f) => /^index\..+\.mdx?$/i.test(f)));
}

/** Today's date in UTC (`YYYY-MM-DD`): a translation cannot have been brought in line with its original after it. */
const todayUtc = () => new Date().toISOString().slice(0, 10);

/** The id of a translation entry: `<slug>/<lang>` (`meth-in-x/index.fr.mdx` → `meth-in-x/fr`). */
export function translationId(entry: string): string {
  const [slug, file] = entry.split('/');
  return `${slug}/${translationLanguageOf(file ?? '') ?? file}`;
}

/**
 * The loader of a collection's translations, `<contentDir>/<folder>/<slug>/index.<ar|en|es|fr>.mdx`
 * (src/model/translation.ts). A translation follows its original's marking: it is checked whatever the
 * audience, then stored only when this build's audience may see the original, and only the alt text and
 * captions of the images this audience may see are kept. Waits for the originals (`originals`, published
 * by their loader) before reading, so it knows their markings.
 */
export function translationsLoader(
  settings: LoaderSettings,
  kind: 'notice' | 'course',
  originals: NoticeHandoff,
  allNotices: NoticeHandoff,
): Loader {
  let bySlug = new Map<string, OriginalFile>();
  const base = path.join(settings.contentDir, kind === 'notice' ? 'notices' : 'courses');
  const originalOf = (id: string) => bySlug.get(id.split('/')[0] ?? '');
  const inner = checkedGlob({
    base,
    pattern: '*/index.{ar,en,es,fr}.mdx',
    generateId: ({ entry }) => translationId(entry),
    plainSchema: kind === 'notice' ? noticeTranslationSchema() : courseTranslationSchema(),
    optional: true,
    prepareBody: proseBody,
    forAudience: {
      key: settings.audience,
      view: (parsed, _plain, id) => {
        const o = originalOf(id)?.data;
        const tlp = o?.tlp as Tlp | undefined;
        // A draft's translations are withheld with it.
        if (!o || isDraft(o) || !tlp || !audienceMaySee(settings.audience, tlp)) return null;
        if (!Array.isArray(parsed.images)) return parsed;
        const withheld = new Set(
          ((o.images as Array<{ src: unknown; tlp?: Tlp }>) ?? [])
            .filter((img) => !imageVisibleTo(settings.audience, img))
            .map((img) => imageName(img.src)),
        );
        return { ...parsed, images: (parsed.images as Array<{ src: string }>).filter((img) => !withheld.has(imageName(img.src))) };
      },
    },
    checkCollection: async (entries) => {
      const notices = await allNotices.get();
      if (!notices) return []; // the notices have problems of their own, reported by their loader
      const markingOf = new Map(notices.map((n) => [String(n.data.id).toUpperCase(), n.data.tlp as Tlp]));
      return [
        ...checkTranslations(
          kind,
          entries.map((e) => ({ ...e, slug: e.slug.split('/')[0] ?? '', lang: e.slug.split('/')[1] ?? '' })),
          bySlug,
          markingOf,
          todayUtc(),
        ),
        ...misnamedTranslations(base, (file) => displayPath(process.cwd(), file)),
      ];
    },
  });
  return {
    name: `modus-${kind}-translations`,
    load: async (ctx) => {
      const loaded = await originals.get();
      bySlug = new Map((loaded ?? []).map((e) => [e.slug, { file: e.file, data: e.data, valid: e.valid }]));
      // A content folder without any translation is normal: an empty collection, without the glob's warning.
      if (!hasTranslationFiles(base)) {
        ctx.store.clear();
        return;
      }
      await inner.load(ctx);
    },
  };
}
