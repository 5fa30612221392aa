/**
 * The course schema (docs/content-model.md, "Course frontmatter"): a trainer's course made of ordered modules,
 * each linking notices as cases by id, with a role, a discussion prompt and an optional trainer note.
 * The MDX body of the course is its introduction.
 *
 * Only the shape of each case link is checked here; whether the notice exists, is not withdrawn and
 * is not marked above the course is checked across both collections (src/loading/checks/course-links.ts).
 */
import { z } from 'astro/zod';
import {
  blankIsMissing,
  dateOnly,
  describeYamlValue,
  fieldOrder,
  fields,
  list,
  nonEmptyList,
  noticeRef,
  optionalText,
  term,
  text,
} from './fields.ts';
import { tlpField, SUMMARY_MAX } from './notice.ts';
import { caseRoles, courseAudiences, courseLevels, languages } from './vocabularies.ts';
import { withKind } from './kinds.ts';

/** Longest course, in minutes (five full training days); anything longer is a typo. */
export const DURATION_MAX = 5 * 8 * 60;

/** One case of a module: a notice (by id), its role in the module, a discussion prompt, a note for the trainer. */
export function caseSchema() {
  return fields(
    {
      notice: noticeRef(),
      role: term(caseRoles),
      prompt: optionalText('a discussion prompt'),
      trainerNote: optionalText('a note for the trainer'),
    },
    'a case with a notice id and a role',
  );
}

/** One module: title, optional objectives and introduction, and at least one case. */
export function moduleSchema() {
  return fields(
    {
      title: text('a module title'),
      objectives: list(text('a learning objective')),
      intro: optionalText('an introduction to the module'),
      cases: nonEmptyList(caseSchema(), 'case (a notice linked by id)'),
    },
    'a module with a title and cases',
  );
}

/**
 * Builds the course frontmatter schema. `audience` accepts one value or a list (the CMS writes a
 * list) and is always a list after validation.
 */
export function courseSchema() {
  return fields({
    // The language the course is written in; translations are files beside it (src/model/translation.ts).
    language: blankIsMissing(term(languages).default('en')),
    title: text('a title'),
    summary: text('a summary').refine((s) => s.length <= SUMMARY_MAX, {
      error: (iss) =>
        `Summary is ${String(iss.input).length} characters; keep it to ${SUMMARY_MAX} or fewer (it is shown on the course list and in search results).`,
    }),
    audience: z.preprocess((v) => (typeof v === 'string' ? [v] : v), nonEmptyList(term(courseAudiences), 'audience')),
    level: term(courseLevels),
    durationMinutes: withKind(
      z
        .number({ error: (iss) => `Expected the duration in minutes as a whole number such as 90, got ${describeYamlValue(iss.input)}.` })
        .int({ message: 'Give the duration in whole minutes, e.g. 90.' })
        .min(1, { message: 'Duration must be at least 1 minute.' })
        .max(DURATION_MAX, { message: `Duration is over ${DURATION_MAX} minutes (five training days); give it in minutes, e.g. 90.` }),
      { kind: 'integer', min: 1, max: DURATION_MAX },
    ),
    tlp: tlpField(),
    published: dateOnly(),
    objectives: nonEmptyList(text('a learning objective'), 'learning objective'),
    modules: nonEmptyList(moduleSchema(), 'module'),
  });
}

/**
 * Key order of course frontmatter, and inside one module and one case of a module: the order of
 * each schema's fields (fieldOrder), which is the CMS field order the sample files keep (see tests).
 */
export const COURSE_FIELD_ORDER = fieldOrder(courseSchema());
export const MODULE_FIELD_ORDER = fieldOrder(moduleSchema());
export const CASE_FIELD_ORDER = fieldOrder(caseSchema());

/** Course frontmatter after validation. */
export type CourseData = z.output<ReturnType<typeof courseSchema>>;
/** One module and one case after validation. */
export type CourseModule = CourseData['modules'][number];
export type CourseCase = CourseModule['cases'][number];
