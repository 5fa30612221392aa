/**
 * Date-only values (`YYYY-MM-DD`) as the site shows them, in a UI language. Formatted in UTC on a UTC
 * date, so no time zone of the build machine or the browser can shift them (field case F4).
 */
import { parseDateOnly } from '../knowledge/dates.ts';

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * Formats a date-only value for display in a UI language, e.g. `2024-03-01` → "1 March 2024" (en).
 * Formatting happens in UTC on a UTC date, so the result is the same in every time zone. Throws on a
 * value that is not `YYYY-MM-DD`.
 */
export function formatDate(value: string, lang = 'en'): string {
  const { year, month, day } = parseDateOnly(value);
  let f = formatters.get(lang);
  if (!f) {
    // Arabic with Western digits, as notice ids, years and quantities are written in the notices themselves.
    f = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : lang === 'ar' ? 'ar-u-nu-latn' : lang, {
      timeZone: 'UTC',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    });
    formatters.set(lang, f);
  }
  return f.format(new Date(Date.UTC(year, month - 1, day)));
}
