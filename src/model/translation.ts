/**
 * Translations of a notice's or a course's prose (docs/content-model.md, "Translations"). A notice is
 * written once, in its original language (`language`, English when absent), in `<slug>/index.mdx`; a
 * translation is a file beside it, `<slug>/index.<lang>.mdx`, holding only the prose: the facts (id,
 * marking, vocabularies, countries, dates, seizures, images, sources) are never repeated, so they cannot
 * drift apart. `translated` is the day the translation was last brought in line with the original: an
 * original updated after it makes the translation stale (shown with a notice saying so).
 *
 * Whether the counts and image files match the original is checked across files
 * (src/loading/checks/translations.ts), like course links.
 */
import { z } from 'astro/zod';
import { dateOnly, fields, list, nonEmptyList, optionalText, text } from './fields.ts';
import { SUMMARY_MAX } from './notice.ts';
import { isLanguage, type Language } from './languages.ts';

/** The file name of a translation and its language: `index.fr.mdx` → `fr`; undefined for any other name. */
export function translationLanguageOf(fileName: string): Language | undefined {
  const m = /^index\.([a-z]{2})\.mdx$/.exec(fileName);
  return m && isLanguage(m[1]) ? m[1] : undefined;
}

const summary = () =>
  text('a summary').refine((s) => s.length <= SUMMARY_MAX, {
    error: (iss) =>
      `Summary is ${String(iss.input).length} characters; keep it to ${SUMMARY_MAX} or fewer (it is shown on cards and in search results).`,
  });

/** The frontmatter of a notice translation: the notice's prose fields, in the original's order. */
export function noticeTranslationSchema() {
  return fields({
    translated: dateOnly(),
    title: text('a title'),
    summary: summary(),
    concealment: fields(
      { object: text('the object or place used for concealment'), placement: optionalText('where in the object the goods were placed') },
      'concealment with the object (and the placement when the original has one)',
    ),
    keywords: list(text('a keyword')),
    indicators: nonEmptyList(text('an indicator'), 'indicator'),
    recommendedActions: nonEmptyList(text('a recommended action'), 'recommended action'),
    images: list(
      fields(
        {
          src: text('the file name of the original’s image, as written there'),
          alt: text('alternative text describing the image for someone who cannot see it'),
          caption: optionalText('a caption'),
        },
        'an image with the src of the original’s image and its alt text',
      ),
    ),
  });
}

/** The frontmatter of a course translation: the course's prose, module by module and case by case. */
export function courseTranslationSchema() {
  return fields({
    translated: dateOnly(),
    title: text('a title'),
    summary: summary(),
    objectives: nonEmptyList(text('a learning objective'), 'learning objective'),
    modules: nonEmptyList(
      fields(
        {
          title: text('a module title'),
          objectives: list(text('a learning objective')),
          intro: optionalText('an introduction to the module'),
          cases: list(fields({ prompt: optionalText('a discussion prompt'), trainerNote: optionalText('a note for the trainer') })),
        },
        'a module with its title',
      ),
      'module',
    ),
  });
}

/** A notice translation after validation. */
export type NoticeTranslationData = z.output<ReturnType<typeof noticeTranslationSchema>>;
/** A course translation after validation. */
export type CourseTranslationData = z.output<ReturnType<typeof courseTranslationSchema>>;
