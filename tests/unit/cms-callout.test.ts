/**
 * The Call-out (src/model/callout.ts): the CMS editor component reads and writes its canonical form byte
 * for byte, and the build's check of its attributes. Prevents: opening a notice in the CMS and saving it
 * rewriting its call-outs (a lost title, changed quoting, a merged block), and a malformed call-out
 * failing the build without saying what is wrong.
 */
import { describe, expect, test } from 'vitest';
import { CALLOUT_PATTERN, calloutFromBlock, calloutProblem, calloutToBlock } from '../../src/model/callout.ts';
import { calloutPreviewHtml } from '../../src/cms/browser/callout-component.ts';
import { renderBody } from '../../src/loading/body/render-body.ts';

const blocks = [
  '<Callout type="warning" title="Safety">\nCut the base with care: the plaster may hide sharp wire.\n</Callout>',
  '<Callout type="indicator">\nTwo paragraphs.\n\nThe second one, with **bold** and a [link](https://example.org).\n</Callout>',
  '<Callout type="note" title="He said &quot;stop&quot; & left">\n- a list\n- of items\n</Callout>',
  '<Callout type="note">\n\n</Callout>',
];

describe('Call-out editor component', () => {
  test.each(blocks)('writes call-out %# back byte for byte after reading it: calloutToBlock(calloutFromBlock(x)) === x', (block) => {
    const m = CALLOUT_PATTERN.exec(block);
    expect(m).not.toBeNull();
    expect(m![0]).toBe(block);
    expect(calloutToBlock(calloutFromBlock(m!))).toBe(block);
  });

  test('matches only at the start of a block and stops at the first closing tag', () => {
    const body = '<Callout type="warning">\nOne.\n</Callout>\n\nText.\n\n<Callout type="note">\nTwo.\n</Callout>';
    expect(CALLOUT_PATTERN.exec(body)![0]).toBe('<Callout type="warning">\nOne.\n</Callout>');
    expect(CALLOUT_PATTERN.exec(`Text ${blocks[0]}`)).toBeNull();
    expect(CALLOUT_PATTERN.flags).not.toContain('m');
  });

  test('titles with quotes survive a round trip; an unknown kind is written as a note', () => {
    const data = calloutFromBlock(CALLOUT_PATTERN.exec(blocks[2]!)!);
    expect(data.title).toBe('He said "stop" & left');
    expect(calloutToBlock({ type: 'bogus' as never, title: '', body: 'x' })).toBe('<Callout type="note">\nx\n</Callout>');
    expect(calloutToBlock({ type: 'warning', title: 'Two\nlines', body: 'x' })).toBe(
      '<Callout type="warning" title="Two lines">\nx\n</Callout>',
    );
  });
});

describe('calloutProblem (the build names file:line:col with this message)', () => {
  const attrs = (o: Record<string, string | null>) => Object.entries(o).map(([name, value]) => ({ name, value, expression: false }));
  test('finds no problem in type alone, or type and title', () => {
    expect(calloutProblem(attrs({ type: 'warning', title: 'Safety' }))).toBeUndefined();
    expect(calloutProblem(attrs({ type: 'note' }))).toBeUndefined();
  });
  test('names what is wrong: an unknown kind (listing the kinds), no type, another attribute, an {…} expression', () => {
    expect(calloutProblem(attrs({ type: 'danger' }))).toBe('Callout type "danger" is not one of indicator, warning, note.');
    expect(calloutProblem([])).toMatch(/needs a type/);
    expect(calloutProblem(attrs({ type: 'note', colour: 'red' }))).toMatch(/only type and title, not colour/);
    expect(calloutProblem([{ name: 'type', value: null, expression: true }])).toMatch(/quoted text, not \{…\} expressions/);
  });
});

describe('Call-out preview in the CMS (the box the site renders, from src/model/callout.ts)', () => {
  /** The site's HTML of a body, without the line breaks between block elements. */
  const site = (body: string) => renderBody(body).html.replace(/>\s+</g, '><');

  test.each([
    { type: 'warning', title: 'Safety', body: 'Cut the base with care: the plaster may hide sharp wire & glass, 1 < 2.' },
    { type: 'indicator', title: '', body: 'First paragraph.\n\nSecond paragraph.' },
    { type: 'note', title: 'He said "stop"', body: 'Plain text.' },
  ] as const)('shows a $type call-out as the notice page does', (data) => {
    expect(calloutPreviewHtml(data)).toBe(site(calloutToBlock(data)));
  });

  test('a call-out without a title shows its kind; an unknown kind shows as a note', () => {
    expect(calloutPreviewHtml({ type: 'indicator', body: 'x' })).toContain('<p class="callout__title"><strong>Indicator</strong></p>');
    expect(calloutPreviewHtml({ type: 'bogus' as never, body: 'x' })).toMatch(/^<aside class="callout callout--note" role="note">/);
  });
});
