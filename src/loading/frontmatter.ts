/**
 * The one frontmatter splitter of Modus: where an entry file's frontmatter ends and its body begins,
 * and what its fields are. It reads a file exactly as Astro's MDX entry type does (@astrojs/mdx
 * `getEntryInfo`): the block found by Astro's own frontmatter helper (`---` fences, or `+++` for
 * TOML), fields parsed by that helper (js-yaml), the body the text after the block, trimmed. So the
 * content loader's checks, the dist check, the CMS integration and the scripts see the same fields
 * and the same body as the pages.
 *
 * Pure: takes the file's text, never reads or writes a file.
 */
import { extractFrontmatter, parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';

/** An entry file split into its frontmatter (as written) and its body. */
export interface SplitEntry {
  /** The frontmatter as written between its fences, or `undefined` when the file has none. */
  frontmatter: string | undefined;
  /** The body as Astro's MDX entry type reads it: the text after the frontmatter block, trimmed. */
  body: string;
  /** The 1-based line of the file on which `body` starts. */
  bodyLine: number;
}

/** An entry file read as the site reads it: its fields, its body and the line the body starts on. */
export interface ReadEntry extends SplitEntry {
  data: Record<string, unknown>;
}

/** Index in `text` of the first character after `from` that is not white space (as `trim()` counts it). */
function firstNonSpace(text: string, from: number): number {
  const m = /\S/.exec(text.slice(from));
  return m ? from + m.index : text.length;
}

/**
 * Splits an entry file without parsing its fields (for files whose fields were parsed already, e.g.
 * by Astro's glob loader). Never throws.
 */
export function splitEntry(fileText: string): SplitEntry {
  const raw = extractFrontmatter(fileText);
  let bodyStart = 0;
  if (raw !== undefined) {
    // Astro removes the first `---…---` (or `+++…+++`) block holding `raw`: the one its pattern found,
    // since only white space may come before it.
    const block = [`---${raw}---`, `+++${raw}+++`].map((b) => ({ b, at: fileText.indexOf(b) })).find((x) => x.at >= 0);
    if (block) bodyStart = block.at + block.b.length;
  }
  const at = firstNonSpace(fileText, bodyStart);
  const end = fileText.trimEnd().length;
  return {
    frontmatter: raw,
    body: at < end ? fileText.slice(at, end) : '',
    bodyLine: fileText.slice(0, at).split('\n').length,
  };
}

/**
 * Reads an entry file's fields (YAML, or TOML between `+++`) and body as the site does: a file without
 * frontmatter, or whose frontmatter is a single value, has no fields (`{}`). Throws js-yaml's
 * `YAMLException` (`reason`, and `mark`: 0-based line and column counted from the opening fence's line)
 * when the frontmatter is not valid YAML; its message then starts with `file` when given.
 */
export function readEntryFile(fileText: string, file?: string): ReadEntry {
  const split = splitEntry(fileText);
  if (split.frontmatter === undefined) return { ...split, data: {} };
  try {
    return { ...split, data: parseFrontmatter(fileText, { frontmatter: 'preserve' }).frontmatter as Record<string, unknown> };
  } catch (err) {
    if (file && err instanceof Error) err.message = `${file}: ${err.message}`;
    throw err;
  }
}
