/**
 * What each import reader (JSON document, STIX 2.1 bundle, CSV) hands to the notice writer
 * (docs/exchange.md, "Import"): notice candidates in the shape of a notice file, and the problems found,
 * each naming the file, the row or object, the field and what was expected. The writer validates every
 * candidate with the notice schema and writes nothing when any problem is left.
 */
import type { Language } from '../../model/languages.ts';

/** An image file to write beside the notice's `index.mdx`. */
export interface CandidateImage {
  /** File name as the frontmatter's `images[].src` gives it (`photo.jpg`, no folders). */
  file: string;
  bytes: Uint8Array;
}

/** One notice read from an import file, not yet validated. */
export interface NoticeCandidate {
  /** Where it was read, for messages: `row 3`, `attack-pattern--…`, `notices[2]`, or the document's id. */
  where: string;
  /**
   * Frontmatter as the notice file would hold it (keys of src/model/notice.ts; values as YAML would give
   * them). A candidate with `draft: true` is validated as a draft (src/model/draft.ts) and never built.
   */
  frontmatter: Record<string, unknown>;
  /**
   * The folder name the notice had where it was exported (its page address), when the source says it: the
   * writer keeps it when it is a valid slug and free, so the notice keeps its address; else it names the
   * folder from the title.
   */
  slug?: string;
  /** The MDX body (Markdown), '' when the source has none. */
  body: string;
  /** Image files to write; each `frontmatter.images[].src` must name one of them. */
  images: CandidateImage[];
  /** Translations by language: frontmatter of `index.<lang>.mdx` and its body. */
  translations: Partial<Record<Language, { frontmatter: Record<string, unknown>; body: string }>>;
}

/** A problem found while reading or checking an import file. */
export interface ImportProblem {
  /** The import file. */
  file: string;
  /** The row, object or document: `row 3`, `attack-pattern--…`, `MO-2024-0001`; '' for the whole file. */
  where: string;
  /** The field, dotted (`seizures.0.country`), or '' when the problem is not one field's. */
  field: string;
  /** What was wrong and what was expected, in an editor's words (how to fix it). */
  message: string;
}

/** What a reader returns: the candidates it could read and every problem it found. */
export interface ReadResult {
  candidates: NoticeCandidate[];
  problems: ImportProblem[];
}

/** Progress of a reader on a large file: `done` of `total` units (bytes, rows or objects). */
export type ReadProgress = (done: number, total: number) => void;
