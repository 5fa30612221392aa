/**
 * The Decap CMS configuration of Modus, generated from the notice and course schemas and the
 * vocabularies (src/model), so the forms editors and trainers use can never disagree with what the
 * build accepts: fields in the schemas' own order (NOTICE_FIELD_ORDER / COURSE_FIELD_ORDER: the key
 * order Decap writes), each field made by form-fields.ts, labels and hints from field-text.ts and
 * course-field-text.ts; then one collection of translations per language for each (translation-config.ts).
 * Pure: no file system, no Astro.
 */
import { z } from 'astro/zod';
import { noticeSchema } from '../../model/notice.ts';
import { courseSchema } from '../../model/course.ts';
import { objectFields, type SchemaField } from './schema-walk.ts';
import { COURSE_BODY_TEXT } from './course-field-text.ts';
import { COURSES_COLLECTION, NOTICES_COLLECTION } from './widgets.ts';
import { bodyField, COURSE_FORM, decapField, type CmsConfigOptions, type DecapCollection } from './form-fields.ts';
import { translationCollections } from './translation-config.ts';
import { sitePath } from '../../model/site-path.ts';

export {
  bodyField,
  COURSE_FORM,
  decapField,
  NOTICE_FORM,
  tlpOptions,
  vocabularyOptions,
  type CmsConfigOptions,
  type DecapCollection,
  type DecapField,
  type FormText,
  type WidgetOptions,
} from './form-fields.ts';

/** The whole Decap configuration (written to /admin/config.yml). */
export interface DecapConfig {
  backend: Record<string, unknown>;
  collections: DecapCollection[];
  [option: string]: unknown;
}

/** Hint shown above the notice list in the CMS: where saves go and when the site shows them. */
export const NOTICES_DESCRIPTION =
  'Each notice is saved as content/notices/<folder>/index.mdx with its images beside it. ' +
  'The site shows a saved or published notice after the next build: stop "npm start" and start it again ' +
  '(or run "npm run build"). With "npm run cms" the site reloads by itself.';

/** The fields of the notice schema, in its order (NOTICE_FIELD_ORDER). */
export function noticeSchemaFields(): SchemaField[] {
  return objectFields(noticeSchema(() => z.string()));
}

/** The fields of the course schema, in its order (COURSE_FIELD_ORDER). */
export function courseSchemaFields(): SchemaField[] {
  return objectFields(courseSchema());
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
  const at = (p: string) => sitePath(p, options.base ?? '/');
  return {
    // Without a production host: the local decap-server, reached through the site's own origin (under its base).
    backend: options.backend ?? { name: 'proxy', proxy_url: at('/api/v1/'), branch: options.branch },
    local_backend: true,
    publish_mode: 'editorial_workflow',
    media_folder: options.mediaFolder,
    public_folder: at('/media'),
    locale: 'en',
    logo_url: at('/favicon.svg'),
    search: true,
    show_preview_links: false,
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
    collections: [
      noticeCollection(options),
      ...translationCollections('notice', options),
      courseCollection(options),
      ...translationCollections('course', options),
    ],
  };
}
