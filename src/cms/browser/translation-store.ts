/**
 * What the translation editor shares between its parts in the editor's browser: the originals the
 * "Translation of" widget loaded (through Decap's own backend, so with any git host), each translation
 * form's fields, and the backend search its widgets were given. The side-by-side preview and the save read them; the preview re-renders when an original
 * arrives. One store per page (module state), emptied by nothing: a reload starts afresh.
 */
import type { FitField } from './translation-fit.ts';
import type { ImmutableLike } from './decap.d.ts';
import { TRANSLATION_OF_FIELD } from '../node/widgets.ts';

/** An original as Decap lists it: its folder (the original's `<folder>/index.mdx`) and its form values. */
export interface OriginalEntry {
  folder: string;
  data: Record<string, unknown>;
}

const originals = new Map<string, OriginalEntry>();
const forms = new Map<string, FitField[]>();
const queries = new Map<string, Query>();

/** Decap's search of a collection through its backend, as widgets get it (`file` narrows it to one entry's slug). */
export type Query = (
  namespace: string,
  collection: string,
  fields: string[],
  term: string,
  file?: string,
) => Promise<{ payload?: { hits?: Array<{ slug?: string; path?: string; data?: Record<string, unknown> }> } }>;
const listeners = new Set<() => void>();

/** The folder of an entry of a collection whose path is `{{slug}}/index` (`x/index` → `x`; also from a file path). */
export function folderOf(slugOrPath: string | undefined): string | undefined {
  if (!slugOrPath) return undefined;
  const parts = slugOrPath.split('/');
  return parts.length >= 2 ? parts[parts.length - 2] : undefined;
}

/** The folder of the original a translation entry belongs to: chosen for a new one ("Translation of"), its own for a saved one. */
export function translationFolder(entry: ImmutableLike): string | undefined {
  if (entry.get('newRecord')) return (entry.getIn(['data', TRANSLATION_OF_FIELD]) as string | undefined) || undefined;
  return folderOf(entry.get('slug') as string | undefined);
}

/** Keeps `entry`, the original in `collection` (`notices` or `courses`), and tells the listeners. */
export function rememberOriginal(collection: string, entry: OriginalEntry): void {
  originals.set(`${collection}/${entry.folder}`, entry);
  listeners.forEach((fn) => fn());
}

/** The original in `collection` whose folder is `folder`, if loaded. */
export function originalIn(collection: string, folder: string | undefined): OriginalEntry | undefined {
  return folder ? originals.get(`${collection}/${folder}`) : undefined;
}

/** Keeps the fields of the translation collection `collection`'s form. */
export function rememberForm(collection: string, fields: FitField[]): void {
  forms.set(collection, fields);
}

/** Keeps the backend search a translation collection's editor was given, for the check made when saving. */
export function rememberQuery(collection: string, query: Query): void {
  queries.set(collection, query);
}

/** The backend search kept for the translation collection `collection`, if its editor was opened. */
export function queryOf(collection: string): Query | undefined {
  return queries.get(collection);
}

/** The fields of the translation collection `collection`'s form, if its editor was opened. */
export function formOf(collection: string): FitField[] | undefined {
  return forms.get(collection);
}

/** Calls `fn` whenever an original is loaded; returns the function that stops it. */
export function onOriginalLoaded(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}
