/**
 * Astro integration: notice bodies render as typed (field case F8). A Vite plugin, ordered before
 * the MDX compiler, passes every `.mdx` file under the given folders through `repairMdxFile`
 * (src/lib/mdx-escape.ts) in memory; the file on disk is never rewritten. The content loader checks
 * the same repaired text (its `prepareBody`), so the body policy sees what MDX compiles. Call-outs
 * are checked here: a wrong one stops the build with `file:line:col` and a hint.
 * List it before `mdx()`.
 */
import path from 'node:path';
import type { AstroIntegration } from 'astro';
import { lineColumn, repairMdxFile } from '../lib/mdx-escape.ts';
import { CALLOUT_NAME, calloutProblem } from '../cms/callout.ts';
import { displayPath } from '../loaders/checked-glob.ts';

const HINT = 'Hint: in the CMS, open the call-out and choose its kind; in the file, write <Callout type="note" title="…"> on its own line and </Callout> on a line of its own after the text.';

/** The integration; `folders` are absolute folders whose `.mdx` files hold editor-written prose. */
export function literalProseIntegration(options: { folders: string[] }): AstroIntegration {
  const roots = options.folders.map((f) => path.resolve(f) + path.sep);
  return {
    name: 'modus-literal-prose',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'modus:literal-prose',
                enforce: 'pre',
                transform(code: string, id: string) {
                  // Only the MDX source itself (as the MDX plugin sees it: an id ending in .mdx), not
                  // the modules Astro derives from it with a query (`?astroPropagatedAssets`).
                  if (!id.endsWith('.mdx') || !roots.some((r) => id.startsWith(r))) return null;
                  const { text, repairs, components } = repairMdxFile(code);
                  const where = (offset: number) => {
                    const { line, column } = lineColumn(code, offset);
                    return `${displayPath(process.cwd(), id)}:${line}:${column}`;
                  };
                  for (const c of components) {
                    const problem = c.name === CALLOUT_NAME ? calloutProblem(c.attributes) : undefined;
                    if (problem) throw new Error(`${where(c.offset)} ${problem}\n  ${HINT}`);
                  }
                  for (const r of repairs) {
                    const tag = /^<\/?Callout\b[^>]*>?/.exec(code.slice(r.offset));
                    if (r.kind === '<' && tag) {
                      this.warn(`${where(r.offset)} ${tag[0]} has no matching ${tag[0].startsWith('</') ? 'opening' : 'closing'} tag, so it is shown as text. Put <Callout …> and </Callout> each on a line of their own.`);
                    }
                  }
                  return { code: text, map: null };
                },
              },
            ],
          },
        });
      },
    },
  };
}
