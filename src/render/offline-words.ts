/**
 * The UI strings the offline page's script fills in as it works (src/render/offline-page.ts): the page
 * hands them over in the page's language, placeholders left as written.
 */
import type { UiKey } from './i18n/ui.ts';

export const OFFLINE_SCRIPT_WORDS = [
  'offline.none',
  'offline.summary',
  'offline.what.all',
  'offline.what.course',
  'offline.saveAll',
  'offline.saveCourseButton',
  'offline.saving',
  'offline.saved',
  'offline.failed',
  'offline.latest',
  'offline.newer',
  'offline.removed',
] as const satisfies readonly UiKey[];

/** One of those strings. */
export type OfflineWord = (typeof OFFLINE_SCRIPT_WORDS)[number];
