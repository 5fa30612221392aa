/**
 * Decap CMS's own frontmatter reader and writer (decap-cms-core's `FrontmatterFormatter`, the code
 * the CMS runs in the browser, with the `yaml` 1.x it bundles), loaded in Node. Used to check that
 * notice files are already in the form Decap writes, so that a save through the CMS changes only
 * what the editor changed (see scripts/format-notices.mjs and tests/unit/cms-format.test.ts).
 *
 * What Decap does on save (decap-cms-core backend.entryToRaw): it parses the file with yaml 1.x
 * (core schema: `2024-03-01`, `NO`, `yes` stay strings), re-serialises the whole frontmatter with
 * top-level keys in the collection's field order (nested keys keep their order), plain scalars
 * folded at 80 columns, strings quoted only when needed, lists indented, and ensures the file ends
 * with a newline. The body is kept as it is.
 */
import { registerHooks } from 'node:module';

/** The subset of Decap's formatter used here. */
export interface DecapFrontmatter {
  fromFile(content: string): Record<string, unknown> & { body?: string };
  toFile(data: Record<string, unknown>, sortedKeys?: string[], comments?: Record<string, string>): string;
}

let hooked = false;
let formatter: Promise<DecapFrontmatter> | undefined;

/**
 * decap-cms-core ships ES modules written for a bundler (extensionless relative imports); this
 * resolve hook adds the `.js` Node needs, only for imports made from that package.
 */
function hookDecapImports(): void {
  if (hooked) return;
  hooked = true;
  registerHooks({
    resolve(specifier, context, nextResolve) {
      const fromDecap = context.parentURL?.includes('/decap-cms-core/dist/esm/');
      if (fromDecap && !/\.[cm]?js$/.test(specifier) && (specifier.startsWith('.') || specifier.includes('/'))) {
        try {
          return nextResolve(`${specifier}.js`, context);
        } catch {
          /* fall through to the specifier as written */
        }
      }
      return nextResolve(specifier, context);
    },
  });
}

/** Decap's YAML frontmatter formatter (loaded once). */
export function decapFrontmatter(): Promise<DecapFrontmatter> {
  formatter ??= (async () => {
    hookDecapImports();
    // @ts-expect-error decap-cms-core ships no types for this path
    const mod = (await import('decap-cms-core/dist/esm/formats/frontmatter.js')) as {
      FrontmatterFormatter: new (format: string) => DecapFrontmatter;
    };
    return new mod.FrontmatterFormatter('yaml');
  })();
  return formatter;
}

/**
 * The file Decap would write for `content` if an editor opened it and saved without changing
 * anything: parse, serialise with top-level keys in `fieldOrder` (body last), newline at the end.
 */
export async function decapResave(content: string, fieldOrder: readonly string[]): Promise<string> {
  const f = await decapFrontmatter();
  const out = f.toFile(f.fromFile(content), [...fieldOrder, 'body']);
  return out.endsWith('\n') ? out : `${out}\n`;
}
