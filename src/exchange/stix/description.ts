/**
 * The plain-text description of a notice's attack-pattern, for the analysts of a platform that does not
 * read the Modus extension: the summary, the concealment method and the indicators (no Markdown).
 */
import type { NoticeData } from '../../model/notice.ts';
import { concealmentCategories, labelOf } from '../../model/vocabularies.ts';

/** The notice's fields the description is made of. */
export type DescribedNotice = Pick<NoticeData, 'summary' | 'concealment' | 'indicators'>;

/**
 * `<summary>`, a blank line, `Concealment: <category label>: <object> (placement: …).`, a blank line,
 * `Indicators:` and one `- <indicator>` line each.
 */
export function attackPatternDescription(n: DescribedNotice): string {
  const c = n.concealment;
  const concealment = `Concealment: ${labelOf(concealmentCategories, c.category)}: ${c.object}${c.placement ? ` (placement: ${c.placement})` : ''}.`;
  return [n.summary, concealment, ['Indicators:', ...n.indicators.map((i) => `- ${i}`)].join('\n')].join('\n\n');
}

/** A recommended action as the name of its course-of-action: the action itself, cut to `max` characters with `…`. */
export function actionName(action: string, max = 120): string {
  const oneLine = action.replace(/\s+/g, ' ').trim();
  return oneLine.length <= max ? oneLine : `${oneLine.slice(0, max - 1).trimEnd()}…`;
}
