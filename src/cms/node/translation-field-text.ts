/**
 * What the CMS translation forms say about each field of a translation (src/model/translation.ts): its
 * label and a hint for translators, keyed by the field's dotted path in the translation schema (list items
 * not counted). Labels are in English, like every label of the generated config: Decap takes one label
 * per field. A unit test checks that every field of both translation schemas has an entry here and that
 * nothing here is left over.
 */
import type { FieldText } from './field-text.ts';

/** The day the translation was brought in line with its original, in both forms. */
const TRANSLATED: FieldText = {
  label: 'Translated on',
  hint: 'The day this translation was last brought in line with the original. Set it to today when you have checked the whole translation against the original; an original updated after this day shows the translation as out of date.',
};

/** Labels and hints of the notice translation form, in the order of the translation schema. */
export const NOTICE_TRANSLATION_TEXT: Readonly<Record<string, FieldText>> = {
  translated: TRANSLATED,
  title: {
    label: 'Title',
    hint: 'The original’s title in this language: what was hidden, in what. The preview on the right shows the original beside your text.',
  },
  summary: {
    label: 'Summary',
    hint: 'Two or three sentences, at most 400 characters, as an officer of this language would write them.',
    multiline: true,
  },
  concealment: {
    label: 'Concealment',
    hint: 'Only the words; the category is the original’s.',
  },
  'concealment.object': {
    label: 'Object or place used',
    hint: 'What the goods were hidden in or disguised as.',
  },
  'concealment.placement': {
    label: 'Placement',
    hint: 'Only when the original has a placement; leave empty otherwise.',
  },
  keywords: {
    label: 'Keywords',
    hint: 'Words an officer of this language would search for: local and street names. Any number, one per item; not a translation of the original’s.',
    itemLabel: 'Keyword',
  },
  indicators: {
    label: 'Indicators',
    hint: 'One per indicator of the original, in the same order.',
    multiline: true,
    itemLabel: 'Indicator',
  },
  recommendedActions: {
    label: 'Recommended actions',
    hint: 'One per recommended action of the original, in the same order.',
    multiline: true,
    itemLabel: 'Action',
  },
  images: {
    label: 'Images',
    hint: 'One per image of the original, in the same order: its text alternative and caption in this language. The image itself is the original’s.',
    summary: '{{fields.src}}: {{fields.alt}}',
    itemLabel: 'Image',
  },
  'images.src': {
    label: 'Image file',
    hint: 'The original’s image, copied when you save; it cannot be changed here.',
  },
  'images.alt': {
    label: 'Text alternative',
    hint: 'What the image shows, for someone who cannot see it.',
    multiline: true,
  },
  'images.caption': {
    label: 'Caption',
    hint: 'Only when the original’s image has a caption; leave empty otherwise.',
  },
};

/** Labels and hints of the course translation form, in the order of the translation schema. */
export const COURSE_TRANSLATION_TEXT: Readonly<Record<string, FieldText>> = {
  translated: TRANSLATED,
  title: {
    label: 'Title',
    hint: 'The original’s title in this language. The preview on the right shows the original beside your text.',
  },
  summary: {
    label: 'Summary',
    hint: 'Two or three sentences, at most 400 characters.',
    multiline: true,
  },
  objectives: {
    label: 'Learning objectives',
    hint: 'One per objective of the original, in the same order.',
    itemLabel: 'Objective',
  },
  modules: {
    label: 'Modules',
    hint: 'One per module of the original, in the same order.',
    summary: '{{fields.title}}',
    itemLabel: 'Module',
  },
  'modules.title': {
    label: 'Module title',
    hint: 'The module’s title in this language.',
  },
  'modules.objectives': {
    label: 'Module objectives',
    hint: 'One per objective of the original module, in the same order; none when it has none.',
    itemLabel: 'Objective',
  },
  'modules.intro': {
    label: 'Module introduction',
    hint: 'Only when the original module has one.',
    multiline: true,
  },
  'modules.cases': {
    label: 'Cases',
    hint: 'One per case of the original module, in the same order. The notice and role are the original’s.',
    summary: '{{fields.prompt}}',
    itemLabel: 'Case',
  },
  'modules.cases.prompt': {
    label: 'Discussion prompt',
    hint: 'Only when the original case has one.',
    multiline: true,
  },
  'modules.cases.trainerNote': {
    label: 'Trainer note',
    hint: 'Only when the original case has one.',
    multiline: true,
  },
};

/** The body of a translation: the original's body in this language. */
export const TRANSLATION_BODY_TEXT: FieldText = {
  label: 'Body',
  hint: 'The original’s text in this language: the same headings and paragraphs, call-outs included. Notice ids, codes, quantities and operation names stay as written.',
};
