/**
 * Marking checks across the collections (TLP 2.0; docs/audiences-and-deployment.md), made once
 * for every build whatever its audience, so each audience's build fails alike: the text of a notice
 * or a course may not name the id of a notice marked above it, since a build that may show the first
 * but not the second would publish that id (references in `related`, `supersededBy` and course case
 * links are structural: each build drops them, or the course link check requires the course to be
 * marked high enough). TLP:RED itself is refused by the schema (src/model/notice.ts).
 */
import { NOTICE_ID_IN_TEXT } from '../../model/notice-ids.ts';
import { tlpLabel, tlpRank, type Tlp } from '../../model/tlp.ts';
import type { ContentProblem } from '../problems.ts';

/** An entry as the marking checks see it: file shown to the editor, validated frontmatter, MDX body. */
export interface MarkedEntry {
  file: string;
  data: Record<string, unknown>;
  /** The MDX body, and the 1-based line of the file on which it starts. */
  body?: string;
  bodyLine?: number;
}

/** A piece of an entry's own text: its field (or "body", with the line and column in the file where the text starts) and the text. */
export interface EntryText {
  field: string;
  text: string;
  line?: number;
  column?: number;
}

/** Notice frontmatter fields that refer to notices structurally; each build drops the ones it may not show. */
const REFERENCE_FIELDS = new Set(['id', 'related', 'supersededBy']);

/**
 * The text of an entry: every frontmatter string with its field path (`indicators[2]`,
 * `modules[1].cases[0].prompt`), except under keys for which `skip(key, path)` is true, then (when
 * `body` is given) each line of the MDX body as field "body", with its line in the file (the body
 * starts on line `bodyLine`) and column 1.
 */
export function entryTexts(
  data: Record<string, unknown>,
  skip: (key: string, path: string) => boolean,
  body?: string,
  bodyLine = 1,
): EntryText[] {
  const out: EntryText[] = [];
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'string') out.push({ field: path, text: value });
    else if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}[${i}]`));
    else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        const at = path ? `${path}.${k}` : k;
        if (!skip(k, at)) walk(v, at);
      }
    }
  };
  walk(data, '');
  body?.split('\n').forEach((line, i) => out.push({ field: 'body', text: line, line: bodyLine + i, column: 1 }));
  return out;
}

/**
 * Problems for every mention, in `texts` of a notice or course (`kind`) marked `tlp`, of a notice
 * marked above it. `markingOf` maps notice ids (upper case) to their markings; mentions of unknown
 * ids are ignored here (they are plain text). Mentions are found in any case (`mo-2024-0001`).
 * Body problems carry the line and column in the file.
 */
export function mentionsAbove(
  entry: { file: string; tlp: Tlp; texts: readonly EntryText[] },
  markingOf: ReadonlyMap<string, Tlp>,
  kind: 'notice' | 'course',
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const own = entry.tlp;
  // What else the editor can do: a notice can link it in `related` instead; a course's case links
  // need the course marked as high as the notice anyway.
  const instead = kind === 'notice' ? ' (link it in "related" instead, which each build drops when it may not show it)' : '';
  for (const piece of entry.texts) {
    for (const m of piece.text.matchAll(NOTICE_ID_IN_TEXT)) {
      const id = m[0].toUpperCase();
      const other = markingOf.get(id);
      if (!other || tlpRank(other) <= tlpRank(own)) continue;
      problems.push({
        file: entry.file,
        field: piece.field,
        ...(piece.line !== undefined && { line: piece.line, column: (piece.column ?? 1) + m.index }),
        message:
          `mentions ${id}, which is marked ${tlpLabel(other)}, above this ${kind}'s ${tlpLabel(own)}: ` +
          `a build that may show this ${kind} but not ${id} would publish that id. ` +
          `Remove the mention${instead} or raise this ${kind}'s marking.`,
      });
    }
  }
  return problems;
}

/**
 * Problems for every mention, in a notice's text or body, of a notice marked above it (see
 * `mentionsAbove`); its structural references (`id`, `related`, `supersededBy`) are not text.
 * Entries without a marking are skipped (the schema reports them).
 */
export function mentionProblems(entries: readonly MarkedEntry[], markingOf: ReadonlyMap<string, Tlp>): ContentProblem[] {
  return entries.flatMap((e) => {
    const tlp = e.data.tlp as Tlp | undefined;
    if (!tlp) return [];
    const texts = entryTexts(e.data, (key, path) => key === path && REFERENCE_FIELDS.has(key), e.body, e.bodyLine);
    return mentionsAbove({ file: e.file, tlp, texts }, markingOf, 'notice');
  });
}
