/**
 * Field case F8: text an editor types is Markdown, not MDX. `repairMdx` repairs exactly what MDX
 * (Sätteri, the compiler Astro uses) cannot read, so it renders literally; what MDX can read is left
 * for the body policy (valid code is refused there, not silently neutralised here). Prevents: a body
 * typed in the CMS (`<5%`, `{approx. 2 kg}`, `<!-- note -->`, `<https://…>`) failing the build with a
 * stack trace or being shown other than as typed.
 */
import { describe, expect, test } from 'vitest';
import { escapeMdxProse, lineColumn, repairMdx } from '../../src/loading/body/mdx-escape.ts';
import { checkMdxBody } from '../../src/loading/body/body-policy.ts';
import { renderBody } from '../../src/loading/body/render-body.ts';

const F8 = [
  'Officers noted the figurines were unusually heavy.',
  '<!-- confirm weight with lab -->',
  'Purity was <5% in most samples; the ratio was 1<2 by mass.',
  'Packages weighed {approx. 2 kg each} and were wrapped in {foil/carbon paper}.',
].join('\n');

/** The HTML of a body as the build renders it (throws like the build would). */
const render = (mdx: string) => renderBody(mdx).html;

describe('repairMdx', () => {
  test('the F8 lines break MDX as typed, and render as their literal text once repaired', () => {
    expect(() => render(F8)).toThrow(/Unexpected character/);
    const repaired = escapeMdxProse(F8);
    expect(repaired).toBe(
      [
        'Officers noted the figurines were unusually heavy.',
        '\\<!-- confirm weight with lab -->',
        'Purity was \\<5% in most samples; the ratio was 1\\<2 by mass.',
        'Packages weighed \\{approx. 2 kg each} and were wrapped in \\{foil/carbon paper}.',
      ].join('\n'),
    );
    expect(render(repaired)).toBe(`<p>${F8.replaceAll('&', '&amp;').replaceAll('<', '&lt;')}</p>`);
    expect(checkMdxBody(repaired)).toEqual([]);
  });

  test('valid MDX is left as it is, including code the body policy refuses', () => {
    for (const body of [
      'Plain text, with commas: and colons.',
      'x < y and a\\<b',
      'Weight {process.exit(1)} kg.',
      '<script>alert(1)</script>',
      'import fs from "node:fs"',
    ]) {
      expect(escapeMdxProse(body)).toBe(body);
    }
    expect(checkMdxBody(escapeMdxProse('Weight {process.exit(1)} kg.'))[0]!.message).toMatch(/JavaScript expression/);
  });

  test('code spans and fenced code are never touched', () => {
    expect(escapeMdxProse('Use `a<b && {x}` here <5')).toBe('Use `a<b && {x}` here \\<5');
    const fenced = '```\nif (a <5) { go() }\n```\n\nAfter {approx. 1}';
    expect(escapeMdxProse(fenced)).toBe('```\nif (a <5) { go() }\n```\n\nAfter \\{approx. 1}');
    expect(render(escapeMdxProse(fenced))).toContain('<pre><code>if (a &lt;5) { go() }\n</code></pre>');
  });

  test('a sentence starting with import or export stays prose; real module code does not', () => {
    const text = 'export controls were bypassed.\n\nimport licences were forged.\n\nNot an export line.';
    const repaired = escapeMdxProse(text);
    expect(repaired).toBe('&#101;xport controls were bypassed.\n\n&#105;mport licences were forged.\n\nNot an export line.');
    expect(render(repaired)).toBe('<p>export controls were bypassed.</p>\n<p>import licences were forged.</p>\n<p>Not an export line.</p>');
    expect(escapeMdxProse('export const gone = 1')).toBe('export const gone = 1');
  });

  test('Call-outs stay components, their attributes untouched; the text inside is repaired', () => {
    const body = 'Intro.\n\n<Callout type="warning" title="Purity <5%">\nPurity <5% {approx. 2}.\n</Callout>';
    const r = repairMdx(body);
    expect(r.text).toBe('Intro.\n\n<Callout type="warning" title="Purity <5%">\nPurity \\<5% \\{approx. 2}.\n</Callout>');
    expect(render(r.text)).toContain('<strong>Purity &lt;5%</strong></p><p>Purity &lt;5% {approx. 2}.</p></aside>');
  });

  test('an unmatched or unclosed tag becomes literal text instead of failing the build', () => {
    expect(escapeMdxProse('a </Callout> stray')).toBe('a \\</Callout> stray');
    expect(escapeMdxProse('<div class="note">\nThe weight.')).toBe('\\<div class="note">\nThe weight.');
    const r = repairMdx('<Callout type="note">\nno end');
    expect(r.repairs).toEqual([{ offset: 0, kind: '<' }]);
    expect(() => render(r.text)).not.toThrow();
  });

  test('line breaks written as <br> stay line breaks', () => {
    expect(escapeMdxProse('one<br>two<br/>three')).toBe('one<br />two<br/>three');
    expect(render(escapeMdxProse('one<br>two'))).toBe('<p>one<br>two</p>');
  });

  test('non-Latin text before the problem does not shift the repair', () => {
    expect(escapeMdxProse('Чистота <5% — café {approx. 2}')).toBe('Чистота \\<5% — café \\{approx. 2}');
  });

  test('repairs are at offsets of the body as written (lineColumn gives their place)', () => {
    const body = 'First line.\nBody <5%\n';
    const r = repairMdx(body);
    expect(lineColumn(body, r.repairs[0]!.offset)).toEqual({ line: 2, column: 6 });
  });
});

describe('Markdown autolinks (MDX reads them as broken tags)', () => {
  test('become ordinary links, e-mail addresses as mailto:, in memory only', () => {
    expect(repairMdx('See <https://example.org/report> now.').text).toBe(
      'See [https://example.org/report](<https://example.org/report>) now.',
    );
    expect(repairMdx('Mail <ops@example.org>.').text).toBe('Mail [ops@example.org](<mailto:ops@example.org>).');
    expect(repairMdx('Purity <5% at <https://a.example/a_b>').text).toBe(
      'Purity \\<5% at [https://a.example/a\\_b](<https://a.example/a_b>)',
    );
  });

  test('a javascript: autolink becomes a link the body policy refuses', () => {
    const findings = checkMdxBody(repairMdx('Open <javascript:alert(1)> here.').text);
    expect(findings.map((f) => f.message).join('\n')).toMatch(/"javascript:" scheme/);
  });
});
