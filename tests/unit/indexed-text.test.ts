/**
 * indexedText (src/render/indexed-text.ts): the text Pagefind indexes of rendered HTML, from which
 * the search forms of a page are made.
 *
 * Prevents: search forms made from text Pagefind leaves out (a trainer note, an image marked above
 * its notice, labels marked data-pagefind-ignore), which would make a page findable by words it does
 * not index; forms missing for words inside inline markup; words of two elements read as one where
 * Pagefind separates them, or the reverse. tests/site/courses.test.ts compares it with Pagefind's own
 * index of built pages.
 */
import { describe, expect, it } from 'vitest';
import { indexedText } from '../../src/render/indexed-text.ts';

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('indexedText', () => {
  it('keeps the text of every element, inline markup joined as written', () => {
    expect(squash(indexedText('<p>Saisie de <strong>l’héroïne</strong> au <a href="/x">port</a>.</p>'))).toBe(
      'Saisie de l’héroïne au port.',
    );
    expect(indexedText('<span>Primary case</span><span>TLP:CLEAR</span>')).toBe('Primary caseTLP:CLEAR');
  });

  it('leaves out elements marked data-pagefind-ignore, with any value, and all they contain', () => {
    const html =
      '<div><p>kept</p><p data-pagefind-ignore>note <b>secret</b></p><figure data-pagefind-ignore="all"><figcaption>above</figcaption></figure>' +
      '<dt data-pagefind-ignore="index">Label</dt><dd>value</dd><span class="x" data-pagefind-ignore hidden>forms</span></div>';
    expect(squash(indexedText(html))).toBe('kept value');
  });

  it('does not take data-pagefind-ignore-like attributes for the marker', () => {
    expect(squash(indexedText('<p data-pagefind-ignored="x">kept</p><p title="data-pagefind-ignore">also kept</p>'))).toBe(
      'kept also kept',
    );
  });

  it('leaves out what Pagefind skips: script, style, nav, form, label, svg, footer, noscript, template', () => {
    const html =
      '<p>a</p><script>if (1 < 2) document.write("<p>x</p>")</script><style>p{}</style><nav><a>Contents</a></nav>' +
      '<form><label>Find</label><input></form><svg><text>t</text></svg><footer>f</footer><noscript>n</noscript><template>t</template><p>b</p>';
    expect(squash(indexedText(html))).toBe('a b');
  });

  it('puts a space around Pagefind’s block elements and at <br>, and none around inline ones', () => {
    expect(indexedText('<li>one</li><li>two</li>').split(/\s+/).filter(Boolean)).toEqual(['one', 'two']);
    expect(squash(indexedText('<h2>Indicators</h2><p>Heavy</p>'))).toBe('Indicators Heavy');
    expect(squash(indexedText('line<br>next'))).toBe('line next');
    expect(indexedText('<dt>Commodity</dt><dd>Cocaine</dd>')).toBe('CommodityCocaine');
  });

  it('decodes the character references Astro and the body renderer write (named basics, decimal, hexadecimal)', () => {
    expect(squash(indexedText('<p>INTERPOL&#39;s &amp; l&#x2019;h&eacute;ro&#239;ne &lt;b&gt;</p>'))).toBe(
      "INTERPOL's & l’h&eacute;roïne <b>",
    );
  });

  it('reads void elements, comments and quoted ">" in attributes without losing its place', () => {
    expect(squash(indexedText('<p>a<img alt="x > y" src="i.png">b<!-- <p data-pagefind-ignore> -->c<input value="<x>"></p><p>d</p>'))).toBe(
      'abc d',
    );
  });

  it('an ignored element that contains elements of the same name ends at its own end tag', () => {
    expect(squash(indexedText('<div data-pagefind-ignore><div>in</div><div>in</div></div><div>out</div>'))).toBe('out');
  });

  it('gives no text for nothing', () => {
    expect(indexedText('')).toBe('');
  });
});
