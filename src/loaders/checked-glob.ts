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
      const rel = (abs: string) => path.relative(new URL('.', root).pathname, abs) || abs;
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
      // The store survives between builds. When the content folder changes (MODUS_CONTENT_DIR), an
      // unchanged file would keep its old path there (Astro's glob loader skips unchanged entries),
      // so start from an empty store.
      if (ctx.meta.get('base') !== options.base) {
        ctx.store.clear();
        ctx.meta.set('base', options.base);
      }
      await inner.load({ ...ctx, parseData });

      const entries: LoadedEntry[] = [];
      for (const e of ctx.store.values()) {
        const file = e.filePath ?? e.id;
        entries.push({ slug: e.id, file, data: e.data });
      }
      if (problems.length === 0 && options.imageFields) {
        for (const e of entries) problems.push(...checkImages(e, new URL('.', root).pathname, options.base, options.imageFields));
      }
      if (problems.length === 0 && options.checkCollection) problems.push(...options.checkCollection(entries));
      if (problems.length > 0) {
        const err = new ContentProblemsError(problems);
        throw new AstroError(err.message, 'Fix the fields named above in the files named above (or in the CMS), then build again.');
      }
    },
  };
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
