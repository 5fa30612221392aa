/**
 * Which notices and courses lack a translation, or have one older than the original's last update, in
 * each language: the editors' list of translation work (`npm run translations`). Reads the content folder
 * as it is (any marking: editors translate before a build decides who sees what); never writes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { proseLanguage, type TranslationState } from '../knowledge/localise.ts';
import { isLanguage, LANGUAGE_CODES, type Language } from '../model/languages.ts';
import { readEntryFile } from '../loading/frontmatter.ts';
import { isDraft } from '../model/draft.ts';

/** One notice or course and the state of its prose in each language. */
export interface TranslationStatusRow {
  kind: 'notice' | 'course';
  /** Folder name (slug). */
  slug: string;
  /** Notice id, or the course's slug. */
  id: string;
  title: string;
  original: Language;
  /** Per language: `original`, `translated`, `stale` (older than the original's last update) or `missing`. */
  states: Record<Language, TranslationState>;
}

const dateText = (v: unknown): string | undefined =>
  v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === 'string' && v.trim() ? v.trim() : undefined;

/**
 * The translation status of every notice and course under `contentDir` (`notices/<slug>/index.mdx`,
 * `courses/<slug>/index.mdx` and their `index.<lang>.mdx` translations), sorted by kind then folder. A file
 * whose frontmatter is not YAML is skipped (the build reports it). Dates are `YYYY-MM-DD`.
 */
export function translationStatus(contentDir: string): TranslationStatusRow[] {
  const rows: TranslationStatusRow[] = [];
  for (const kind of ['notice', 'course'] as const) {
    const base = path.join(contentDir, kind === 'notice' ? 'notices' : 'courses');
    if (!fs.existsSync(base)) continue;
    // Folders whose name starts with a dot are not entries (the site skips them: an import's unfinished folder).
    for (const slug of fs
      .readdirSync(base)
      .filter((name) => !name.startsWith('.'))
      .sort()) {
      const read = (name: string): Record<string, unknown> | undefined => {
        const file = path.join(base, slug, name);
        if (!fs.existsSync(file)) return undefined;
        try {
          return readEntryFile(fs.readFileSync(file, 'utf8'), file).data;
        } catch {
          return undefined;
        }
      };
      const o = read('index.mdx');
      // A draft (an import not finished yet) is on no page: there is nothing to translate yet.
      if (!o || (kind === 'notice' && isDraft(o))) continue;
      const original = isLanguage(o.language) ? o.language : 'en';
      const dated = { language: original, published: dateText(o.published) ?? '', updated: dateText(o.updated) };
      const states = {} as Record<Language, TranslationState>;
      for (const lang of LANGUAGE_CODES) {
        const tr = lang === original ? undefined : read(`index.${lang}.mdx`);
        const translated = dateText(tr?.translated);
        states[lang] = proseLanguage(dated, lang, tr ? { translated: translated ?? '' } : undefined).state;
      }
      rows.push({
        kind,
        slug,
        id: kind === 'notice' && typeof o.id === 'string' ? o.id : slug,
        title: typeof o.title === 'string' ? o.title : '',
        original,
        states,
      });
    }
  }
  return rows;
}
