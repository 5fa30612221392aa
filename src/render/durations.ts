/** Course durations, stored in whole minutes (`durationMinutes`), shown as hours and minutes. */
import { t, type Lang } from './i18n/ui.ts';

/**
 * Formats a duration in minutes for display: `45` → "45 min", `90` → "1 h 30 min", `120` → "2 h".
 * Throws on a negative or fractional value (the schema allows whole minutes ≥ 1 only).
 */
export function formatDuration(minutes: number, lang: Lang): string {
  if (!Number.isInteger(minutes) || minutes < 0) throw new Error(`Not a duration in whole minutes: ${minutes}`);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return t('course.durationMinutes', { m }, lang);
  if (m === 0) return `${h} h`;
  return t('course.durationValue', { h, m }, lang);
}
