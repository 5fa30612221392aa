/**
 * Translations of notices and courses (docs/content-model.md, "Translations"): a translation that no longer
 * fits its original is reported, never shown half-matched; a page tells the reader when its prose is the
 * original's (not translated yet) or older than the original's last update; the editors' list of work
 * finds what is missing or stale. Prevents: an indicator shown in the wrong place after an original gained
 * one, an English paragraph silently served as French, a stale translation passing for current.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkTranslations, misnamedTranslations, type OriginalFile, type TranslationFile } from '../../src/loading/checks/translations.ts';
import { localiseCourse, localiseNotice, proseLanguage } from '../../src/knowledge/localise.ts';
import { translationStatus } from '../../src/build/translation-status.ts';
import { pathInLanguage, splitLanguagePath } from '../../src/model/languages.ts';
import { noticeTranslationSchema, translationLanguageOf } from '../../src/model/translation.ts';

const original = (data: Record<string, unknown> = {}): OriginalFile => ({
  file: 'content/notices/x/index.mdx',
  valid: true,
  data: {
    id: 'MO-2025-0001',
    language: 'en',
    tlp: 'CLEAR',
    concealment: { category: 'inside-goods', object: 'Statues', placement: 'Inside the base' },
    indicators: ['a', 'b'],
    recommendedActions: ['c'],
    images: [{ src: './a.png', alt: 'A', caption: 'Cap' }],
    ...data,
  },
});
const translation = (data: Record<string, unknown> = {}, lang = 'fr'): TranslationFile => ({
  file: `content/notices/x/index.${lang}.mdx`,
  slug: 'x',
  lang,
  valid: true,
  data: {
    translated: '2026-01-01',
    title: 'T',
    summary: 'S',
    concealment: { object: 'Statues', placement: 'Dans le socle' },
    indicators: ['a', 'b'],
    recommendedActions: ['c'],
    images: [{ src: 'a.png', alt: 'A', caption: 'Légende' }],
    ...data,
  },
});
const check = (t: TranslationFile, o: OriginalFile | null = original(), marks = new Map()) =>
  checkTranslations('notice', [t], new Map(o ? [['x', o]] : []), marks).map((p) => `${p.field}: ${p.message}`);

describe('a translation that fits its original', () => {
  it('passes (image src written with or without ./)', () => {
    expect(check(translation())).toEqual([]);
  });
  it('is reported when its original is missing, or in the same language', () => {
    expect(check(translation(), null).join()).toMatch(/no index\.mdx beside this translation/);
    expect(check(translation({}, 'en')).join()).toMatch(/the language the original is written in/);
  });
  it('is reported when it has another number of indicators or actions than the original', () => {
    expect(check(translation({ indicators: ['a'] }))).toEqual([
      expect.stringMatching(/^indicators: The original has 2 indicators, this translation 1/),
    ]);
    expect(check(translation({ recommendedActions: ['c', 'd'] })).join()).toMatch(
      /^recommendedActions: The original has 1 recommended actions/,
    );
  });
  it('is reported when a placement or caption is where the original has none, or missing where it has one', () => {
    expect(check(translation({ concealment: { object: 'O' } })).join()).toMatch(/^concealment\.placement: The original has a placement/);
    expect(check(translation(), original({ images: [{ src: './a.png', alt: 'A' }] })).join()).toMatch(
      /^images\[0\]\.caption: The original has no a caption/,
    );
  });
  it('is reported when an image is not the original’s or an original image has no alt text', () => {
    const r = check(translation({ images: [{ src: 'b.png', alt: 'B' }] }));
    expect(r.join('\n')).toMatch(/images\[0\]\.src: "b\.png" is not an image of the original/);
    expect(r.join('\n')).toMatch(/images: The original's image "a\.png" has no alt text/);
  });
  it('is reported when its translated day is after today (it would hide for good that the original changed)', () => {
    const r = checkTranslations(
      'notice',
      [translation({ translated: '2030-01-02' })],
      new Map([['x', original()]]),
      new Map(),
      '2030-01-01',
    );
    expect(r.map((p) => `${p.field}: ${p.message}`)).toEqual([
      expect.stringMatching(/^translated: 2030-01-02 is after today \(2030-01-01\)/),
    ]);
  });

  it('a file named like a translation in no known language is reported, not passed over', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'modus-misnamed-'));
    fs.mkdirSync(path.join(dir, 'x'));
    for (const name of ['index.mdx', 'index.fr.mdx', 'index.de.mdx', 'index.FR.mdx', 'notes.mdx'])
      fs.writeFileSync(path.join(dir, 'x', name), '');
    const r = misnamedTranslations(dir, (f) => path.relative(dir, f));
    fs.rmSync(dir, { recursive: true });
    expect(r.map((p) => p.file).sort()).toEqual(['x/index.FR.mdx', 'x/index.de.mdx']);
    expect(r[0]!.message).toMatch(/name it index\.<lang>\.mdx with lang one of ar, en, es, fr/);
  });

  it('is reported when its words name a notice marked above the original', () => {
    const marks = new Map([['MO-2025-0002', 'AMBER']]);
    expect(check(translation({ summary: 'Voir MO-2025-0002.' }), original(), marks).join()).toMatch(/^summary: mentions MO-2025-0002/);
  });
});

describe('the prose a page shows', () => {
  const o = { language: 'en' as const, published: '2025-01-01', updated: '2026-03-02' };
  it('is the original in its own language, the translation when it is as new as the original, stale when older', () => {
    expect(proseLanguage(o, 'en')).toEqual({ lang: 'en', original: 'en', state: 'original' });
    expect(proseLanguage(o, 'fr')).toEqual({ lang: 'en', original: 'en', state: 'missing' });
    expect(proseLanguage(o, 'fr', { translated: '2026-03-02' }).state).toBe('translated');
    expect(proseLanguage(o, 'fr', { translated: '2026-03-01' })).toEqual({
      lang: 'fr',
      original: 'en',
      state: 'stale',
      translated: '2026-03-01',
      updated: '2026-03-02',
    });
  });
  it('takes the translation’s words and keeps every fact of the original', () => {
    const d = {
      id: 'MO-2025-0001',
      title: 'T',
      summary: 'S',
      tlp: 'CLEAR',
      concealment: { category: 'inside-goods', object: 'O', placement: 'P' },
      keywords: ['ice'],
      indicators: ['i'],
      recommendedActions: ['a'],
      images: [{ src: { path: './a.png' }, alt: 'A', caption: 'C', credit: 'Cr' }],
    };
    const tr = noticeTranslationSchema().parse({
      translated: '2026-01-01',
      title: 'Titre',
      summary: 'Résumé',
      concealment: { object: 'Objet', placement: 'Socle' },
      indicators: ['indice'],
      recommendedActions: ['action'],
      images: [{ src: 'a.png', alt: 'Texte', caption: 'Légende' }],
    });
    const l = localiseNotice(d, tr, (src) => String((src as { path: string }).path).replace(/^\.\//, ''));
    expect(l).toMatchObject({
      id: 'MO-2025-0001',
      tlp: 'CLEAR',
      title: 'Titre',
      summary: 'Résumé',
      keywords: ['ice'],
      indicators: ['indice'],
    });
    expect(l.concealment).toEqual({ category: 'inside-goods', object: 'Objet', placement: 'Socle' });
    expect(l.images[0]).toEqual({ src: { path: './a.png' }, alt: 'Texte', caption: 'Légende', credit: 'Cr' });
  });
  it('of a course follows modules and cases by position', () => {
    const c = {
      title: 'T',
      summary: 'S',
      objectives: ['o'],
      modules: [{ title: 'M', objectives: [], cases: [{ notice: 'MO-2025-0001', prompt: 'P' }] }],
    };
    const tr = {
      translated: '2026-01-01',
      title: 'Tr',
      summary: 'Sr',
      objectives: ['or'],
      modules: [{ title: 'Mr', objectives: [], cases: [{ prompt: 'Pr' }] }],
    };
    expect(localiseCourse(c, tr).modules[0]).toEqual({
      title: 'Mr',
      objectives: [],
      intro: undefined,
      cases: [{ notice: 'MO-2025-0001', prompt: 'Pr', trainerNote: undefined }],
    });
  });
});

describe('addresses per language', () => {
  it('keep English at the root and put the others under their code, both ways', () => {
    expect(pathInLanguage('/notices/x/', 'en')).toBe('/notices/x/');
    expect(pathInLanguage('/notices/x/', 'ar')).toBe('/ar/notices/x/');
    expect(splitLanguagePath('/ar/notices/x/')).toEqual({ lang: 'ar', path: '/notices/x/' });
    expect(splitLanguagePath('/fr/')).toEqual({ lang: 'fr', path: '/' });
    expect(splitLanguagePath('/french/')).toEqual({ lang: 'en', path: '/french/' });
  });
  it('name a translation file by its language only for the four languages', () => {
    expect(translationLanguageOf('index.fr.mdx')).toBe('fr');
    expect(translationLanguageOf('index.de.mdx')).toBeUndefined();
    expect(translationLanguageOf('index.mdx')).toBeUndefined();
  });
});

describe('npm run translations (the editors’ list of work)', () => {
  it('lists missing and stale translations from the files as written', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'modus-tr-'));
    const write = (rel: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), text);
    };
    write('notices/a/index.mdx', '---\nid: MO-2025-0001\ntitle: A\npublished: 2025-01-01\nupdated: 2026-02-01\n---\n');
    write('notices/a/index.fr.mdx', '---\ntranslated: 2026-01-01\ntitle: A\n---\n');
    write('notices/a/index.es.mdx', '---\ntranslated: 2026-02-01\ntitle: A\n---\n');
    write('notices/b/index.mdx', '---\nid: MO-2025-0002\nlanguage: ar\ntitle: B\npublished: 2025-01-01\n---\n');
    const rows = translationStatus(dir);
    fs.rmSync(dir, { recursive: true });
    expect(rows.map((r) => [r.id, r.original, r.states])).toEqual([
      ['MO-2025-0001', 'en', { en: 'original', fr: 'stale', es: 'translated', ar: 'missing' }],
      ['MO-2025-0002', 'ar', { en: 'missing', fr: 'missing', es: 'missing', ar: 'original' }],
    ]);
  });
});
