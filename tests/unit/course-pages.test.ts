/**
 * Small helpers of the course pages: which built pages are searchable, durations, counts and course
 * URLs. Prevents: handouts and list pages indexed for search (duplicate results, a wrong Pagefind
 * count check), "1 cases", and course links without the trailing slash the static host expects.
 */
import { describe, expect, it } from 'vitest';
import { isRedirectHtml, isSearchablePath } from '../../src/search/searchable.ts';
import { formatDuration } from '../../src/render/durations.ts';
import { courseModuleUrl, courseUrl, handoutUrl } from '../../src/knowledge/urls.ts';
import { tn } from '../../src/render/i18n/ui.ts';

describe('searchable pages include courses', () => {
  it('counts notice and course pages, not handouts, lists or list pages', () => {
    expect(isSearchablePath('notices/meth-in-gears/')).toBe(true);
    expect(isSearchablePath('/courses/maritime-methods/')).toBe(true);
    expect(isSearchablePath('courses/maritime-methods/handout/')).toBe(false);
    expect(isSearchablePath('courses/')).toBe(false);
    expect(isSearchablePath('notices/page/2/')).toBe(false);
  });

  it('counts the notice and course pages of every language section, which Pagefind indexes in their own language (a language whose pages are left out of search)', () => {
    for (const lang of ['fr', 'es', 'ar']) {
      expect(isSearchablePath(`${lang}/notices/meth-in-gears/`), lang).toBe(true);
      expect(isSearchablePath(`/${lang}/courses/maritime-methods/`), lang).toBe(true);
      expect(isSearchablePath(`${lang}/courses/maritime-methods/handout/`), lang).toBe(false);
      expect(isSearchablePath(`${lang}/notices/page/2/`), lang).toBe(false);
      expect(isSearchablePath(`${lang}/notices/`), lang).toBe(false);
      expect(isSearchablePath(`${lang}/search/`), lang).toBe(false);
    }
    expect(isSearchablePath('en/notices/meth-in-gears/')).toBe(false);
    expect(isSearchablePath('de/notices/meth-in-gears/')).toBe(false);
    expect(isSearchablePath('browse/notices/x/')).toBe(false);
  });

  it('recognises the static redirect pages written for former slugs', () => {
    expect(isRedirectHtml('<meta http-equiv="refresh" content="0;url=/notices/x/">')).toBe(true);
    expect(isRedirectHtml('<article data-pagefind-body><h1>Notice</h1></article>')).toBe(false);
  });
});

describe('course display helpers', () => {
  it('formats durations in hours and minutes', () => {
    expect(formatDuration(45, 'en')).toBe('45 min');
    expect(formatDuration(60, 'en')).toBe('1 h');
    expect(formatDuration(90, 'en')).toBe('1 h 30 min');
    expect(() => formatDuration(1.5, 'en')).toThrow();
  });

  it('counts cases and modules in words, singular for one (1 case, 2 cases, 0 modules)', () => {
    expect(tn('course.caseCount', 1)).toBe('1 case');
    expect(tn('course.caseCount', 2)).toBe('2 cases');
    expect(tn('course.moduleCount', 0)).toBe('0 modules');
    expect(tn('course.moduleCount', 1)).toBe('1 module');
  });

  it('builds course URLs with a trailing slash and module anchors', () => {
    expect(courseUrl('maritime')).toBe('/courses/maritime/');
    expect(courseModuleUrl('maritime', 3)).toBe('/courses/maritime/#module-3');
    expect(handoutUrl('maritime')).toBe('/courses/maritime/handout/');
  });
});
