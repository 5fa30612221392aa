/**
 * Marking checks across the collection (TLP 2.0; DESIGN.md, "Audiences and markings"), made once
 * for every build whatever its audience, so each audience's build fails alike: a notice's text may
 * not name the id of a notice marked above it, since a build that may show the first but not the
 * second would publish that id (references in `related` and `supersededBy` are structural and are
 * dropped per build instead). TLP:RED itself is refused by the schema (src/schema/notice.ts).
 */
import { tlpLabel, tlpRank, type Tlp } from '../schema/tlp.ts';
import type { ContentProblem } from './problems.ts';

/** An entry as the marking checks see it: file shown to the editor, validated frontmatter, MDX body. */
export interface MarkedEntry {
  file: string;
  data: Record<string, unknown>;
  /** The MDX body, and the 1-based line of the file on which it starts. */
  body?: string;
  bodyLine?: number;
}

/** Notice ids as written in text (case-insensitive; ids are MO-YYYY-NNNN). */
const ID_IN_TEXT = /\bMO-\d{4}-\d{4}\b/gi;

/** Frontmatter fields that refer to notices structurally; each build drops the ones it may not show. */
const REFERENCE_FIELDS = new Set(['id', 'related', 'supersededBy']);

/** Every string in `value` with its field path (`indicators[2]`, `images[0].caption`). */
function strings(value: unknown, path: string, out: Array<{ field: string; text: string }>): void {
  if (typeof value === 'string') out.push({ field: path, text: value });
  else if (Array.isArray(value)) value.forEach((v, i) => strings(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) strings(v, path ? `${path}.${k}` : k, out);
  }
}

/**
 * Problems for every mention, in a notice's text or body, of a notice marked above it.
 * `markingOf` maps notice ids (upper case) to their markings; mentions of unknown ids are ignored
 * here (they are plain text). Body problems carry the line and column in the file.
 */
export function mentionProblems(entries: readonly MarkedEntry[], markingOf: ReadonlyMap<string, Tlp>): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const e of entries) {
    const own = e.data.tlp as Tlp | undefined;
    if (!own) continue;
    const check = (id: string, field: string, where?: { line: number; column: number }) => {
      const other = markingOf.get(id.toUpperCase());
      if (!other || tlpRank(other) <= tlpRank(own)) return;
      problems.push({
        file: e.file,
        field,
        ...where,
        message:
          `mentions ${id.toUpperCase()}, which is marked ${tlpLabel(other)}, above this notice's ${tlpLabel(own)}: ` +
          `a build that may show this notice but not ${id.toUpperCase()} would publish that id. ` +
          `Remove the mention (link it in "related" instead, which each build drops when it may not show it) or raise this notice's marking.`,
      });
    };
    const texts: Array<{ field: string; text: string }> = [];
    for (const [k, v] of Object.entries(e.data)) if (!REFERENCE_FIELDS.has(k)) strings(v, k, texts);
    for (const { field, text } of texts) for (const m of text.matchAll(ID_IN_TEXT)) check(m[0], field);
    if (e.body) {
      const lines = e.body.split('\n');
      lines.forEach((line, i) => {
        for (const m of line.matchAll(ID_IN_TEXT)) check(m[0], 'body', { line: (e.bodyLine ?? 1) + i, column: m.index + 1 });
      });
    }
  }
  return problems;
}
