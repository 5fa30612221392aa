/**
 * What the checked content loader (checked-glob.ts) is given and what it hands on: its options, the
 * entries its collection checks see, the audience filter and the prepared body. Types only.
 */
import type { z } from 'astro/zod';
import type { ImageRef } from '../../model/images.ts';
import type { ParsedBody } from '../body/parse-body.ts';
import type { Handoff } from '../handoff.ts';
import type { ContentProblem } from '../problems.ts';

/** A loaded entry as the collection checks see it: slug, file path relative to the project, data, body. */
export interface LoadedEntry {
  slug: string;
  file: string;
  data: Record<string, unknown>;
  /** The MDX body and the 1-based line of the file where it starts. */
  body?: string;
  bodyLine?: number;
  /** False when the frontmatter failed the schema: `data` is then as written (unchecked). */
  valid: boolean;
}

/** What one build may store of an entry (see src/loading/audience.ts `audienceView`). */
export interface AudienceFilter {
  /** Identifies the audience; the store is emptied when it differs from the last build's. */
  key: string;
  /**
   * Returns null when the entry is withheld from this build, else the data to store.
   * `parsed` went through the full schema (images as references still without their content id),
   * `plain` through the plain schema (images as plain paths).
   */
  view: (parsed: Record<string, unknown>, plain: Record<string, unknown>, id: string) => Record<string, unknown> | null;
}

/** How a collection's loader knows a draft, and the schema a draft is validated with. */
export interface DraftOptions {
  is: (data: Record<string, unknown>) => boolean;
  schema: z.ZodType;
}

/** Where an entry's images are named in its data: the field (like `images[0].src`) and the path as written. */
export type ImageFields = (data: Record<string, unknown>) => Array<{ field: string; src: string }>;

/**
 * Puts image references in an entry's stored data: returns `data` with each image this build shows
 * replaced by `refOf(src)` (src as `ImageFields` gives it).
 */
export type FillImages = (data: Record<string, unknown>, refOf: (src: string) => ImageRef) => Record<string, unknown>;

/** Options: the folder holding the entries, a plain schema for readable errors, and collection checks. */
export interface CheckedGlobOptions {
  /** Absolute folder holding `<slug>/index.mdx`. */
  base: string;
  /** Schema with images as plain strings, run first so every problem of a file is reported. */
  plainSchema: z.ZodType;
  /**
   * Drafts (src/model/draft.ts): an entry for which `is(data)` holds is validated with `schema` alone
   * (its images as plain strings; no full schema) and never stored, whatever the audience: `forAudience`
   * must withhold it too, so the checks across entries still see it.
   */
  drafts?: DraftOptions;
  /** Paths (like `images[].src`) holding image paths to check. */
  imageFields?: ImageFields;
  /** Largest image accepted, in pixels (width × height), read from the file header. */
  imageMaxPixels?: number;
  /**
   * Puts image references in an entry's stored data once every check passed (see `FillImages`). The
   * images given to `refOf` are registered for encoding (src/loading/images/image-registry.ts); others
   * never get a variant.
   */
  fillImages?: FillImages;
  /**
   * Checks across all entries (withheld and invalid ones included: see `LoadedEntry.valid`); returns
   * problems. It may await another collection (see `publish`); `warn` prints a warning that does not
   * stop the build.
   */
  checkCollection?: (entries: LoadedEntry[], warn: (message: string) => void) => ContentProblem[] | Promise<ContentProblem[]>;
  /**
   * Where to hand every entry (withheld ones included, full data) to another collection's checks once
   * this collection's frontmatter is valid, or `undefined` when it is not. Published on every load,
   * failures included, so a collection waiting for it never waits forever (src/loading/handoff.ts).
   */
  publish?: Handoff<LoadedEntry[] | undefined>;
  /** Drops what this build's audience may not see before it is stored. */
  forAudience?: AudienceFilter;
  /** The glob of entry files under `base` (default: `index.mdx` in each folder, one folder per entry). */
  pattern?: string;
  /** The entry id of a file (default: its folder's name, the slug). `entry` is relative to `base`. */
  generateId?: (options: { entry: string }) => string;
  /** When true, a missing `base` folder means an empty collection (no warning); e.g. a site without courses. */
  optional?: boolean;
  /**
   * The body as it will be rendered, when it is rewritten in memory first (the literal-prose repair
   * of src/loading/body/mdx-escape.ts, field case F8), with warnings at offsets of the body as
   * written. The body policy checks and the renderer renders that text; default: as written, no
   * warnings.
   */
  prepareBody?: (body: string) => PreparedBody;
}

/** A body ready to check and render, and warnings (offsets into the body as written). */
export interface PreparedBody {
  text: string;
  warnings?: Array<{ offset: number; message: string }>;
  /** `text` parsed (src/loading/body/parse-body.ts), when preparing it parsed it already; else it is parsed once by the loader. */
  parsed?: ParsedBody;
}
