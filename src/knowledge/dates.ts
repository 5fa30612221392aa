/**
 * Date-only values (`YYYY-MM-DD` strings from the schema). They are never turned into a local-time
 * Date, so no time zone of the build machine or the browser can shift them (field case F4). The render
 * layer formats them for display (src/render/dates.ts).
 */

/** Splits `YYYY-MM-DD` into numbers; throws on any other shape (the schema guarantees the shape). */
export function parseDateOnly(value: string): { year: number; month: number; day: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) throw new Error(`Not a date-only value (YYYY-MM-DD): "${value}"`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

/** Compares two date-only values (string order is date order): negative when `a` is earlier; for newest first, compare `b` with `a`. */
export function compareDates(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
