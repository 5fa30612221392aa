/**
 * The Decap CMS configuration of Modus, generated from the notice and course schemas and the
 * vocabularies (src/model), so the forms editors and trainers use can never disagree with what the
 * build accepts: fields in the schemas' own order (NOTICE_FIELD_ORDER / COURSE_FIELD_ORDER: the key
 * order Decap writes), widgets from each field's registered kind, select options from the
 * vocabularies, required/optional and defaults from the schema itself, labels and hints from
 * field-text.ts and course-field-text.ts.
 * Pure: no file system, no Astro.
 */
import { z } from 'astro/zod';
import { noticeSchema, SUMMARY_MAX } from '../../model/notice.ts';
import { courseSchema } from '../../model/course.ts';
import { NOTICE_ID } from '../../model/fields.ts';
import { COUNTRY_CODES, countryName } from '../../model/countries.ts';
import { TLP_DEFINITIONS, TLP_PUBLISHABLE, tlpLabel } from '../../model/tlp.ts';
import { slugsOf, type Vocabulary } from '../../model/vocabularies.ts';
import type { FieldKind } from '../../model/kinds.ts';
import { objectFields, type SchemaField, type SchemaNode } from './schema-walk.ts';
import { BODY_TEXT, NOTICE_FIELD_TEXT, type FieldText } from './field-text.ts';
import { COURSE_BODY_TEXT, COURSE_FIELD_TEXT } from './course-field-text.ts';
import { CALLOUT_COMPONENT_ID } from '../../model/callout.ts';
import { COURSES_COLLECTION, NOTICE_ID_WIDGET, NOTICES_COLLECTION } from './widgets.ts';

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

/** The whole Decap configuration (written to /admin/config.yml). */
export interface DecapConfig {
  backend: Record<string, unknown>;
  collections: DecapCollection[];
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
}

/** Hint shown above the notice list in the CMS: where saves go and when the site shows them. */
export const NOTICES_DESCRIPTION =
  'Each notice is saved as content/notices/<folder>/index.mdx with its images beside it. ' +
  'The site shows a saved or published notice after the next build: stop "npm start" and start it again ' +
  '(or run "npm run build"). With "npm run cms" the site reloads by itself.';

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
function leafWidget(kind: FieldKind, text: FieldText, options: CmsConfigOptions, multiple: boolean): WidgetOptions {
  switch (kind.kind) {
    case 'text':
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
        pattern: [NOTICE_ID.source, 'Write the id as MO-YYYY-NNNN, e.g. MO-2026-0007.'],
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
    return { ...base, ...leafWidget(node.kind, text, options, false), ...scalarDefault, ...extraRules(f.path) };
  }
  if (node.type === 'object') {
    return { ...base, widget: 'object', collapsed: false, fields: node.fields.map((sub) => decapField(sub, options, form)) };
  }
  const item = node.item;
  const min = node.min > 0 ? { min: node.min } : {};
  if (item.type === 'leaf' && MULTI_SELECT_KINDS.has(item.kind.kind)) {
    return { ...base, ...leafWidget(item.kind, text, options, true), ...min };
  }
  // A list of single values has one `field`; a list of groups has `fields` (and a summary line).
  const list = { ...base, widget: 'list', ...min, allow_add: true, collapsed: false };
  if (item.type === 'leaf') {
    return { ...list, field: { ...leafWidget(item.kind, text, options, false), name: 'item', label: text.itemLabel ?? text.label } };
  }
  if (item.type === 'object') {
    return { ...list, ...(text.summary && { summary: text.summary }), fields: item.fields.map((sub) => decapField(sub, options, form)) };
  }
  throw new Error(`${form.what} field "${f.path}": lists of lists have no CMS widget.`);
}

/** The fields of the notice schema, in its order (NOTICE_FIELD_ORDER). */
export function noticeSchemaFields(): SchemaField[] {
  return objectFields(noticeSchema(() => z.string()));
}

/** The fields of the course schema, in its order (COURSE_FIELD_ORDER). */
export function courseSchemaFields(): SchemaField[] {
  return objectFields(courseSchema());
}

/** The markdown body field: rich text by default, raw Markdown on request, the Call-out component. */
export function bodyField(text: FieldText = BODY_TEXT): DecapField {
  return {
    name: 'body',
    label: text.label,
    hint: text.hint,
    widget: 'markdown',
    required: false,
    modes: ['rich_text', 'raw'],
    buttons: ['bold', 'italic', 'link', 'heading-two', 'heading-three', 'quote', 'bulleted-list', 'numbered-list'],
    editor_components: [CALLOUT_COMPONENT_ID],
    sanitize_preview: true,
  };
}

/** The notices collection: one folder per notice (`<slug>/index.mdx`), images beside it. */
export function noticeCollection(options: CmsConfigOptions): DecapCollection {
  return {
    name: NOTICES_COLLECTION,
    label: 'Notices',
    label_singular: 'Notice',
    description: NOTICES_DESCRIPTION,
    folder: options.noticesFolder,
    path: '{{slug}}/index',
    extension: 'mdx',
    format: 'frontmatter',
    create: true,
    delete: false,
    // The folder name comes from the id (always non-empty, unique and stable, whatever the title's
    // script or punctuation); the title can change later without moving the notice.
    slug: '{{fields.id}}',
    identifier_field: 'title',
    summary: '{{id}} · {{title}}',
    sortable_fields: ['published', 'id', 'title'],
    view_filters: [
      { label: 'Active', field: 'status', pattern: 'active' },
      { label: 'Superseded or withdrawn', field: 'status', pattern: 'superseded|withdrawn' },
    ],
    media_folder: '',
    public_folder: '',
    editor: { preview: true },
    fields: [...noticeSchemaFields().map((f) => decapField(f, options)), bodyField()],
  };
}

/** Hint shown above the course list in the CMS. */
export const COURSES_DESCRIPTION =
  'Each course is saved as content/courses/<folder>/index.mdx. Modules are in teaching order; each case links a notice ' +
  '(chosen by its title, stored by its id, so the link holds when the notice is renamed). The build checks every link ' +
  'and that the course is marked at least as high as its notices. The site shows a saved course after the next build.';

/**
 * The courses collection: one folder per course (`<slug>/index.mdx`, the folder named after the
 * title when the course is created), ordered modules of cases, each case a notice chosen by title
 * (relation widget, stored as the notice id) with its role as a select.
 */
export function courseCollection(options: CmsConfigOptions): DecapCollection {
  return {
    name: COURSES_COLLECTION,
    label: 'Courses',
    label_singular: 'Course',
    description: COURSES_DESCRIPTION,
    folder: options.coursesFolder,
    path: '{{slug}}/index',
    extension: 'mdx',
    format: 'frontmatter',
    create: true,
    delete: false,
    slug: '{{slug}}',
    identifier_field: 'title',
    summary: '{{title}} · {{level}}',
    sortable_fields: ['published', 'title'],
    media_folder: '',
    public_folder: '',
    fields: [...courseSchemaFields().map((f) => decapField(f, options, COURSE_FORM)), bodyField(COURSE_BODY_TEXT)],
  };
}

/**
 * The complete Decap configuration. `local_backend` makes the CMS use decap-server when the page is
 * served from loopback (the admin script points it at the right address at run time); `backend` is
 * the production git host when configured, else a local-only proxy backend.
 */
export function cmsConfig(options: CmsConfigOptions): DecapConfig {
  return {
    // Without a production host: the local decap-server, reached through the site's own origin.
    backend: options.backend ?? { name: 'proxy', proxy_url: '/api/v1/', branch: options.branch },
    local_backend: true,
    publish_mode: 'editorial_workflow',
    media_folder: options.mediaFolder,
    public_folder: '/media',
    locale: 'en',
    logo_url: '/favicon.svg',
    search: true,
    show_preview_links: false,
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
    collections: [noticeCollection(options), courseCollection(options)],
  };
}
