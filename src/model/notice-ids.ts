/**
 * Notice ids (`MO-YYYY-NNNN`, our own numbering, never an INTERPOL number): the one definition of
 * their shape, and proposing the next free one. Used at build time (the schema, the CMS form's
 * default, the marking and dist checks) and in the browser (the id widget, from the notices the CMS
 * can see), so this module imports nothing. The build's duplicate-id check (src/loading/checks/references.ts)
 * stays the safety net for two drafts that were offered the same id.
 */

/** The shape of a notice id, without anchors or flags: `MO-`, a four-digit year, `-`, four digits. */
const NOTICE_ID_SHAPE = String.raw`MO-\d{4}-\d{4}`;

/** A whole value that is a notice id, exactly as written in frontmatter (upper case). */
export const NOTICE_ID = new RegExp(`^${NOTICE_ID_SHAPE}$`);

/**
 * Notice ids as written in running text: whole words, any case (`mo-2024-0001` too). Global: use it
 * with `matchAll`/`replace` (which copy it), never with `test`/`exec` (they keep state in `lastIndex`).
 */
export const NOTICE_ID_IN_TEXT = new RegExp(String.raw`\b${NOTICE_ID_SHAPE}\b`, 'gi');

/**
 * The next free id of `year`: one more than the highest `MO-<year>-NNNN` among `ids`, or
 * `MO-<year>-0001` when that year has none. Ids of other years and malformed ids are ignored.
 * Throws when the year's 9999 numbers are used up.
 */
export function nextNoticeId(ids: Iterable<string>, year: number): string {
  const y = String(year).padStart(4, '0');
  let max = 0;
  for (const id of ids) {
    // MO-YYYY-NNNN: the year at 3–6, the number at 8–11.
    if (NOTICE_ID.test(id) && id.slice(3, 7) === y) max = Math.max(max, Number(id.slice(8)));
  }
  if (max >= 9999) throw new Error(`All notice ids of ${y} are used (MO-${y}-9999 exists).`);
  return `MO-${y}-${String(max + 1).padStart(4, '0')}`;
}
