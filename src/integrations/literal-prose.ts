/**
 * Astro integration: notice bodies render as typed (field case F8). A Vite plugin, ordered before
 * the MDX compiler, passes every `.mdx` file under the given folders through `escapeMdxFile`
 * (src/lib/mdx-escape.ts) in memory; the file on disk is never rewritten. List it before `mdx()`.
 */
import path from 'node:path';
import type { AstroIntegration } from 'astro';
import { escapeMdxFileDetailed, lineColumn } from '../lib/mdx-escape.ts';
import { CALLOUT_NAME, calloutTagProblem } from '../cms/callout.ts';
import { displayPath } from '../loaders/checked-glob.ts';

/** MDX components a notice body may use (each has a Decap editor component). */
export const NOTICE_BODY_COMPONENTS = [CALLOUT_NAME] as const;

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
                  const { text, tags } = escapeMdxFileDetailed(code, NOTICE_BODY_COMPONENTS);
                  const where = (offset: number) => {
                    const { line, column } = lineColumn(code, offset);
                    return `${displayPath(process.cwd(), id)}:${line}:${column}`;
                  };
                  for (const tag of tags) {
                    const problem = tag.role !== 'close' && tag.balanced ? calloutTagProblem(tag.value) : undefined;
                    if (problem) {
                      throw new Error(`${where(tag.offset)} ${problem}\n  Hint: in the CMS, open the call-out and choose its kind; in the file, write <Callout type="note" title="…"> on its own line and </Callout> on a line of its own after the text.`);
                    }
                    if (!tag.balanced) {
                      this.warn(`${where(tag.offset)} ${tag.value} has no matching ${tag.role === 'close' ? 'opening' : 'closing'} tag, so it is shown as text. Put <Callout …> and </Callout> each on a line of their own.`);
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
