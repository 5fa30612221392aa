/**
 * The one frontmatter splitter (src/loading/frontmatter.ts). It must split an entry file exactly as
 * Astro's MDX entry type does: if it did not, the loader's checks would report a body line other than
 * the one the editor sees, and the dist check would look for leaks in a body the pages do not show.
 */
import { describe, expect, it } from 'vitest';
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { readEntryFile, splitEntry } from '../../src/loading/frontmatter.ts';

/** The body Astro's MDX entry type stores (@astrojs/mdx getEntryInfo). */
const astroBody = (text: string) => parseFrontmatter(text, { frontmatter: 'empty-with-spaces' }).content.trim();

describe('splitEntry and readEntryFile', () => {
  it('read the fields and the body, and the line the body starts on', () => {
    expect(readEntryFile('---\ntitle: "A: b"\ntlp: tlp:green\n---\nBody\n')).toEqual({
      frontmatter: '\ntitle: "A: b"\ntlp: tlp:green\n',
      data: { title: 'A: b', tlp: 'tlp:green' },
      body: 'Body',
      bodyLine: 5,
    });
    expect(splitEntry('---\na: 1\nb: 2\n---\n\n\nBody text\n').bodyLine).toBe(7);
  });

  it('give the body Astro gives, for every shape of file an editor or a tool may save', () => {
    const files = [
      '---\na: 1\n---\nBody\n',
      '\uFEFF---\na: 1\n---\n\n\nBody\n\n',
      '\n\n---\na: 1\n---\nBody',
      '---\r\na: 1\r\n---\r\nBody\r\n',
      '---\na: 1\n---\nText\n\n---\n\nMore text after a rule\n',
      '---\na: 1\n---\n',
      'No frontmatter at all.\n',
      '',
    ];
    for (const f of files) expect(splitEntry(f).body, JSON.stringify(f)).toBe(astroBody(f));
    // A thematic break (---) in the body does not end the frontmatter early.
    expect(splitEntry(files[4]!).body).toBe('Text\n\n---\n\nMore text after a rule');
  });

  it('read dates as Astro does (a Date the schema turns back into text), not as plain strings', () => {
    expect(readEntryFile('---\npublished: 2024-03-01\n---\nB').data.published).toEqual(new Date('2024-03-01'));
  });

  it('throw js-yaml’s error, with its position and the file named, when the frontmatter is not YAML', () => {
    let err: { name?: string; message?: string; mark?: { line: number } } = {};
    try {
      readEntryFile('---\ntitle: a: b\n---\nB', 'notices/x/index.mdx');
    } catch (e) {
      err = e as typeof err;
    }
    expect(err.name).toBe('YAMLException');
    expect(err.message).toMatch(/^notices\/x\/index\.mdx: /);
    expect(err.mark?.line).toBe(1);
  });
});
