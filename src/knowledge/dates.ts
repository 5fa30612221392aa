/**
 * Date-only values (`YYYY-MM-DD` strings from the schema). They are never turned into a local-time
 * Date, so no time zone of the build machine or the browser can shift them (field case F4).
 */

/** Splits `YYYY-MM-DD` into numbers; throws on any other shape (the schema guarantees the shape). */
export function parseDateOnly(value: string): { year: number; month: number; day: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) throw new Error(`Not a date-only value (YYYY-MM-DD): "${value}"`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * Formats a date-only value for display in a UI language, e.g. `2024-03-01` → "1 March 2024" (en).
 * Formatting happens in UTC on a UTC date, so the result is the same in every time zone.
 */
export function formatDate(value: string, lang = 'en'): string {
  const { year, month, day } = parseDateOnly(value);
  let f = formatters.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : lang, { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });
    formatters.set(lang, f);
  }
  return f.format(new Date(Date.UTC(year, month - 1, day)));
}

/** Compares two date-only values (string order is date order): negative when `a` is earlier; for newest first, compare `b` with `a`. */
export function compareDates(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
