/**
 * What the CMS course form says about each course field: its label and a hint in plain language for
 * trainers, keyed by the field's dotted path in the course schema (list items not counted:
 * `modules.cases.notice`). Structure, required/optional, defaults and allowed values are NOT here:
 * they come from src/model/course.ts through src/cms/node/config.ts, like the notice form's. A unit test
 * checks that every course schema field has an entry here and nothing is left over.
 */

import type { FieldText } from './field-text.ts';

/** Labels and hints of the course form, in the order of COURSE_FIELD_ORDER, then module and case fields. */
export const COURSE_FIELD_TEXT: Readonly<Record<string, FieldText>> = {
  language: {
    label: 'Language of the course',
    hint: 'The language this course is written in. Its translations into the other languages are separate files, edited under "Courses · French translations" and the like.',
  },
  title: {
    label: 'Title',
    hint: 'What the course teaches, in a few words, e.g. "Concealment in manufactured goods".',
  },
  summary: {
    label: 'Summary',
    hint: 'Two or three sentences, at most 400 characters: shown on the course list and in search results.',
    multiline: true,
  },
  audience: {
    label: 'Audience',
    hint: 'Who the course is for. Choose one or more.',
  },
  level: {
    label: 'Level',
    hint: 'Introductory for officers new to the methods; intermediate or advanced for those who search or investigate.',
  },
  durationMinutes: {
    label: 'Duration (minutes)',
    hint: 'Teaching time in whole minutes, e.g. 90 for an hour and a half.',
  },
  tlp: {
    label: 'Marking (TLP)',
    hint: 'At least the highest marking of the notices the course links: a course linking a GREEN notice must be GREEN or higher. The build checks this.',
  },
  published: {
    label: 'Published',
    hint: 'The day the course was first published. A date only; no time zone applies.',
  },
  objectives: {
    label: 'Learning objectives',
    hint: 'What trainees can do after the course, one per line, starting with a verb ("Recognise…", "Choose…").',
    itemLabel: 'Objective',
  },
  modules: {
    label: 'Modules',
    hint: 'The course in order. Drag to reorder. Each module links notices as cases.',
    summary: '{{fields.title}}',
  },
  'modules.title': {
    label: 'Module title',
    hint: 'The method or theme of the module, e.g. "Below the waterline: sea chests".',
  },
  'modules.objectives': {
    label: 'Module objectives',
    hint: 'Optional: what this module adds, one per line.',
    itemLabel: 'Objective',
  },
  'modules.intro': {
    label: 'Module introduction',
    hint: 'Optional: a short paragraph read before the cases.',
    multiline: true,
  },
  'modules.cases': {
    label: 'Cases',
    hint: 'Notices discussed in this module, in order. Each notice once per module.',
    summary: '{{fields.role}}: {{fields.notice}}',
  },
  'modules.cases.notice': {
    label: 'Notice',
    hint: 'Type part of the notice title or its id. The course links the notice by id, so its link holds when the notice is renamed or moved. Withdrawn notices cannot be linked.',
  },
  'modules.cases.role': {
    label: 'Role',
    hint: 'Primary: the case the module is built on. Comparison: the same idea in other goods or routes. Background: context.',
  },
  'modules.cases.prompt': {
    label: 'Discussion prompt',
    hint: 'Optional: the question trainees discuss. Printed in the handout with room for notes.',
    multiline: true,
  },
  'modules.cases.trainerNote': {
    label: 'Trainer note',
    hint: 'Optional: a note for the trainer only (props to bring, points to raise). Shown on the course page, left out of the handout.',
    multiline: true,
  },
};

/** The course body (MDX): the introduction. */
export const COURSE_BODY_TEXT: FieldText = {
  label: 'Introduction',
  hint: 'The course introduction: how it is run, what trainees need, how long each module takes. Write plain text; characters such as < { } are shown as typed.',
};
