/**
 * The two schema passes of every entry, in the `parseData` Astro's glob loader calls for each changed
 * file. The plain schema (images as plain strings) runs first: its problems are readable and name
 * every field at once. Only an entry that passes it goes through the collection's full schema
 * (Astro's own `parseData`). Problems are gathered, never thrown, so one run reports every file.
 * Then the audience filter decides what of the entry is stored. A draft (src/model/draft.ts) goes through
 * the draft schema only: it is never stored, so it never needs the full one.
 */
import type { LoaderContext } from 'astro/loaders';
import type { z } from 'astro/zod';
import { problemsFromIssues, type ContentProblem } from '../problems.ts';
import type { AudienceFilter, DraftOptions } from './options.ts';

/** What the schema passes need from the load that runs them. */
export interface SchemaPassOptions {
  /** Astro's loader context: its `parseData` runs the collection's full schema. */
  ctx: LoaderContext;
  plainSchema: z.ZodType;
  /** Drafts: validated with their own schema only, never stored (see CheckedGlobOptions `drafts`). */
  drafts?: DraftOptions;
  forAudience?: AudienceFilter;
  /** Names a content file in messages (src/loading/loader/entry-paths.ts `displayPath`). */
  rel: (file: string) => string;
  /** Where the problems found are put. */
  problems: ContentProblem[];
  /** Where each valid entry's full, unfiltered data (plain schema) is put by id, for the checks. */
  fullData: Map<string, Record<string, unknown>>;
  /**
   * Gives the stored data of an entry that changed outside a load (Astro's file watcher under
   * `astro dev`), or undefined to store the audience's view as it is (during a load: image references
   * are filled once every check has passed). Gets the entry's file as given by glob and as named in messages.
   */
  changedOutsideLoad?: (filePath: string, view: Record<string, unknown>, file: string) => Promise<Record<string, unknown>> | undefined;
}

/**
 * The `parseData` to give Astro's glob loader: runs both schema passes, records problems and full
 * data, and returns what to store (the entry as written when it is invalid, to be reported; the plain
 * data of a withheld entry, removed once the checks have run; else the audience's view).
 */
export function schemaPasses(o: SchemaPassOptions): LoaderContext['parseData'] {
  return async (props) => {
    const file = o.rel(props.filePath ?? props.id);
    if (o.drafts?.is(props.data)) {
      // A draft is checked with the draft schema, then stored with its plain data only until the
      // checks have run: the audience filter withholds it from every build.
      const draft = await o.drafts.schema.safeParseAsync(props.data);
      if (!draft.success) {
        o.problems.push(...problemsFromIssues(file, draft.error.issues));
        return props.data;
      }
      o.fullData.set(props.id, draft.data as Record<string, unknown>);
      return draft.data as never;
    }
    const plain = await o.plainSchema.safeParseAsync(props.data);
    if (!plain.success) {
      o.problems.push(...problemsFromIssues(file, plain.error.issues));
      return props.data;
    }
    let parsed: Record<string, unknown>;
    try {
      parsed = await o.ctx.parseData(props);
    } catch (err) {
      o.problems.push({ file, field: '(frontmatter)', message: (err as Error).message.replaceAll('**', '') });
      return props.data;
    }
    const plainData = plain.data as Record<string, unknown>;
    o.fullData.set(props.id, plainData);
    // A withheld entry is stored with plain data (no image references) and removed after the checks.
    const view = o.forAudience ? o.forAudience.view(parsed, plainData, props.id) : parsed;
    if (!view) return plainData as never;
    const changed = o.changedOutsideLoad?.(props.filePath ?? props.id, view, file);
    return (changed ? await changed : view) as never;
  };
}
