/**
 * Looking a notice up by the id an editor wrote (field case F7), shared by the collection checks
 * (src/loading/checks/references.ts) and the course link checks (src/loading/checks/course-links.ts): ids match exactly;
 * an id that matches only in another case gets a "did you mean" hint. Pure.
 */

/** Notices by exact id, and the message for a reference that matches none. */
export interface NoticeLookup<N> {
  /** Exact id → the first notice with that id (a later duplicate is not stored). */
  byId: Map<string, N>;
  /**
   * The message for `ref`, an id that matches no notice: a "did you mean" with the exact id when only
   * the case (or surrounding spaces) differ, else "matches no notice id." followed by `fix` (what to do).
   */
  unknownId: (ref: string, fix: string) => string;
}

/** Builds the lookup of `notices`, whose ids `idOf` gives. Linear in the number of notices. */
export function noticeLookup<N>(notices: Iterable<N>, idOf: (n: N) => string): NoticeLookup<N> {
  const byId = new Map<string, N>();
  const byUpperId = new Map<string, string>();
  for (const n of notices) {
    const id = idOf(n);
    if (byId.has(id)) continue;
    byId.set(id, n);
    if (!byUpperId.has(id.toUpperCase())) byUpperId.set(id.toUpperCase(), id);
  }
  return {
    byId,
    unknownId(ref, fix) {
      const exact = byUpperId.get(ref.trim().toUpperCase());
      return exact
        ? `"${ref}" matches no notice; ids are written exactly, did you mean "${exact}"?`
        : `"${ref}" matches no notice id. ${fix}`;
    },
  };
}
