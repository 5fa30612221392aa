/**
 * Notice files and their translations (`index.<lang>.mdx`) are in exactly the form Decap CMS writes
 * (checked with decap-cms-core's own frontmatter formatter), with keys in the CMS's field order at every
 * level (the notice form's, or the translation form's), so that opening a notice or a translation in the
 * CMS and saving it rewrites nothing but what the editor changed. Also: what Decap
 * writes for values YAML could misread (field case F5) is read back unchanged by the site. Prevents: an
 * editor's one-word change producing a diff of the whole file (reordered keys, requoted values), and
 * `NO` or a date-like title saved by the CMS coming back as `false` or a Date.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { z } from 'astro/zod';
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { parse } from 'yaml';
import { decapFrontmatter, decapResave } from '../../src/cms/node/decap-format.ts';
import { NOTICE_FIELD_ORDER, noticeSchema } from '../../src/model/notice.ts';
import { noticeSchemaFields } from '../../src/cms/node/config.ts';
import type { SchemaField } from '../../src/cms/node/schema-walk.ts';
import { translationFieldOrder, translationSchemaFields } from '../../src/cms/node/translation-config.ts';
import { translationLanguageOf } from '../../src/model/translation.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** Content folders whose notices must be in Decap's form: the CMS fixtures and the sample content. */
const FOLDERS = ['tests/fixtures/cms', 'content'].map((f) => path.join(ROOT, f, 'notices'));
/** Every notice folder's index.mdx (a folder missing its index.mdx fails the tests that read it). */
const FILES = FOLDERS.flatMap((dir) =>
  fs.existsSync(dir)
    ? fs
        .readdirSync(dir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => path.join(dir, d.name, 'index.mdx'))
    : [],
);

/** Every translation file beside those notices (`index.fr.mdx`, …). */
const TRANSLATIONS = FILES.flatMap((f) => {
  const dir = path.dirname(f);
  return fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((n) => translationLanguageOf(n))
        .map((n) => path.join(dir, n))
    : [];
});

/** Checks that the keys of `value` follow the order of `fields` (the CMS form), recursing into objects and lists. */
function keyOrderProblems(value: unknown, fields: readonly SchemaField[], where: string): string[] {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return [];
  const order = fields.map((f) => f.name);
  const keys = Object.keys(value).filter((k) => k !== 'body');
  const problems: string[] = [];
  const unknown = keys.filter((k) => !order.includes(k));
  if (unknown.length) problems.push(`${where}: keys not in the CMS form: ${unknown.join(', ')}`);
  const known = keys.filter((k) => order.includes(k));
  const expected = [...known].sort((a, b) => order.indexOf(a) - order.indexOf(b));
  if (known.join() !== expected.join()) problems.push(`${where}: key order ${known.join(', ')}; the CMS writes ${expected.join(', ')}`);
  for (const f of fields) {
    const v = (value as Record<string, unknown>)[f.name];
    let node = f.node;
    while (node.type === 'list') node = node.item;
    if (node.type !== 'object' || v === undefined) continue;
    const items = Array.isArray(v) ? v : [v];
    items.forEach((item, i) =>
      problems.push(
        ...keyOrderProblems(
          item,
          node.type === 'object' ? node.fields : [],
          Array.isArray(v) ? `${where}${f.name}[${i}].` : `${where}${f.name}.`,
        ),
      ),
    );
  }
  return problems;
}

describe('notice files are in the form Decap writes', () => {
  test('there are files to check: both folders exist, the CMS fixtures and the sample notices are all read', () => {
    for (const dir of FOLDERS) expect(fs.existsSync(dir), dir).toBe(true);
    expect(FILES.filter((f) => f.startsWith(FOLDERS[0]!)).length).toBeGreaterThanOrEqual(2);
    expect(FILES.length).toBeGreaterThan(30);
  });

  test('the key-order check finds keys out of order, at the top and inside list items', () => {
    const fields = noticeSchemaFields();
    expect(keyOrderProblems({ title: 't', id: 'MO-2026-0001' }, fields, '')).toEqual([': key order title, id; the CMS writes id, title']);
    expect(keyOrderProblems({ id: 'x', images: [{ alt: 'a', src: 'b.jpg' }] }, fields, '')).toEqual([
      'images[0].: key order alt, src; the CMS writes src, alt',
    ]);
  });

  test.each(FILES.map((f) => [path.relative(ROOT, f), f]))('%s: keys in the CMS field order at every level', (_rel, file) => {
    const data = parse(/^---\n([\s\S]*?)\n---/.exec(fs.readFileSync(file, 'utf8'))![1]!) as Record<string, unknown>;
    expect(keyOrderProblems(data, noticeSchemaFields(), '')).toEqual([]);
  });

  test.each(FILES.map((f) => [path.relative(ROOT, f), f]))(
    '%s: a CMS save without changes rewrites nothing (npm run format:notices fixes it)',
    async (_rel, file) => {
      const text = fs.readFileSync(file, 'utf8');
      expect(await decapResave(text, NOTICE_FIELD_ORDER)).toBe(text);
    },
  );
});

describe('translation files are in the form Decap writes', () => {
  test('there are translations to check: the CMS fixtures have one', () => {
    expect(TRANSLATIONS.filter((f) => f.startsWith(FOLDERS[0]!)).length).toBeGreaterThanOrEqual(1);
  });

  test.each(TRANSLATIONS.map((f) => [path.relative(ROOT, f), f]))(
    "%s: keys in the translation form's order at every level",
    (_rel, file) => {
      const data = parse(/^---\n([\s\S]*?)\n---/.exec(fs.readFileSync(file, 'utf8'))![1]!) as Record<string, unknown>;
      expect(keyOrderProblems(data, translationSchemaFields('notice'), '')).toEqual([]);
    },
  );

  test.each(TRANSLATIONS.map((f) => [path.relative(ROOT, f), f]))(
    '%s: a CMS save without changes rewrites nothing (npm run format:notices fixes it)',
    async (_rel, file) => {
      const text = fs.readFileSync(file, 'utf8');
      expect(await decapResave(text, translationFieldOrder('notice'))).toBe(text);
    },
  );
});

describe('what Decap writes is what the site reads (field case F5)', () => {
  test('date-like text, NO and yes written unquoted by Decap come back as the same text', async () => {
    const f = await decapFrontmatter();
    const written = f.toFile(
      {
        id: 'MO-2026-0001',
        title: '2023-05-01',
        operation: 'NO',
        keywords: ['yes', '1e3', 'null', '0123'],
        seizures: [{ country: 'NO', year: 2021 }],
        body: 'x\n',
      },
      [...NOTICE_FIELD_ORDER, 'body'],
    );
    // Decap (yaml 1.x, core schema) quotes what YAML 1.2 would misread, but not dates.
    expect(written).toContain('title: 2023-05-01\n');
    expect(written).toContain('  - country: NO\n');
    expect(written).toMatch(/- "1e3"|- '1e3'/);
    const { frontmatter } = parseFrontmatter(written); // what Astro reads (js-yaml)
    const shape = noticeSchema(() => z.string()).shape;
    expect(shape.title.parse(frontmatter.title)).toBe('2023-05-01');
    expect(shape.operation.parse(frontmatter.operation)).toBe('NO');
    expect(shape.keywords.parse(frontmatter.keywords)).toEqual(['yes', '1e3', 'null', '0123']);
    expect(shape.seizures.parse(frontmatter.seizures)).toEqual([{ country: 'NO', year: 2021 }]);
  });
});
