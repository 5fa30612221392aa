/**
 * Content problems: what is wrong, in which file and field, gathered across the whole collection
 * so an editor sees every problem at once, then reported as one readable message.
 */

/** One problem in one content file. `field` is a frontmatter path such as `images[0].alt`, or "body". */
export interface ContentProblem {
  file: string;
  field: string;
  message: string;
  /** Line and column in the file, 1-based, when known (e.g. MDX syntax errors). */
  line?: number;
  column?: number;
}

/** Turns a zod issue path (`['images', 0, 'alt']`) into the field notation `images[0].alt`. */
export function fieldPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += (out ? '.' : '') + String(p);
  }
  return out || '(frontmatter)';
}

/** A zod issue as far as the messages need it. */
interface Issue {
  path: ReadonlyArray<PropertyKey>;
  message: string;
  code?: string;
  expected?: string;
}

/**
 * The message for one zod issue: the schema's own messages as they are; zod's bare "expected array /
 * object" type errors with how to write a list or a group in YAML, naming the field.
 */
export function issueMessage(i: Issue): string {
  const key = String(i.path.at(-1) ?? 'field');
  const zodDefault = /^Invalid input: expected \w+, received (\w+)/.exec(i.message);
  if (i.code !== 'invalid_type' || !zodDefault) return i.message;
  const type = zodDefault[1] ?? '';
  const got = type === 'undefined' ? 'nothing' : `${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}`;
  if (i.expected === 'array')
    return `Expected a list, got ${got}. Write one "- item" per line under ${key}: (or ${key}: [first, second] for short values).`;
  if (i.expected === 'object')
    return `Expected a group of fields, got ${got}. Write its fields indented under ${key}: (as in the notices in content/, or use the CMS form).`;
  return i.message;
}

/** Converts zod issues (`{ path, message, code? }[]`) of one file into problems. */
export function problemsFromIssues(file: string, issues: ReadonlyArray<Issue>): ContentProblem[] {
  return issues.map((i) => ({ file, field: fieldPath(i.path), message: issueMessage(i) }));
}

/**
 * Formats problems grouped by file, one line per problem:
 * `content/notices/x/index.mdx:12:3` then `  field: message`. Returns "" when there are none.
 */
export function formatProblems(problems: ReadonlyArray<ContentProblem>): string {
  if (problems.length === 0) return '';
  const byFile = new Map<string, ContentProblem[]>();
  for (const p of problems) {
    const list = byFile.get(p.file) ?? [];
    list.push(p);
    byFile.set(p.file, list);
  }
  const lines = [`${problems.length} problem${problems.length === 1 ? '' : 's'} in the content; nothing was built:`];
  for (const [file, list] of byFile) {
    lines.push(`  ${file}`);
    for (const p of list) {
      const where = p.line ? `${file}:${p.line}:${p.column ?? 1} ` : '';
      lines.push(`    ${where}${p.field}: ${p.message}`);
    }
  }
  return lines.join('\n');
}

/** Error carrying every problem found; its message is `formatProblems(problems)`. */
export class ContentProblemsError extends Error {
  readonly problems: ContentProblem[];
  constructor(problems: ContentProblem[]) {
    super(formatProblems(problems));
    this.problems = problems;
    this.name = 'ContentProblemsError';
  }
}
