/**
 * A published notice may not refer to a draft (src/model/draft.ts) by `related` or `supersededBy`: a
 * draft is built into no audience, so the link would lead nowhere and print the draft's id. Drafts may
 * refer to each other and to published notices.
 */
import { isDraft } from '../../model/draft.ts';
import { NOTICE_ID_IN_TEXT } from '../../model/notice-ids.ts';
import type { ContentProblem } from '../problems.ts';
import { entryTexts, type MarkedEntry } from './marking-checks.ts';

/** What the check reads of each valid notice: its file and data (`id`, `draft`, `related`, `supersededBy`). */
interface NoticeEntry {
  file: string;
  data: Record<string, unknown>;
}

/** Problems for each `related` or `supersededBy` of a published notice naming a draft (ids compared in upper case). */
export function draftLinkProblems(notices: readonly NoticeEntry[]): ContentProblem[] {
  const drafts = new Set(notices.filter((n) => isDraft(n.data)).map((n) => String(n.data.id).toUpperCase()));
  if (drafts.size === 0) return [];
  const problems: ContentProblem[] = [];
  const say = (file: string, field: string, id: string) =>
    problems.push({
      file,
      field,
      message: `${id} is a draft, which no build publishes: finish it in the CMS (untick "Draft") or remove the link.`,
    });
  for (const n of notices) {
    if (isDraft(n.data)) continue;
    const related = Array.isArray(n.data.related) ? (n.data.related as unknown[]) : [];
    related.forEach((id, i) => {
      if (drafts.has(String(id).toUpperCase())) say(n.file, `related[${i}]`, String(id));
    });
    const by = n.data.supersededBy;
    if (typeof by === 'string' && drafts.has(by.toUpperCase())) say(n.file, 'supersededBy', by);
  }
  return problems;
}

/** Notice frontmatter fields that name notices structurally (checked above, or the notice's own id). */
const REFERENCE_FIELDS = new Set(['id', 'related', 'supersededBy']);

/**
 * Problems for each mention of a draft's id in the text or body of a published notice: no build publishes
 * the draft, so the mention would print an id that leads nowhere, and the dist check would stop the build
 * only after dist/ is written, naming output files rather than this file and field. Body mentions carry
 * their line and column in the file.
 */
export function draftMentionProblems(notices: readonly MarkedEntry[]): ContentProblem[] {
  const drafts = new Set(notices.filter((n) => isDraft(n.data)).map((n) => String(n.data.id).toUpperCase()));
  if (drafts.size === 0) return [];
  const problems: ContentProblem[] = [];
  for (const n of notices) {
    if (isDraft(n.data)) continue;
    for (const piece of entryTexts(n.data, (key, path) => key === path && REFERENCE_FIELDS.has(key), n.body, n.bodyLine)) {
      for (const m of piece.text.matchAll(NOTICE_ID_IN_TEXT)) {
        const id = m[0].toUpperCase();
        if (!drafts.has(id)) continue;
        problems.push({
          file: n.file,
          field: piece.field,
          ...(piece.line !== undefined && { line: piece.line, column: (piece.column ?? 1) + m.index }),
          message: `mentions ${id}, a draft, which no build publishes: finish the draft in the CMS (untick "Draft") or remove the mention.`,
        });
      }
    }
  }
  return problems;
}
