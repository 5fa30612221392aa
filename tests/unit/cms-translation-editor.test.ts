/**
 * The parts of the translation editor that run in the editor's browser, on plain data, with the forms the
 * config generates: what must fit the original before Decap saves (translation-fit.ts, the same rules as
 * the build's check of translations), what saving fills in and leaves out, the side-by-side preview's rows
 * and its out-of-date line, the originals' lists without translation files (backend-filter.ts), and the
 * interface language (interface-language.ts). Prevents: the CMS saving a translation the build refuses (a
 * missing indicator, a caption the original lacks, an image the original does not have), a translation
 * file holding empty keys or an image without its file name, a preview pairing an alt text with the wrong
 * image, translations listed and edited as notices of their own, and an interface language that is lost
 * or asked of Decap where Decap has none.
 */
import { describe, expect, test } from 'vitest';
import { cmsConfig } from '../../src/cms/node/config.ts';
import { applyEdits, saveEdits, translationProblems, type FitField } from '../../src/cms/browser/translation-fit.ts';
import { isStale, previewRows } from '../../src/cms/browser/translation-preview.ts';
import { isTranslationFile, withoutTranslations } from '../../src/cms/browser/backend-filter.ts';
import { chooseInterfaceLanguage, decapLocale } from '../../src/cms/browser/interface-language.ts';
import { folderOf } from '../../src/cms/browser/translation-store.ts';

const config = cmsConfig({
  noticesFolder: 'content/notices',
  coursesFolder: 'content/courses',
  mediaFolder: 'content/media',
  nextId: 'MO-2026-0042',
  branch: 'main',
});
const form = (name: string) => config.collections.find((c) => c.name === name)!.fields as unknown as FitField[];
const NOTICE_FR = form('notices-fr');
const COURSE_AR = form('courses-ar');

const original = {
  id: 'MO-2025-0001',
  title: 'Methamphetamine inside resin animal statues',
  published: '2025-03-01',
  updated: '2025-06-15',
  concealment: { category: 'inside-goods', object: 'Resin animal statues', placement: 'In the hollow base' },
  keywords: ['ice'],
  indicators: ['Heavy statues.', 'Fresh plaster.'],
  recommendedActions: ['X-ray the statue.'],
  images: [
    { src: 'statue-xray.png', alt: 'X-ray of a statue.', caption: 'The dense block.', kind: 'xray' },
    { src: './statue-photo.jpg', alt: 'A statue.', kind: 'photo' },
  ],
  body: '## How it was hidden\n\nIn the base.\n',
};

/** A French translation that fits `original`. */
const fitting = () => ({
  original: 'meth-in-resin-statues',
  translated: '2025-06-20',
  title: 'Méthamphétamine dans des statues',
  summary: 'Résumé.',
  concealment: { object: 'Statues en résine', placement: 'Dans le socle creux' },
  keywords: ['glace', 'cristal'],
  indicators: ['Statues lourdes.', 'Plâtre frais.'],
  recommendedActions: ['Radiographier la statue.'],
  images: [
    { src: 'statue-xray.png', alt: 'Radiographie.', caption: 'Le bloc dense.' },
    { src: 'statue-photo.jpg', alt: 'Une statue.' },
  ],
  body: '## Comment\n',
});

describe('a translation fits its original (as the build checks it)', () => {
  test('a fitting translation has no problem', () => {
    expect(translationProblems(fitting(), original, NOTICE_FR, 'fr')).toEqual([]);
  });

  test('each list as many items as the original’s; keywords in any number', () => {
    const t = { ...fitting(), indicators: ['Statues lourdes.'], keywords: [] };
    expect(translationProblems(t, original, NOTICE_FR, 'fr')).toEqual([
      'Indicators: the original has 2, this translation 1; translate each one, in the same order.',
    ]);
  });

  test('an optional text exactly where the original has one', () => {
    const t = fitting();
    delete (t.concealment as { placement?: string }).placement;
    (t.images[1] as { caption?: string }).caption = 'Une légende de trop.';
    expect(translationProblems(t, original, NOTICE_FR, 'fr')).toEqual([
      'Concealment, Placement: the original has one; translate it.',
      'Image 2, Caption: the original has none; leave it empty.',
    ]);
  });

  test('images paired with the original’s by file name, whatever the order; an unknown or missing one named', () => {
    const swapped = { ...fitting(), images: [fitting().images[1]!, fitting().images[0]!] };
    expect(translationProblems(swapped, original, NOTICE_FR, 'fr')).toEqual([]);
    const wrong = { ...fitting(), images: [fitting().images[0]!, { src: 'other.png', alt: 'Autre.' }] };
    expect(translationProblems(wrong, original, NOTICE_FR, 'fr')).toEqual([
      'Image 2: "other.png" is not an image of the original (it has statue-xray.png, statue-photo.jpg).',
      'Images: 1 image of the original without a translation: statue-photo.jpg.',
    ]);
  });

  test('no translation into the original’s own language', () => {
    expect(translationProblems(fitting(), { ...original, language: 'fr' }, NOTICE_FR, 'fr')[0]).toMatch(/written in this language \(fr\)/);
    expect(translationProblems(fitting(), original, NOTICE_FR, 'en')[0]).toMatch(/written in this language \(en\)/);
  });

  test('courses: modules, their objectives and cases counted, a case’s prompt and note where the original has them', () => {
    const course = {
      title: 'Course',
      objectives: ['Recognise.'],
      modules: [
        {
          title: 'M1',
          intro: 'Intro.',
          cases: [
            { notice: 'MO-2025-0001', role: 'primary', prompt: 'Why?' },
            { notice: 'MO-2025-0002', role: 'comparison' },
          ],
        },
      ],
    };
    const t = {
      translated: '2026-01-01',
      title: 'Cours',
      objectives: ['Reconnaître.'],
      modules: [{ title: 'M1', cases: [{ prompt: 'Pourquoi ?' }, { trainerNote: 'Note.' }] }],
    };
    expect(translationProblems(t, course, COURSE_AR, 'ar')).toEqual([
      'Module 1, Module introduction: the original has one; translate it.',
      'Module 1, Case 2, Trainer note: the original has none; leave it empty.',
    ]);
  });
});

describe('saving a translation', () => {
  test('fills an image’s empty file name from the original’s image at the same place, leaves out empty optional values', () => {
    const t = {
      ...fitting(),
      concealment: { object: 'Statues', placement: '  ' },
      keywords: [],
      images: [
        { alt: 'Radiographie.', caption: 'Le bloc dense.' },
        { src: '', alt: 'Une statue.', caption: '' },
      ],
    };
    const edits = saveEdits(t, original, NOTICE_FR);
    const saved = applyEdits(t, edits);
    expect(saved.images).toEqual([
      { alt: 'Radiographie.', caption: 'Le bloc dense.', src: 'statue-xray.png' },
      { src: './statue-photo.jpg', alt: 'Une statue.' },
    ]);
    expect(saved.concealment).toEqual({ object: 'Statues' });
    expect('keywords' in saved).toBe(false);
    // Required values and the body are never left out, even when empty (Decap's own check names them).
    expect(applyEdits({ ...fitting(), title: '' }, saveEdits({ ...fitting(), title: '' }, original, NOTICE_FR)).title).toBe('');
    expect(t.images[0]).not.toHaveProperty('src'); // the form values themselves are not changed
  });

  test('what is saved then fits the original', () => {
    const t = { ...fitting(), images: [{ alt: 'Radiographie.', caption: 'Le bloc dense.' }, { alt: 'Une statue.' }] };
    expect(translationProblems(t, original, NOTICE_FR, 'fr')).not.toEqual([]);
    expect(translationProblems(applyEdits(t, saveEdits(t, original, NOTICE_FR)), original, NOTICE_FR, 'fr')).toEqual([]);
  });
});

describe('the side-by-side preview', () => {
  test('pairs each text with the original’s, item by item; images by file name; keywords as two lists', () => {
    const t = { ...fitting(), indicators: ['Statues lourdes.'], images: [fitting().images[1]!, fitting().images[0]!] };
    const rows = previewRows(NOTICE_FR, t, original);
    expect(rows.filter((r) => r.type === 'text' && r.label.startsWith('Indicator'))).toEqual([
      { type: 'text', label: 'Indicator 1', original: 'Heavy statues.', translation: 'Statues lourdes.' },
      { type: 'text', label: 'Indicator 2', original: 'Fresh plaster.', translation: undefined },
    ]);
    expect(rows.find((r) => r.type === 'text' && r.label === 'Image 1 · Text alternative')).toMatchObject({
      original: 'X-ray of a statue.',
      translation: 'Radiographie.',
    });
    expect(rows.filter((r) => r.type === 'image')).toEqual([
      { type: 'image', src: 'statue-xray.png' },
      { type: 'image', src: 'statue-photo.jpg' },
    ]);
    expect(rows.find((r) => r.type === 'text' && r.label === 'Keywords')).toMatchObject({
      original: 'ice',
      translation: 'glace · cristal',
      free: true,
    });
    // Neither the folder, the date nor the body is a row of its own.
    expect(rows.some((r) => r.type === 'text' && /Translation of|Translated on|Body/.test(r.label))).toBe(false);
  });

  test('says when the original changed after the translation', () => {
    expect(isStale(original, '2025-06-20')).toBe(false);
    expect(isStale(original, '2025-06-14')).toBe(true);
    expect(isStale({ published: '2025-03-01' }, '2025-02-01')).toBe(true);
    expect(isStale(original, undefined)).toBe(false);
  });

  test('finds the original’s folder from the entry’s slug or path', () => {
    expect(folderOf('meth-in-resin-statues/index')).toBe('meth-in-resin-statues');
    expect(folderOf('content/notices/mo-2026-0001/index.fr.mdx')).toBe('mo-2026-0001');
    expect(folderOf('index')).toBeUndefined();
  });
});

describe('the originals’ lists leave translations out', () => {
  test('a translation file is index.<language>.mdx, an original index.mdx', () => {
    expect(isTranslationFile('content/notices/x/index.fr.mdx')).toBe(true);
    expect(isTranslationFile('notices/x/index.ar.mdx')).toBe(true);
    expect(isTranslationFile('content/notices/x/index.mdx')).toBe(false);
    expect(isTranslationFile('content/notices/index.fr/index.mdx')).toBe(false);
  });

  test('only listings of the originals’ extension are filtered, keeping Decap’s cursor', () => {
    const cursor = Symbol('cursor');
    const listed = Object.assign(
      [
        { file: { path: 'content/notices/x/index.mdx' } },
        { file: { path: 'content/notices/x/index.fr.mdx' } },
        { file: { path: 'content/notices/y/index.mdx' } },
      ],
      { [cursor]: 'page 1' },
    );
    const kept = withoutTranslations(listed, 'mdx');
    expect(kept.map((e) => e.file.path)).toEqual(['content/notices/x/index.mdx', 'content/notices/y/index.mdx']);
    expect((kept as unknown as Record<symbol, unknown>)[cursor]).toBe('page 1');
    expect(withoutTranslations(listed, 'fr.mdx')).toBe(listed);
  });
});

describe('the interface language', () => {
  test('?lang= chooses it and is kept; later visits use the kept choice; English otherwise', () => {
    expect(chooseInterfaceLanguage('?lang=fr', null)).toEqual({ language: 'fr', save: true });
    expect(chooseInterfaceLanguage('?lang=fr', 'fr')).toEqual({ language: 'fr', save: false });
    expect(chooseInterfaceLanguage('', 'es')).toEqual({ language: 'es', save: false });
    expect(chooseInterfaceLanguage('?lang=de', 'ar')).toEqual({ language: 'ar', save: false });
    expect(chooseInterfaceLanguage('', 'xx')).toEqual({ language: 'en', save: false });
  });

  test('Decap’s own locale where Decap ships one (French, Spanish), English for Arabic', () => {
    expect(decapLocale('fr')).toBe('fr');
    expect(decapLocale('es')).toBe('es');
    expect(decapLocale('en')).toBe('en');
    expect(decapLocale('ar')).toBe('en');
  });
});
