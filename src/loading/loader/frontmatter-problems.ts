/**
 * Frontmatter that is not YAML. Astro's glob loader stops at the first such file with js-yaml's own
 * error; this finds every such file instead and reports each in the usual form, with its line and
 * column and the usual cause and fix.
 */
import fs from 'node:fs';
import path from 'node:path';
import { readEntryFile } from '../frontmatter.ts';
import type { ContentProblem } from '../problems.ts';

/** The hint under every frontmatter syntax error: the usual cause and its fix. */
const YAML_HINT =
  'A value that contains ": " or " #", or starts with one of [ ] { } > | * & ! % @ ` \' ", must be quoted, e.g. object: "Hollow casting: resin figurine". Lines of a list or of a group must be indented alike.';

/** True when `err` is js-yaml's syntax error (what Astro's glob loader throws for such a file). */
export function isYamlError(err: unknown): boolean {
  return (err as { name?: string } | null)?.name === 'YAMLException';
}

/**
 * Every entry file `<base>/<slug>/index.mdx` whose frontmatter is not valid YAML, as problems with the
 * file (named by `rel`), line and column (read as Astro's MDX entry type reads them).
 */
export function yamlProblems(base: string, rel: (file: string) => string): ContentProblem[] {
  const out: ContentProblem[] = [];
  for (const dir of fs.readdirSync(base, { withFileTypes: true })) {
    const file = path.join(base, dir.name, 'index.mdx');
    if (!dir.isDirectory() || !fs.existsSync(file)) continue;
    try {
      readEntryFile(fs.readFileSync(file, 'utf8'));
    } catch (err) {
      if (!isYamlError(err)) continue;
      const e = err as { reason?: string; message?: string; mark?: { line: number; column: number } };
      out.push({
        file: rel(file),
        field: '(frontmatter)',
        ...(e.mark ? { line: e.mark.line + 1, column: e.mark.column + 1 } : {}),
        message: `The frontmatter is not valid YAML: ${e.reason ?? e.message}. ${YAML_HINT}`,
      });
    }
  }
  return out;
}
