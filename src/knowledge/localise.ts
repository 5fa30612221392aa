/**
 * A notice or course as a page in one language shows it (docs/content-model.md, "Translations"): the
 * original's facts with the prose of its translation into that language when there is one, and what
 * the reader must be told: which language the prose is in, and whether it is the original, an
 * up-to-date translation, a translation older than the original's last update, or no translation yet
 * (the original is then shown, marked with its own language). Pure.
 */
import type { Language } from '../model/languages.ts';
import type { CourseTranslationData, NoticeTranslationData } from '../model/translation.ts';

/** How the prose of a page relates to the page's language. */
export type TranslationState = 'original' | 'translated' | 'stale' | 'missing';

/** Which language a page's prose is in, and why. */
export interface ProseLanguage {
  /** The language the prose shown is written in (the page's, or the original's when not translated yet). */
  lang: Language;
  /** The language the original is written in. */
  original: Language;
  state: TranslationState;
  /** For a stale translation: the day it was last in line with the original, and the original's last update. */
  translated?: string;
  updated?: string;
}

/** What localising needs of an original: its language and the day it was published or last updated (`YYYY-MM-DD`). */
interface Dated {
  language: Language;
  published: string;
  updated?: string;
}

/**
 * The language of a page's prose in `lang` for an original `o` and its translation into `lang` (if any).
 * A translation is stale when the original was updated after the translation's `translated` day.
 */
export function proseLanguage(o: Dated, lang: Language, translation?: { translated: string }): ProseLanguage {
  if (o.language === lang) return { lang, original: o.language, state: 'original' };
  if (!translation) return { lang: o.language, original: o.language, state: 'missing' };
  const updated = o.updated ?? o.published;
  return updated > translation.translated
    ? { lang, original: o.language, state: 'stale', translated: translation.translated, updated }
    : { lang, original: o.language, state: 'translated' };
}

/** The prose fields of a notice that a translation replaces (see src/model/translation.ts). */
interface NoticeProse {
  title: string;
  summary: string;
  concealment: { object: string; placement?: string };
  keywords: string[];
  indicators: string[];
  recommendedActions: string[];
  images: Array<{ src: unknown; alt: string; caption?: string }>;
}

/**
 * A notice's frontmatter with the prose of `tr` (a translation of it), facts unchanged. Images are matched
 * by file name: an image the translation does not cover (withheld for this build, or not yet checked)
 * keeps the original's words. `srcName` gives an image's file name as the translation writes it.
 */
export function localiseNotice<D extends NoticeProse>(d: D, tr: NoticeTranslationData | undefined, srcName: (src: unknown) => string): D {
  if (!tr) return d;
  const images = new Map(tr.images.map((img) => [img.src, img]));
  return {
    ...d,
    title: tr.title,
    summary: tr.summary,
    concealment: { ...d.concealment, object: tr.concealment.object, placement: tr.concealment.placement ?? d.concealment.placement },
    keywords: tr.keywords.length > 0 ? tr.keywords : d.keywords,
    indicators: tr.indicators,
    recommendedActions: tr.recommendedActions,
    images: d.images.map((img) => {
      const t = images.get(srcName(img.src));
      return t ? { ...img, alt: t.alt, caption: t.caption ?? img.caption } : img;
    }),
  };
}

/** The prose fields of a course that a translation replaces. */
interface CourseProse {
  title: string;
  summary: string;
  objectives: string[];
  modules: Array<{ title: string; objectives: string[]; intro?: string; cases: Array<{ prompt?: string; trainerNote?: string }> }>;
}

/** A course's frontmatter with the prose of `tr` (a translation of it), module by module and case by case. */
export function localiseCourse<D extends CourseProse>(d: D, tr: CourseTranslationData | undefined): D {
  if (!tr) return d;
  return {
    ...d,
    title: tr.title,
    summary: tr.summary,
    objectives: tr.objectives,
    modules: d.modules.map((m, i) => {
      const tm = tr.modules[i];
      if (!tm) return m;
      return {
        ...m,
        title: tm.title,
        objectives: tm.objectives.length > 0 ? tm.objectives : m.objectives,
        intro: tm.intro ?? m.intro,
        cases: m.cases.map((c, j) => ({
          ...c,
          prompt: tm.cases[j]?.prompt ?? c.prompt,
          trainerNote: tm.cases[j]?.trainerNote ?? c.trainerNote,
        })),
      };
    }),
  };
}
