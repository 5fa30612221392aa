/**
 * Astro integration: builds the Pagefind index of dist/ after every build, through Pagefind's
 * Node API, and fails the build when Pagefind reports an error or when the number of indexed pages
 * differs from the number of searchable pages built (a silent drop must not pass).
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { isRedirectHtml, isSearchablePath } from './searchable.ts';

/**
 * Number of built pages meant to be searchable: notice and course pages by address, less the static
 * redirects that share their shape of address (a notice's former slugs). Reads each candidate page.
 */
export async function searchablePageCount(outDir: string, pathnames: readonly string[]): Promise<number> {
  let n = 0;
  for (const p of pathnames) {
    if (!isSearchablePath(p)) continue;
    const html = await readFile(`${outDir}${p.replace(/^\/+/, '')}index.html`, 'utf8');
    if (!isRedirectHtml(html)) n++;
  }
  return n;
}

/** Throws when a Pagefind response carries errors, naming the step. */
function check<T extends { errors: string[] }>(step: string, r: T): T {
  if (r.errors.length) throw new Error(`Pagefind ${step} failed:\n  ${r.errors.join('\n  ')}`);
  return r;
}

/** Number of pages in the written index, summed over languages (from `pagefind-entry.json`). */
export async function indexedPageCount(pagefindDir: string): Promise<number> {
  const entry = JSON.parse(await readFile(`${pagefindDir}/pagefind-entry.json`, 'utf8')) as { languages: Record<string, { page_count: number }> };
  return Object.values(entry.languages).reduce((sum, l) => sum + l.page_count, 0);
}

/** The integration. Writes `dist/pagefind/` (index, Component UI script and CSS). */
export function pagefindIntegration(): AstroIntegration {
  return {
    name: 'modus-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, pages, logger }) => {
        const out = fileURLToPath(dir);
        const expected = await searchablePageCount(out, pages.map((p) => p.pathname));
        const { index, errors } = await pagefind.createIndex({});
        if (!index || errors.length) throw new Error(`Pagefind could not start:\n  ${errors.join('\n  ')}`);
        try {
          // With nothing searchable (no notice this audience may see), Pagefind would index every page
          // (it falls back to whole pages when none has data-pagefind-body): write an empty index instead.
          if (expected > 0) check('indexing', await index.addDirectory({ path: out }));
          else logger.warn('no notice or course is visible to this build: the search index is empty');
          check('writing the index', await index.writeFiles({ outputPath: `${out}pagefind` }));
          const page_count = expected > 0 ? await indexedPageCount(`${out}pagefind`) : 0;
          if (page_count !== expected) {
            throw new Error(
              `Pagefind indexed ${page_count} pages but the build has ${expected} searchable pages (notices and courses). ` +
                'A page without data-pagefind-body, or an extra page with it, is the usual cause.',
            );
          }
          logger.info(`indexed ${page_count} pages for search`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
