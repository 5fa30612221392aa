/**
 * A published notice may not refer to a draft (src/model/draft.ts) by `related` or `supersededBy`: a
 * draft is built into no audience, so the link would lead nowhere and print the draft's id. Drafts may
 * refer to each other and to published notices.
 */
import { isDraft } from '../../model/draft.ts';
import type { ContentProblem } from '../problems.ts';

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
