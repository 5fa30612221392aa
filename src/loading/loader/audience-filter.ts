/**
 * Audience filtering in the loader: every entry is validated and checked whatever the audience (so
 * each audience's build fails alike), then what the build's audience may not see is dropped before
 * the store is saved. A withheld entry never stays in the data store (its rendered body goes with it)
 * and its images are never registered for encoding, so nothing of it reaches dist/. The rules
 * themselves are in src/loading/audience.ts.
 */
import type { LoaderContext } from 'astro/loaders';
import type { AudienceFilter } from './options.ts';

/**
 * The store key of a collection's entries: stored entries were cut for the audience they were built
 * for, from one folder, by one renderer, so they are reused only when all of these are the same.
 */
export function storeKey(base: string, audience: AudienceFilter | undefined, renderVersion: number): string {
  return JSON.stringify({
    base,
    audience: audience?.key ?? null,
    render: renderVersion,
    bodies: 'not stored',
    images: 'modus image refs',
  });
}

/**
 * Removes from the store every entry `audience` withholds (also ones kept from an earlier, failed
 * run), judged on its full data (`fullData`, by id; else the stored data).
 */
export function dropWithheld(ctx: LoaderContext, audience: AudienceFilter, fullData: Map<string, Record<string, unknown>>): void {
  for (const e of [...ctx.store.values()]) {
    const data = fullData.get(e.id) ?? e.data;
    if (audience.view(data, data, e.id) === null) ctx.store.delete(e.id);
  }
}
