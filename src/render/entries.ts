/**
 * The content entries the render layer shows (types only): what pages gather from the knowledge base
 * (src/render/data/) and pass to components and layouts as props.
 */
import type { CollectionEntry } from 'astro:content';
import type { Language } from '../model/languages.ts';

/** A notice entry of the content collection. */
export type Notice = CollectionEntry<'notices'>;
/** A course entry of the content collection. */
export type Course = CollectionEntry<'courses'>;
/** A translation of a notice's prose (id `<slug>/<lang>`: src/model/translation.ts). */
export type NoticeTranslation = CollectionEntry<'noticeTranslations'>;
/** A translation of a course's prose (id `<slug>/<lang>`). */
export type CourseTranslation = CollectionEntry<'courseTranslations'>;
/** An image of a notice (its `src` is an `ImageRef` filled by the content loader: src/loading/images/image-variants.ts). */
export type NoticeImage = Notice['data']['images'][number];
/** Notice id → the images a card may show of it, the first being its thumbnail (the knowledge base's `shownImages`). */
export type ShownImages = ReadonlyMap<string, readonly NoticeImage[]>;
/**
 * A notice as a card shows it (lists, related and similar notices, course cases): its slug and
 * frontmatter, without its body, so a page of cards is not made again when only a body changed.
 */
export type NoticeSummary = Pick<Notice, 'id' | 'data'> & {
  /** The language its prose is in, when not the page's (no translation yet): cards mark it with `lang`. */
  lang?: Language;
};
/** A course as a link to it shows it ("Used in courses"): its slug and title. */
export interface CourseSummary {
  id: string;
  data: Pick<Course['data'], 'title'>;
  /** The language its title is in, when not the page's (no translation yet). */
  lang?: Language;
}
