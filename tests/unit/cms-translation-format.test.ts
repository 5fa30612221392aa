/**
 * The translation collections' file format (src/cms/browser/translation-format.ts) reads and writes
 * exactly what Decap's own frontmatter format does (decap-cms-core's FrontmatterFormatter, run here in
 * Node), byte for byte, for every notice and translation file of the samples and the CMS fixtures and for
 * the awkward cases (no body, no final line break, a byte-order mark, `---` inside the body, comments,
 * keys out of order), and never writes the "Translation of" field. Prevents: a CMS save of a translation
 * that rewrites lines the translator did not touch, or loses or adds a line break of the body, and a
 * translation file holding the folder name of its original.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { translationFormat } from '../../src/cms/browser/translation-format.ts';
import { decapFrontmatter } from '../../src/cms/node/decap-format.ts';
import { translationFieldOrder } from '../../src/cms/node/translation-config.ts';
import { NOTICE_FIELD_ORDER } from '../../src/model/notice.ts';
import { translationLanguageOf } from '../../src/model/translation.ts';
import { TRANSLATION_OF_FIELD } from '../../src/cms/node/widgets.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** Every notice file and translation of the samples and the CMS fixtures. */
const FILES = ['tests/fixtures/cms', 'content']
  .map((f) => path.join(ROOT, f, 'notices'))
  .filter((d) => fs.existsSync(d))
  .flatMap((d) =>
    fs
      .readdirSync(d, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => path.join(d, e.name)),
  )
  .flatMap((dir) =>
    fs
      .readdirSync(dir)
      .filter((n) => n === 'index.mdx' || translationLanguageOf(n))
      .map((n) => path.join(dir, n)),
  );

const ORDER = [...translationFieldOrder('notice'), 'body'];

/** Awkward inputs: each must read and write as Decap's own format does. */
const CASES: Record<string, string> = {
  'no body': '---\ntitle: Titre\n---\n',
  'no final line break': '---\ntitle: Titre\n---\nLe corps sans saut de ligne final.',
  'byte-order mark': '\ufeff---\ntitle: Titre\n---\nCorps.\n',
  'a rule inside the body': '---\ntitle: Titre\n---\nAvant\n\n---\n\nAprès\n',
  'a comment in the frontmatter': '---\n# a comment\ntitle: Titre\n---\nCorps.\n',
  'keys out of the form order': '---\nsummary: Résumé\ntitle: Titre\ntranslated: 2026-01-02\n---\nCorps.\n',
  'an empty frontmatter': '---\n---\nCorps seul.\n',
  'no frontmatter': 'Rien que du texte.\n',
  'a blank line after the frontmatter': '---\ntitle: Titre\n---\n\nCorps.\n',
  'Windows line ends': '---\r\ntitle: Titre\r\n---\r\nCorps.\r\n',
  'right-to-left text and quotes': '---\ntitle: "ميثامفيتامين: داخل التماثيل"\nkeywords:\n  - "نعم"\n  - NO\n---\nنص.\n',
};

describe('the translation format is Decap’s own frontmatter, byte for byte', () => {
  test('there are files to compare: notices and at least one translation', () => {
    expect(FILES.length).toBeGreaterThan(30);
    expect(FILES.some((f) => translationLanguageOf(path.basename(f)))).toBe(true);
  });

  test.each(FILES.map((f) => [path.relative(ROOT, f), f]))('%s: read and written as Decap reads and writes it', async (_rel, file) => {
    const decap = await decapFrontmatter();
    const text = fs.readFileSync(file, 'utf8');
    const order = path.basename(file) === 'index.mdx' ? [...NOTICE_FIELD_ORDER, 'body'] : ORDER;
    expect(translationFormat.fromFile(text)).toEqual(decap.fromFile(text));
    const data = decap.fromFile(text);
    expect(translationFormat.toFile(data, order)).toBe(decap.toFile(data, order));
  });

  test.each(Object.entries(CASES))('%s', async (_name, text) => {
    const decap = await decapFrontmatter();
    expect(translationFormat.fromFile(text)).toEqual(decap.fromFile(text));
    const data = decap.fromFile(text);
    expect(translationFormat.toFile(data, ORDER)).toBe(decap.toFile(data, ORDER));
  });

  test('an empty file reads as no values', async () => {
    const decap = await decapFrontmatter();
    expect(translationFormat.fromFile('')).toEqual(decap.fromFile(''));
  });

  test('the "Translation of" field is never written; everything else is, unknown keys included', async () => {
    const decap = await decapFrontmatter();
    const data = {
      [TRANSLATION_OF_FIELD]: 'meth-in-resin-statues',
      title: 'Titre',
      translated: '2026-01-02',
      notes: 'gardé',
      body: 'Corps.\n',
    };
    const written = translationFormat.toFile(data, [TRANSLATION_OF_FIELD, ...ORDER]);
    expect(written).toBe('---\ntranslated: 2026-01-02\ntitle: Titre\nnotes: gardé\n---\nCorps.\n');
    expect(written).not.toContain('meth-in-resin-statues');
    const { [TRANSLATION_OF_FIELD]: _dropped, ...rest } = data;
    expect(written).toBe(decap.toFile(rest, [TRANSLATION_OF_FIELD, ...ORDER]));
  });
});
