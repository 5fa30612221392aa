/**
 * The tables of French, Spanish and Arabic (src/render/i18n/<lang>.ts, shapes in tables.ts): complete is
 * checked by the type check; here, what types cannot see. Prevents: a translated string that lost or
 * renamed a `{placeholder}` (a page would show "{n}" or drop the count), an empty string, a vocabulary
 * group label missing, and a table still holding the English text where a translation was due.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as vocabularies from '../../src/model/vocabularies.ts';
import type * as V from '../../src/model/vocabularies.ts';
import type { UiTable, VocabularyTable } from '../../src/render/i18n/tables.ts';
import { t, type UiKey } from '../../src/render/i18n/ui.ts';

const LANGS = ['fr', 'es', 'ar'].filter((l) => fs.existsSync(path.join(import.meta.dirname, `../../src/render/i18n/${l}.ts`)));
/** English strings a translation may keep as they are (names, codes, the product's name). */
const SAME_IN_EVERY_LANGUAGE = new Set(['Modus', 'MDMA', 'TLP:CLEAR', 'TLP:GREEN', 'TLP:AMBER', 'TLP:AMBER+STRICT', 'TLP:RED']);
/** Words spelt alike in English and one other language, each checked: the audience names "public" and "organisation" in French. */
const SAME_AS_ENGLISH: Record<string, ReadonlySet<string>> = { fr: new Set(['public', 'organisation']) };
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe.each(LANGS)('the %s tables', (lang) => {
  it('keep every placeholder of the English string, and no string is empty', async () => {
    const { ui } = (await import(`../../src/render/i18n/${lang}.ts`)) as { ui: UiTable };
    for (const [key, text] of Object.entries(ui) as Array<[UiKey, string]>) {
      expect(text.trim(), key).not.toBe('');
      expect(placeholders(text), key).toEqual(placeholders(t(key)));
    }
  });

  it('translate nearly every UI string (the English text kept only for names and codes)', async () => {
    const { ui } = (await import(`../../src/render/i18n/${lang}.ts`)) as { ui: UiTable };
    const untranslated = (Object.entries(ui) as Array<[UiKey, string]>).filter(
      ([key, text]) => text === t(key) && !SAME_IN_EVERY_LANGUAGE.has(text) && !SAME_AS_ENGLISH[lang]?.has(text),
    );
    expect(untranslated.map(([k]) => k)).toEqual([]);
  });

  it('label every term and every group of every vocabulary', async () => {
    const { vocabularyLabels } = (await import(`../../src/render/i18n/${lang}-labels.ts`)) as { vocabularyLabels: VocabularyTable };
    for (const [name, v] of Object.entries(vocabularies)) {
      if (typeof v !== 'object' || v === null || !('terms' in v)) continue;
      const table = vocabularyLabels[name as keyof VocabularyTable];
      for (const slug of Object.keys(v.terms))
        expect((table.terms as Record<string, string>)[slug]?.trim(), `${name}.${slug}`).toBeTruthy();
      for (const group of new Set<string>(Object.values(v.groups ?? {})))
        expect(table.groups?.[group]?.trim(), `${name} group ${group}`).toBeTruthy();
    }
  });
});

it('at least one language table exists to check', () => {
  expect(LANGS.length).toBeGreaterThan(0);
});

describe('every language', () => {
  it('has every UI string: the list of what is missing is empty (the build stops on it otherwise)', async () => {
    const { missingUiStrings } = await import('../../src/render/i18n/ui.ts');
    expect(missingUiStrings()).toEqual([]);
  });
  it('has a label for every term of every vocabulary (the build stops on a missing one, naming it)', async () => {
    const { termLabel } = await import('../../src/render/i18n/labels.ts');
    const missing: string[] = [];
    for (const lang of ['en', 'fr', 'es', 'ar'] as const)
      for (const v of Object.values(vocabularies))
        if (typeof v === 'object' && v !== null && 'terms' in v)
          for (const slug of Object.keys(v.terms))
            try {
              termLabel(v as V.Vocabulary, slug, lang);
            } catch {
              missing.push(`${lang}: ${v.name} ${slug}`);
            }
    expect(missing).toEqual([]);
  });
});
