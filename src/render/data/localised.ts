/**
 * Notices as the pages of one language show them: the prose of their translation into that language
 * when there is one, else the original's, with the language the prose is in (src/knowledge/localise.ts).
 * Each notice is localised once per language and build, so a card shown on many pages is one object
 * (hashed once for the cache keys: src/render/data/cache-keys.ts).
 */
import { localiseCourse, localiseNotice, proseLanguage, type ProseLanguage } from '../../knowledge/localise.ts';
import { imageSrcPath } from '../../model/images.ts';
import type { Language } from '../../model/languages.ts';
import type { Course, CourseTranslation, Notice, NoticeSummary, NoticeTranslation } from '../entries.ts';
import type { KnowledgeBase } from './knowledge-base.ts';

/** A notice in one language: its frontmatter with the translated prose, and what the page must say of its language. */
export interface LocalNotice {
  data: Notice['data'];
  prose: ProseLanguage;
  /** The translation shown (its body is the page's modus operandi), if any. */
  translation?: NoticeTranslation;
}

const local = new WeakMap<Notice | NoticeSummary, Map<Language, LocalNotice>>();
const summaries = new WeakMap<Notice | NoticeSummary, Map<Language, NoticeSummary>>();

/** The file name of an image as the translation writes it (the original's `src`, a path or a reference). */
function srcName(src: unknown): string {
  return imageSrcPath(src).replace(/^\.\//, '');
}

/** `n` in `lang` (memoised per build). */
export function localNotice(kb: KnowledgeBase, n: Notice | NoticeSummary, lang: Language): LocalNotice {
  let m = local.get(n);
  if (!m) local.set(n, (m = new Map<Language, LocalNotice>()));
  let l = m.get(lang);
  if (!l) {
    const translation = kb.noticeTranslations.get(n.id)?.get(lang);
    const prose = proseLanguage(n.data, lang, translation?.data);
    const shown = prose.state === 'missing' ? undefined : translation;
    l = { data: localiseNotice(n.data, shown?.data, srcName), prose, translation: shown };
    m.set(lang, l);
  }
  return l;
}

/** `n` as a card in `lang` shows it: slug, localised frontmatter, and the language of its prose when not `lang`. */
export function localSummary(kb: KnowledgeBase, n: Notice | NoticeSummary, lang: Language): NoticeSummary {
  let m = summaries.get(n);
  if (!m) summaries.set(n, (m = new Map<Language, NoticeSummary>()));
  let s = m.get(lang);
  if (!s) {
    const l = localNotice(kb, n, lang);
    s = l.prose.lang === lang ? { id: n.id, data: l.data } : { id: n.id, data: l.data, lang: l.prose.lang };
    m.set(lang, s);
  }
  return s;
}

/** A course in one language: its frontmatter with the translated prose, and what the page must say of its language. */
export interface LocalCourse {
  data: Course['data'];
  prose: ProseLanguage;
  /** The translation shown (its body is the course introduction), if any. */
  translation?: CourseTranslation;
}

/** Course `c` in `lang`. */
export function localCourse(kb: KnowledgeBase, c: Course, lang: Language): LocalCourse {
  const translation = kb.courseTranslations.get(c.id)?.get(lang);
  const prose = proseLanguage(c.data, lang, translation?.data);
  const shown = prose.state === 'missing' ? undefined : translation;
  return { data: localiseCourse(c.data, shown?.data), prose, translation: shown };
}
