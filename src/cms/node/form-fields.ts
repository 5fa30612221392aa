/**
 * The fields of the generated Decap forms: the Decap field of each schema field (recursing into objects
 * and lists), its widget from the field's registered kind (src/model/kinds.ts), select options from the
 * vocabularies, required/optional and defaults from the schema itself, labels and hints from the form's
 * text table (field-text.ts, course-field-text.ts, translation-field-text.ts). Used by config.ts for the
 * originals' forms and by translation-config.ts for the translations'. Pure: no file system, no Astro.
 */
import { SUMMARY_MAX } from '../../model/notice.ts';
import { NOTICE_ID } from '../../model/fields.ts';
import { COUNTRY_CODES, countryName } from '../../model/countries.ts';
import { TLP_DEFINITIONS, TLP_PUBLISHABLE, tlpLabel } from '../../model/tlp.ts';
import { slugsOf, type Vocabulary } from '../../model/vocabularies.ts';
import type { FieldKind } from '../../model/kinds.ts';
import type { SchemaField, SchemaNode } from './schema-walk.ts';
import { BODY_TEXT, NOTICE_FIELD_TEXT, type FieldText } from './field-text.ts';
import { COURSE_FIELD_TEXT } from './course-field-text.ts';
import { CALLOUT_COMPONENT_ID } from '../../model/callout.ts';
import { NOTICE_ID_WIDGET, NOTICES_COLLECTION, PROSE_MARKDOWN_WIDGET, PROSE_WIDGET } from './widgets.ts';

/** A widget and its options, as Decap reads them. */
export interface WidgetOptions {
  widget: string;
  [option: string]: unknown;
}

/** One field of a Decap collection (the subset of Decap's options Modus uses). */
export interface DecapField extends WidgetOptions {
  name: string;
  label: string;
  hint?: string;
  required?: boolean;
  default?: unknown;
  multiple?: boolean;
  min?: number;
  max?: number;
  options?: Array<{ label: string; value: string }>;
  fields?: DecapField[];
  field?: DecapField;
  pattern?: [string, string];
  [option: string]: unknown;
}

/** A Decap folder collection. */
export interface DecapCollection {
  name: string;
  label: string;
  folder: string;
  fields: DecapField[];
  [option: string]: unknown;
}

/** Inputs that depend on the build, not on the schema. */
export interface CmsConfigOptions {
  /** Folder of the notices relative to the repository root decap-server serves, e.g. `content/notices`. */
  noticesFolder: string;
  /** Folder of the courses relative to the same root, e.g. `content/courses`. */
  coursesFolder: string;
  /** Folder for files uploaded outside a notice (Decap requires one), relative to the same root. */
  mediaFolder: string;
  /** The id offered to a new notice (next free id at build time; the id widget refreshes it live). */
  nextId: string;
  /** Git branch the CMS reads and publishes to (local git mode and production hosts). */
  branch: string;
  /** Production git backend (GitLab, GitHub, Gitea…), Decap `backend` block; local-only when absent. */
  backend?: Record<string, unknown>;
  /** The path the site is served under (Settings `base`: `/` or `/any/path/`); `/` when absent. */
  base?: string;
}

const countryOptions = () =>
  COUNTRY_CODES.map((code) => ({ label: countryName(code), value: code })).sort((a, b) => a.label.localeCompare(b.label, 'en'));

/** Select options of a vocabulary: stored value = slug, label = English label (with its group). */
export function vocabularyOptions(vocab: Vocabulary): Array<{ label: string; value: string }> {
  return slugsOf(vocab).map((slug) => {
    const label = (vocab.terms as Record<string, string>)[slug]!;
    const group = (vocab.groups as Record<string, string> | undefined)?.[slug];
    return { label: group ? `${group} · ${label}` : label, value: slug };
  });
}

/** Select options of the TLP field: the markings an editor may choose (never RED). */
export function tlpOptions(): Array<{ label: string; value: string }> {
  return TLP_PUBLISHABLE.map((tlp) => ({ label: `${tlpLabel(tlp)} (${TLP_DEFINITIONS[tlp].short.replace(/\.$/, '')})`, value: tlp }));
}

/** The date-only widget: a date picker storing `YYYY-MM-DD`, never a time or a time zone. */
const DATE_WIDGET = { widget: 'datetime', format: 'YYYY-MM-DD', date_format: 'YYYY-MM-DD', time_format: false };

/** Leaf kinds shown as one select (or relation) even when the schema holds a list of them. */
const MULTI_SELECT_KINDS = new Set<FieldKind['kind']>(['term', 'country', 'noticeRef', 'tlp']);

/** The labels and hints of one form, and where they live (for the error when one is missing). */
export interface FormText {
  fields: Readonly<Record<string, FieldText>>;
  what: string;
  file: string;
  /**
   * The language every text field of the form is written in (a translation's form): text fields then use
   * the prose widget, which carries `lang` and `dir`. Absent for the originals' forms (Decap's own widgets).
   */
  prose?: { lang: string; dir: 'ltr' | 'rtl' };
}

/** The notice form's and the course form's texts. */
export const NOTICE_FORM: FormText = { fields: NOTICE_FIELD_TEXT, what: 'notice', file: 'src/cms/node/field-text.ts' };
export const COURSE_FORM: FormText = { fields: COURSE_FIELD_TEXT, what: 'course', file: 'src/cms/node/course-field-text.ts' };

function textOf(path: string, form: FormText): FieldText {
  const text = form.fields[path];
  if (!text) throw new Error(`No label and hint for ${form.what} field "${path}": add it to ${form.file}.`);
  return text;
}

/** Widget options for a leaf of `kind`; `multiple` when the schema holds a list of such values. */
function leafWidget(kind: FieldKind, text: FieldText, options: CmsConfigOptions, multiple: boolean, form: FormText): WidgetOptions {
  switch (kind.kind) {
    case 'text':
      if (form.prose) return { widget: PROSE_WIDGET, ...form.prose, ...(text.multiline && { multiline: true }) };
      return { widget: text.multiline ? 'text' : 'string' };
    case 'date':
      return { ...DATE_WIDGET };
    case 'country':
      return { widget: 'select', options: countryOptions(), ...(multiple && { multiple: true }) };
    case 'term':
      return { widget: 'select', options: vocabularyOptions(kind.vocabulary), ...(multiple && { multiple: true }) };
    case 'tlp':
      return { widget: 'select', options: tlpOptions(), ...(multiple && { multiple: true }) };
    case 'noticeId':
      return {
        widget: NOTICE_ID_WIDGET,
        default: options.nextId,
        pattern: [NOTICE_ID.source, 'Write the id as MO-YYYY-NNNN: MO-, the year, a hyphen and four digits.'],
      };
    case 'noticeRef':
      return {
        widget: 'relation',
        collection: NOTICES_COLLECTION,
        value_field: 'id',
        search_fields: ['title', 'id', 'summary'],
        display_fields: ['{{title}} ({{id}})'],
        options_length: 50,
        ...(multiple && { multiple: true }),
      };
    case 'url':
      return { widget: 'string', pattern: ['^https?://\\S+$', 'Write a web address starting with https:// (or http://).'] };
    case 'image':
      return { widget: 'image', choose_url: false, media_library: { config: { multiple: false } } };
    case 'slug':
      return {
        widget: 'string',
        pattern: ['^[a-z0-9]+(-[a-z0-9]+)*$', 'Use lower-case letters, digits and single hyphens, e.g. meth-in-resin-statues.'],
      };
    case 'boolean':
      return { widget: 'boolean' };
    case 'year':
    case 'integer':
      return { widget: 'number', value_type: 'int', min: kind.min, max: kind.max, step: 1 };
  }
}

/** Validation the schema applies to particular fields, repeated in the form so editors see it early. */
function extraRules(path: string): Partial<DecapField> {
  switch (path) {
    case 'summary':
      return { pattern: [`^[\\s\\S]{0,${SUMMARY_MAX}}$`, `Keep the summary to ${SUMMARY_MAX} characters or fewer.`] };
    case 'operation':
      return { pattern: ['^[^a-z]*$', 'Write the operation name in capital letters, as published (e.g. LIONFISH).'] };
    default:
      return {};
  }
}

/** The Decap field of one schema field (recursing into objects and lists), labelled from `form`. */
export function decapField(f: SchemaField, options: CmsConfigOptions, form: FormText = NOTICE_FORM): DecapField {
  const text = textOf(f.path, form);
  const base = { name: f.name, label: text.label, hint: text.hint, required: f.required };
  const node: SchemaNode = f.node;
  // A schema default other than "empty" is offered by the form too (e.g. status: active).
  const scalarDefault = f.default !== undefined && !Array.isArray(f.default) && typeof f.default !== 'object' ? { default: f.default } : {};
  if (node.type === 'leaf') {
    return { ...base, ...leafWidget(node.kind, text, options, false, form), ...scalarDefault, ...extraRules(f.path) };
  }
  if (node.type === 'object') {
    return { ...base, widget: 'object', collapsed: false, fields: node.fields.map((sub) => decapField(sub, options, form)) };
  }
  const item = node.item;
  const min = node.min > 0 ? { min: node.min } : {};
  if (item.type === 'leaf' && MULTI_SELECT_KINDS.has(item.kind.kind)) {
    return { ...base, ...leafWidget(item.kind, text, options, true, form), ...min };
  }
  // A list of single values has one `field`; a list of groups has `fields` (and a summary line).
  const list = { ...base, widget: 'list', ...min, allow_add: true, collapsed: false };
  if (item.type === 'leaf') {
    return { ...list, field: { ...leafWidget(item.kind, text, options, false, form), name: 'item', label: text.itemLabel ?? text.label } };
  }
  if (item.type === 'object') {
    return { ...list, ...(text.summary && { summary: text.summary }), fields: item.fields.map((sub) => decapField(sub, options, form)) };
  }
  throw new Error(`${form.what} field "${f.path}": lists of lists have no CMS widget.`);
}

/**
 * The markdown body field: rich text by default, raw Markdown on request, the Call-out component. With
 * `prose` (a translation's body), Decap's Markdown editor inside the translation's `lang` and `dir`.
 */
export function bodyField(text: FieldText = BODY_TEXT, prose?: FormText['prose']): DecapField {
  return {
    name: 'body',
    label: text.label,
    hint: text.hint,
    ...(prose ? { widget: PROSE_MARKDOWN_WIDGET, ...prose } : { widget: 'markdown' }),
    required: false,
    modes: ['rich_text', 'raw'],
    buttons: ['bold', 'italic', 'link', 'heading-two', 'heading-three', 'quote', 'bulleted-list', 'numbered-list'],
    editor_components: [CALLOUT_COMPONENT_ID],
    sanitize_preview: true,
  };
}
