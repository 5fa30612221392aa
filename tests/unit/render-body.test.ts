/**
 * Notice bodies rendered once, at content load (src/loading/body/render-body.ts). Prevents: a body
 * rendered differently from Astro's own Markdown (heading ids that break links to a section), words an
 * editor typed turned into markup, a call-out problem reported twice or without its place, Markdown that
 * is not MDX failing instead of rendering as typed (field case F8), and an HTML comment an editor meant
 * as a private note published without warning.
 */
import { describe, expect, test } from 'vitest';
import { renderBody } from '../../src/loading/body/render-body.ts';
import { proseBody } from '../../src/loading/body/mdx-escape.ts';
import { checkMdxBody } from '../../src/loading/body/body-policy.ts';

describe('notice bodies rendered at load time (src/loading/body/render-body.ts)', () => {
  test('Markdown with GFM, no smart punctuation, headings one level below the page section (## → h3) with github-slugger ids as Astro gives them', () => {
    const r = renderBody(
      '## How it was hidden\n\nIt\'s "1--2 kg" **each**.\n\n## How it was hidden\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n~~old~~',
    );
    expect(r.html).toContain('<h3 id="how-it-was-hidden">How it was hidden</h3>');
    expect(r.html).toContain('<h3 id="how-it-was-hidden-1">How it was hidden</h3>');
    expect(r.html).toContain('<p>It\'s "1--2 kg" <strong>each</strong>.</p>');
    expect(r.html).toMatch(/<table>\s*<thead>\s*<tr>\s*<th>a<\/th>/);
    expect(r.html).toContain('<del>old</del>');
    expect(r.metadata.headings).toEqual([
      { depth: 3, slug: 'how-it-was-hidden', text: 'How it was hidden' },
      { depth: 3, slug: 'how-it-was-hidden-1', text: 'How it was hidden' },
    ]);
  });

  test('a call-out becomes the aside the site styles, with its title or its kind as the title', () => {
    const titled = renderBody('<Callout type="warning" title="Fumes &quot;here&quot;">\nDo not *open* it.\n</Callout>').html;
    expect(titled).toBe(
      '<aside class="callout callout--warning" role="note"><p class="callout__title"><strong>Fumes "here"</strong></p><p>Do not <em>open</em> it.</p></aside>',
    );
    const plain = renderBody('<Callout type="indicator">\nLook.\n</Callout>').html;
    expect(plain).toBe(
      '<aside class="callout callout--indicator" role="note"><p class="callout__title"><strong>Indicator</strong></p><p>Look.</p></aside>',
    );
    expect(() => renderBody('<Callout type="danger">\nx\n</Callout>')).toThrow(
      '<Callout type="danger">: the type must be one of indicator, warning, note.',
    );
  });

  test('plain HTML elements keep their attributes; editor comments and fragments leave no trace', () => {
    const html = renderBody(
      'Press <kbd>Ctrl</kbd> {/* check this */} now.\n\n<details open class="a b"><summary>More</summary>text</details>\n\n<>in a fragment</>',
    ).html;
    expect(html).toContain('<p>Press <kbd>Ctrl</kbd>  now.</p>');
    expect(html).toContain('<details open class="a b"><summary>More</summary>text</details>');
    expect(html).toContain('in a fragment');
    expect(html).not.toContain('check this');
  });

  test('F8: text MDX cannot read renders as typed after the literal-prose repair', () => {
    const { text } = proseBody('Purity <5% {approx. 2 kg} <!-- note --> 1<2');
    expect(checkMdxBody(text)).toEqual([]);
    expect(renderBody(text).html).toBe('<p>Purity &lt;5% {approx. 2 kg} &lt;!-- note --> 1&lt;2</p>');
  });

  test('text is escaped: a body cannot inject markup through its words', () => {
    expect(renderBody('a \\<script> b &amp; c').html).toBe('<p>a &lt;script> b &amp; c</p>');
  });
});

describe('call-outs checked with the rest of the body (one report, with line and column)', () => {
  test('an unknown kind is a body finding at the tag, with the hint', () => {
    const [f, ...rest] = checkMdxBody('Intro.\n\n<Callout type="danger" title="x">\nText.\n</Callout>');
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ line: 3, column: 1 });
    expect(f!.message).toMatch(
      /^Callout type "danger" is not one of indicator, warning, note\. Hint: in the CMS, open the call-out and choose its kind/,
    );
  });

  test('a computed attribute is reported once', () => {
    const findings = checkMdxBody('<Callout type={kind}>\nText.\n</Callout>');
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toContain('is a JavaScript expression');
  });

  test('a call-out tag without its pair is shown as text, with a warning at its place', () => {
    const body = 'Intro.\n\n<Callout type="note">\nno end';
    const r = proseBody(body);
    expect(r.warnings).toEqual([
      {
        offset: body.indexOf('<Callout'),
        message:
          '<Callout type="note"> has no matching closing tag, so it is shown as text. Put <Callout …> and </Callout> each on a line of their own.',
      },
    ]);
    expect(renderBody(r.text).html).toContain('&lt;Callout type="note">');
  });
});

describe('an HTML comment is text readers see (F8): the build says so', () => {
  test('a warning at the comment, pointing to {/* note */}', () => {
    const body = 'Officers noted the weight.\n<!-- confirm weight with lab -->';
    const r = proseBody(body);
    expect(r.warnings).toEqual([
      {
        offset: body.indexOf('<!--'),
        message: 'An HTML comment is shown on the page as typed (readers see it). For a note only editors see, write {/* note */} instead.',
      },
    ]);
    expect(renderBody(r.text).html).toContain('&lt;!-- confirm weight with lab -->');
    expect(proseBody('A note {/* for editors */} here.').warnings).toEqual([]);
  });
});
