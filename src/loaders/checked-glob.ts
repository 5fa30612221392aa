/**
 * An Astro content loader for one folder per entry (`<slug>/index.mdx`, images beside it).
 * It wraps Astro's `glob()` loader and adds what a per-file schema cannot check:
 * every problem in every file is gathered (not just the first), image files must exist inside
 * the entry's folder, and collection-wide checks run once after loading. Any problem stops the
 * build with one message naming file, field, what was expected and how to fix it.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import { glob } from 'astro/loaders';
import { AstroError } from 'astro/errors';
import type { z } from 'astro/zod';
import { ContentProblemsError, problemsFromIssues, type ContentProblem } from '../lib/problems.ts';

/** A stored entry as the collection checks see it: slug, file path relative to the project, data. */
export interface LoadedEntry {
  slug: string;
  file: string;
  data: Record<string, unknown>;
}

/** Options: the folder holding the entries, a plain schema for readable errors, and collection checks. */
export interface CheckedGlobOptions {
  /** Absolute folder holding `<slug>/index.mdx`. */
  base: string;
  /** Schema with images as plain strings, run first so every problem of a file is reported. */
  plainSchema: z.ZodType;
  /** Paths (like `images[].src`) holding image paths to check for existence. */
  imageFields?: (data: Record<string, unknown>) => Array<{ field: string; src: string }>;
  /** Checks across all entries; returns problems. */
  checkCollection?: (entries: LoadedEntry[]) => ContentProblem[];
  /**
   * Which entries this build includes (e.g. the audience may see its marking). Applied after every
   * check ran on the whole collection; the others are removed from the store, so nothing of them,
   * not even an image file, is bundled into dist/.
   */
  keep?: (data: Record<string, unknown>) => boolean;
}

const IMAGE_PREFIX = '__ASTRO_IMAGE_';

/** Builds the loader. Throws (at load time) an AstroError listing every problem. */
export function checkedGlob(options: CheckedGlobOptions): Loader {
  const inner = glob({
    base: options.base,
    pattern: '*/index.mdx',
    generateId: ({ entry }) => entry.split('/')[0]!,
  });
  return {
    name: 'modus-checked-glob',
    load: async (ctx: LoaderContext) => {
      const problems: ContentProblem[] = [];
      const root = ctx.config.root;
      const rootDir = new URL('.', root).pathname;
      const rel = (file: string) => displayPath(rootDir, file);
      const parseData: LoaderContext['parseData'] = async (props) => {
        const file = rel(props.filePath ?? props.id);
        const plain = await options.plainSchema.safeParseAsync(props.data);
        if (!plain.success) {
          problems.push(...problemsFromIssues(file, plain.error.issues));
          return props.data as never;
        }
        try {
          return await ctx.parseData(props);
        } catch (err) {
          problems.push({ file, field: '(frontmatter)', message: (err as Error).message.replaceAll('**', '') });
          return props.data as never;
        }
      };
      forgetEntriesOutside(ctx, rootDir, options.base);
      await inner.load({ ...ctx, parseData });

      const entries: LoadedEntry[] = [];
      for (const e of ctx.store.values()) {
        entries.push({ slug: e.id, file: rel(e.filePath ?? e.id), data: e.data });
      }
      if (problems.length === 0 && options.imageFields) {
        for (const e of entries) problems.push(...checkImages(e, new URL('.', root).pathname, options.base, options.imageFields));
      }
      if (problems.length === 0 && options.checkCollection) problems.push(...options.checkCollection(entries));
      if (problems.length > 0) {
        const err = new ContentProblemsError(problems);
        throw new AstroError(err.message, 'Fix the fields named above in the files named above (or in the CMS), then build again.');
      }
      if (options.keep) {
        for (const e of entries) if (!options.keep(e.data)) ctx.store.delete(e.slug);
      }
    },
  };
}

/**
 * Removes stored entries whose file is not inside `base`. Astro's glob loader keeps a cached entry
 * when a file with the same id and the same content digest appears, without looking at its path: after
 * MODUS_CONTENT_DIR changes (tests, benchmarks, a second corpus), entries, their images and their
 * MDX would still be read from the previous folder, or fail once it is gone.
 */
function forgetEntriesOutside(ctx: LoaderContext, rootDir: string, base: string): void {
  const inside = path.resolve(base) + path.sep;
  for (const e of [...ctx.store.values()]) {
    const abs = e.filePath ? path.resolve(rootDir, e.filePath) : '';
    if (!abs.startsWith(inside)) ctx.store.delete(e.id);
  }
}

/**
 * How a content file is named in messages: relative to the project (`content/notices/x/index.mdx`)
 * when inside it, else absolute (a content folder elsewhere, set with MODUS_CONTENT_DIR), never a
 * `../../..` path. `file` may be absolute or relative to `rootDir`.
 */
export function displayPath(rootDir: string, file: string): string {
  const abs = path.resolve(rootDir, file);
  const relative = path.relative(rootDir, abs);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : abs;
}

function checkImages(
  e: LoadedEntry,
  root: string,
  base: string,
  imageFields: NonNullable<CheckedGlobOptions['imageFields']>,
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const entryDir = path.dirname(path.resolve(root, e.file));
  const realBase = fs.realpathSync(base);
  for (const { field, src } of imageFields(e.data)) {
    const relPath = src.startsWith(IMAGE_PREFIX) ? src.slice(IMAGE_PREFIX.length) : src;
    const abs = path.resolve(entryDir, relPath);
    if (!fs.existsSync(abs)) {
      const here = fs.readdirSync(entryDir).filter((f) => /\.(jpe?g|png|webp|avif|gif|tiff?)$/i.test(f));
      problems.push({
        file: e.file,
        field,
        message: `Image "${relPath.replace(/^\.\//, '')}" not found beside index.mdx.${here.length ? ` Images in this folder: ${here.join(', ')}.` : ' The folder holds no images.'}`,
      });
      continue;
    }
    const real = fs.realpathSync(abs);
    if (!real.startsWith(realBase + path.sep)) {
      problems.push({ file: e.file, field, message: `Image "${relPath}" is a link to a file outside the content folder; copy the image into the notice folder instead.` });
    }
  }
  return problems;
}
