/**
 * The MDX body policy (src/loading/body/body-policy.ts): what a notice body may contain. Prevents: a
 * body that runs code at build time (`import`, `export`, `{…}` expressions) or in readers' browsers
 * (`<script>`, event handlers, `javascript:` links however spelt), loads from another host (images,
 * iframes), or uses a misspelt component, reaching the site; and a refusal without line and column.
 */
import { describe, expect, it } from 'vitest';
import { checkMdxBody, urlScheme } from '../../src/loading/body/body-policy.ts';

const refused = (body: string) => checkMdxBody(body);

describe('MDX body policy', () => {
  it('accepts ordinary prose, links to the web, mail and pages of the site, and editor notes', () => {
    const body = [
      '## How it was hidden',
      '',
      'The goods were **hollow**; see [the report](https://example.org/report) or [mail us](mailto:desk@example.org).',
      '',
      'See also [another notice](/id/MO-2024-0001/) and <abbr title="X-ray">NII</abbr>.',
      '',
      '{/* confirm weight with lab */}',
      '',
      'Purity was \\<5% and packages weighed \\{2 kg\\}.',
      '',
      '| a | b |',
      '|---|---|',
      '| 1 | 2 |',
    ].join('\n');
    expect(refused(body)).toEqual([]);
  });

  it.each([
    ['<script>alert(1)</script>', /<script> is not allowed/],
    ['Text <iframe src="https://x.example/"></iframe>', /<iframe> is not allowed/],
    ['<object data="x.swf"></object>', /<object> is not allowed/],
    ['<style>{`p{}`}</style>', /<style> is not allowed/],
    ['<form action="/x"><input /></form>', /<form> is not allowed/],
    ['<img src="x.png" alt="" />', /<img> is not allowed/],
    ['<span onClick="steal()">x</span>', /event handler onClick=/],
    ['<span onmouseover="x()">x</span>', /event handler onmouseover=/],
    ['<span style="color:red">x</span>', /style= is not allowed/],
    ['<a href="javascript:alert(1)">x</a>', /"javascript:" scheme/],
    ['<a href="&#106;avascript:alert(1)">x</a>', /"javascript:" scheme/],
    ['[x](javascript:alert(1))', /"javascript:" scheme/],
    ['[x](JaVaScRiPt:alert(1))', /"javascript:" scheme/],
    ['[x](<java\tscript:alert(1)>)', /"javascript:" scheme/],
    ['[x](data:text/html;base64,AAAA)', /"data:" scheme/],
    ['[x][r]\n\n[r]: vbscript:msgbox', /"vbscript:" scheme/],
    ['![x](https://tracker.example/pixel.png)', /An image in the body is not allowed/],
    ['![x](//tracker.example/pixel.png)', /An image in the body is not allowed/],
    ['import fs from "node:fs"', /`import`\/`export` runs code/],
    ['export const x = 1', /`import`\/`export` runs code/],
    ['Total {1 + 1} kg', /JavaScript expression/],
    ['<span title={process.env.HOME}>x</span>', /title=\{…\} is a JavaScript expression/],
    ['<span {...props}>x</span>', /computed attribute/],
  ])('refuses %j, saying %s', (body, message) => {
    const found = refused(body);
    expect(found.length).toBeGreaterThan(0);
    expect(found.map((f) => f.message).join('\n')).toMatch(message);
  });

  it('gives the line and column of each refused construct', () => {
    const found = refused('First line.\n\nSecond <script>x</script> and\n\n[y](javascript:z)');
    expect(found.map((f) => [f.line, f.column])).toEqual([
      [3, 8],
      [5, 1],
    ]);
  });

  it('reports Markdown that is not MDX (F8) with its position instead of a stack trace', () => {
    const [f] = refused('Officers noted the figurines were heavy.\n<!-- confirm weight with lab -->');
    expect(f).toMatchObject({ line: 2, column: 1 });
    expect(f!.message).toMatch(/^Not valid MDX: .*comment in MDX, use `\{\/\* text \*\/\}`/);
  });

  it('reads URL schemes as a browser does', () => {
    expect(urlScheme(' JAVA\tSCRIPT:x')).toBe('javascript');
    expect(urlScheme('//host/x')).toBe('//');
    expect(urlScheme('photo.jpg')).toBeNull();
    expect(urlScheme('/id/MO-2024-0001/')).toBeNull();
    expect(urlScheme('https://a.example')).toBe('https');
  });
});

describe('images in a body', () => {
  it('are refused wherever they point, with their position: every image goes in the images list', () => {
    const findings = checkMdxBody('Text.\n\n![A crate](crate.jpg) and ![b](./sub/b.png)\n\n![r](https://x.example/r.png)');
    expect(findings.map((f) => [f.line, f.column])).toEqual([
      [3, 1],
      [3, 27],
      [5, 1],
    ]);
    for (const f of findings) expect(f.message).toMatch(/^An image in the body is not allowed: images belong in the images list/);
  });
});

describe('components in a body', () => {
  it('only the documented component exists: a misspelt or unknown one is refused at its position', () => {
    expect(checkMdxBody('<Callout type="note" title="T">\nText.\n</Callout>')).toEqual([]);
    const [typo, other] = checkMdxBody('Intro.\n\n<CallOut type="note">\nText.\n</CallOut>\n\n<Foo />');
    expect(typo).toMatchObject({ line: 3, column: 1 });
    expect(typo!.message).toBe(
      '<CallOut> is not a component notices can use; the only one is <Callout type="…" title="…">…</Callout>. Check the spelling (capitals count).',
    );
    expect(other).toMatchObject({ line: 7, column: 1 });
  });
});

describe('one message per refused element', () => {
  it('<iframe src="http://…"> is refused once, as an element (not again for its src)', () => {
    expect(checkMdxBody('Text\n\n<iframe src="http://x.org/a"></iframe>\n')).toEqual([
      { line: 3, column: 1, message: '<iframe> is not allowed in a body: it embeds another page or plug-in. Remove it.' },
    ]);
  });
});
