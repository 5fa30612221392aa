/**
 * Astro integration: notice bodies render as typed (field case F8). A Vite plugin, ordered before
 * the MDX compiler, passes every `.mdx` file under the given folders through `escapeMdxFile`
 * (src/lib/mdx-escape.ts) in memory; the file on disk is never rewritten. List it before `mdx()`.
 */
import path from 'node:path';
import type { AstroIntegration } from 'astro';
import { escapeMdxFile } from '../lib/mdx-escape.ts';
import { CALLOUT_NAME } from '../cms/callout.ts';

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
                  return { code: escapeMdxFile(code, NOTICE_BODY_COMPONENTS), map: null };
                },
              },
            ],
          },
        });
      },
    },
  };
}
