/**
 * Notice ids (`MO-YYYY-NNNN`, our own numbering): proposing the next free one. Used at build time
 * (the CMS form's default) and in the browser (the id widget, from the notices the CMS can see).
 * The build's duplicate-id check (src/lib/references.ts) stays the safety net for two drafts that
 * were offered the same id.
 */

const ID = /^MO-(\d{4})-(\d{4})$/;

/**
 * The next free id of `year`: one more than the highest `MO-<year>-NNNN` among `ids`, or
 * `MO-<year>-0001` when that year has none. Ids of other years and malformed ids are ignored.
 * Throws when the year's 9999 numbers are used up.
 */
export function nextNoticeId(ids: Iterable<string>, year: number): string {
  const y = String(year).padStart(4, '0');
  let max = 0;
  for (const id of ids) {
    const m = ID.exec(id);
    if (m && m[1] === y) max = Math.max(max, Number(m[2]));
  }
  if (max >= 9999) throw new Error(`All notice ids of ${y} are used (MO-${y}-9999 exists).`);
  return `MO-${y}-${String(max + 1).padStart(4, '0')}`;
}
