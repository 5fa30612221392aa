/**
 * Field case F8: text an editor types is Markdown, not MDX. `escapeMdxProse` makes MDX (Sätteri,
 * the compiler Astro uses) read it literally, and keeps code and balanced Call-outs as they are.
 */
import { describe, expect, test } from 'vitest';
import { mdxToJs } from 'satteri';
import { escapeMdxFile, escapeMdxFileDetailed, escapeMdxProse, lineColumn } from '../../src/lib/mdx-escape.ts';

const F8 = [
  'Officers noted the figurines were unusually heavy.',
  '<!-- confirm weight with lab -->',
  'Purity was <5% in most samples; the ratio was 1<2 by mass.',
  'Packages weighed {approx. 2 kg each} and were wrapped in {foil/carbon paper}.',
].join('\n');

/** The compiled module of an MDX source (throws like the build would). */
const compile = (mdx: string) => mdxToJs(mdx).code;

describe('escapeMdxProse', () => {
  test('the F8 lines break MDX as typed, and compile to their literal text once escaped', () => {
    expect(() => compile(F8)).toThrow(/Unexpected character/);
    const code = compile(escapeMdxProse(F8));
    expect(code).toContain(JSON.stringify(F8).slice(1, -1));
  });

  test('each MDX-significant character gets a Markdown escape; nothing else changes', () => {
    expect(escapeMdxProse('a < b {c} d')).toBe('a \\< b \\{c\\} d');
    expect(escapeMdxProse('plain text, with commas: and colons.')).toBe('plain text, with commas: and colons.');
  });

  test('existing backslash escapes (as Decap writes some) are kept, not doubled', () => {
    expect(escapeMdxProse('\\<!-- note --> and \\*stars\\*')).toBe('\\<!-- note --> and \\*stars\\*');
  });

  test('code spans and fenced code are left as typed', () => {
    expect(escapeMdxProse('Use `a<b && {x}` here')).toBe('Use `a<b && {x}` here');
    expect(escapeMdxProse('Use ``a ` {b}`` here <c')).toBe('Use ``a ` {b}`` here \\<c');
    const fenced = '```\nif (a < b) { go(); }\n```\n\nAfter {x}';
    expect(escapeMdxProse(fenced)).toBe('```\nif (a < b) { go(); }\n```\n\nAfter \\{x\\}');
    expect(compile(escapeMdxProse(fenced))).toContain('if (a < b) { go(); }');
  });

  test('a line starting with import or export stays prose', () => {
    const text = 'export controls were bypassed.\nimport licences were forged.\nNot an export line.';
    const escaped = escapeMdxProse(text);
    expect(escaped).toBe('&#101;xport controls were bypassed.\n&#105;mport licences were forged.\nNot an export line.');
    expect(compile(escaped)).toContain('export controls were bypassed.\\nimport licences were forged.');
  });

  test('balanced Call-outs stay components (attributes untouched); their text is escaped', () => {
    const body = '<Callout type="warning" title="Purity {high}">\nPurity <5% {approx}.\n</Callout>';
    const escaped = escapeMdxProse(body);
    expect(escaped).toBe('<Callout type="warning" title="Purity {high}">\nPurity \\<5% \\{approx\\}.\n</Callout>');
    const code = compile(escaped);
    expect(code).toMatch(/_jsx\(Callout, \{\s*type: "warning",\s*title: "Purity \{high\}"/);
    expect(code).toContain('Purity <5% {approx}.');
  });

  test('an unbalanced or unknown tag becomes literal text instead of failing the build', () => {
    expect(escapeMdxProse('</Callout> stray')).toBe('\\</Callout> stray');
    expect(escapeMdxProse('<Callout type="note">\nno end')).toBe('\\<Callout type="note">\nno end');
    expect(escapeMdxProse('<Figure src="x" />')).toBe('\\<Figure src="x" />');
    expect(() => compile(escapeMdxProse('<Callout type="note">\nno end\n\n</Callout> and </Callout>'))).not.toThrow();
  });

  test('line breaks written as <br> stay line breaks', () => {
    expect(escapeMdxProse('one<br>two<br/>three')).toBe('one<br />two<br />three');
    expect(compile(escapeMdxProse('one<br>two'))).toContain('_jsx(_components.br, {})');
  });

  test('escapeMdxFile leaves the frontmatter byte for byte (line numbers of errors stay right)', () => {
    const file = '---\ntitle: "a < b {c}"\n---\nBody <5%\n';
    expect(escapeMdxFile(file)).toBe('---\ntitle: "a < b {c}"\n---\nBody \\<5%\n');
    expect(escapeMdxFile('No frontmatter {x}')).toBe('No frontmatter \\{x\\}');
  });
});

describe('component tags reported with their place', () => {
  test('offsets point at the tag in the file, after the frontmatter', () => {
    const file = '---\nid: x\n---\nText.\n\n<Callout type="note">\nHi\n</Callout>\n\n</Callout>\n';
    const { tags } = escapeMdxFileDetailed(file);
    expect(tags.map((t) => [t.role, t.balanced, lineColumn(file, t.offset)])).toEqual([
      ['open', true, { line: 6, column: 1 }],
      ['close', true, { line: 8, column: 1 }],
      ['close', false, { line: 10, column: 1 }],
    ]);
  });
});
