/**
 * Bad input stops the build with a message an editor can act on: the file, the field, what was
 * expected and the allowed values (field cases F5, F7, F8, F9). Frontmatter cases
 * run `astro sync` (content loading only, faster); MDX syntax errors appear only when pages are
 * compiled, so those run `astro build` and must point at `file:line:col`. Prevents: an editor left with
 * a stack trace, or with only the first of many problems, instead of every file, field and fix.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { astroBuild, astroSync, tempDir, type RunResult } from '../helpers/site.ts';
import { FIXTURES, materialise, type Fixture } from '../helpers/fixtures.ts';
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { z } from 'astro/zod';
import { noticeSchema } from '../../src/model/notice.ts';

const made: Fixture[] = [];
const outs: string[] = [];
afterAll(() => {
  for (const f of made) f.remove();
  for (const d of outs) fs.rmSync(d, { recursive: true, force: true });
});

/** Materialises a bad fixture and runs `astro sync` (or `astro build`) on it. */
async function run(name: string, how: 'sync' | 'build'): Promise<{ fixture: Fixture; result: RunResult; out?: string }> {
  const fixture = await materialise(name);
  made.push(fixture);
  if (how === 'sync') return { fixture, result: await astroSync(fixture.contentDir) };
  const out = tempDir(`dist-${name}`);
  outs.push(out);
  return { fixture, result: await astroBuild(fixture.contentDir, out), out };
}

/** The block of lines reported for one file: from its path line to the next file's path line. */
function reportFor(output: string, file: string): string {
  const lines = output.split('\n');
  const start = lines.findIndex((l) => l.trim() === file);
  if (start < 0) throw new Error(`no report for ${file} in:\n${output}`);
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((l) => /^\s{2}\S/.test(l) && !/^\s{4}/.test(l));
  return rest.slice(0, end < 0 ? undefined : end).join('\n');
}

describe('per-file frontmatter problems, all reported by one run (bad-fields)', () => {
  let r: RunResult;
  let file: (slug: string) => string;
  beforeAll(async () => {
    const { fixture, result } = await run('bad-fields', 'sync');
    r = result;
    file = (slug) => path.join(fixture.contentDir, 'notices', slug, 'index.mdx');
  });

  it('fails, counting every problem, and leaves the good notice out of the report', () => {
    expect(r.code).not.toBe(0);
    expect(r.output).toContain('5 problems in the content; nothing was built:');
    expect(r.output).not.toContain(file('good'));
    expect(r.output).toContain('Fix the fields named above in the files named above (or in the CMS), then build again.');
  });

  it('unknown vocabulary value: names file, field, value and every allowed value', () => {
    expect(reportFor(r.output, file('unknown-commodity'))).toMatch(
      /commodities\[0\]: "gold-bars" is not a known commodity\. Allowed values: cocaine, heroin-opioids, .*, smuggled-migrants, trafficking-victims, other\./,
    );
  });

  it('bad country code: names file, field and value, with an example of a valid code', () => {
    expect(reportFor(r.output, file('bad-country'))).toContain(
      'route.origin[0]: "XX" is not an ISO 3166-1 alpha-2 country code. Use two letters such as "NL" (Netherlands) or "NO" (Norway).',
    );
  });

  it('empty alt text: names file and field', () => {
    expect(reportFor(r.output, file('empty-alt'))).toContain(
      'images[0].alt: Expected alternative text describing the image for someone who cannot see it, got an empty value.',
    );
  });

  it('F5: an unquoted date-like title (Decap CMS writes it so) is kept as its text, not reported', () => {
    expect(r.output).not.toContain(file('date-title'));
    expect(r.output).not.toMatch(/title: Expected a title, got a date/);
    // Read as the build reads it (Astro's frontmatter parser, js-yaml: the unquoted title is a Date),
    // then through the notice schema: the title comes out as the text the editor typed.
    const source = fs.readFileSync(path.join(FIXTURES, 'bad-fields/notices/date-title/index.mdx'), 'utf8');
    const { frontmatter } = parseFrontmatter(source);
    expect(frontmatter.title).toBeInstanceOf(Date);
    const parsed = noticeSchema(() => z.string()).safeParse(frontmatter);
    expect(parsed.error?.issues ?? []).toEqual([]);
    expect(parsed.data?.title).toBe('2023-05-01');
  });

  it('TLP:RED is refused with the reason and the allowed markings', () => {
    expect(reportFor(r.output, file('red'))).toContain(
      'tlp: TLP:RED is for named recipients only and never goes into the knowledge base; share it outside Modus, or choose one of: CLEAR, GREEN, AMBER, AMBER+STRICT.',
    );
  });

  it('F9: an absolute image path fails naming file, field and the path', () => {
    expect(reportFor(r.output, file('absolute-image'))).toContain(
      'images[0].src: Image path "/content/notices/absolute-image/X-ray scan 1.jpg" is absolute. Write the file name relative to the notice folder, e.g. "X-ray scan 1.jpg"',
    );
  });
});

describe('a missing image file (bad-image)', () => {
  it('fails naming file, field, the missing name and the images that are there', async () => {
    const { fixture, result } = await run('bad-image', 'sync');
    expect(result.code).not.toBe(0);
    expect(reportFor(result.output, path.join(fixture.contentDir, 'notices/missing-image/index.mdx'))).toContain(
      'images[0].src: Image "photo.jpg" not found beside index.mdx. Images in this folder: other.png.',
    );
  });
});

describe('cross-references (bad-refs, F7)', () => {
  let r: RunResult;
  let file: (slug: string) => string;
  beforeAll(async () => {
    const { fixture, result } = await run('bad-refs', 'sync');
    r = result;
    file = (slug) => path.join(fixture.contentDir, 'notices', slug, 'index.mdx');
  });

  it('fails and lists every unresolved reference', () => {
    expect(r.code).not.toBe(0);
    expect(r.output).toContain('3 problems in the content; nothing was built:');
  });

  it('a duplicate id names both files', () => {
    const [a, b] = [file('duplicate'), file('first')];
    // Whichever file is met first owns the id; the report names the other one and the owner.
    const reported = r.output.includes(`Duplicate id MO-2019-0003: ${a} already uses it.`) ? b : a;
    const owner = reported === a ? b : a;
    expect(reportFor(r.output, reported)).toContain(
      `id: Duplicate id MO-2019-0003: ${owner} already uses it. Give this notice the next free id.`,
    );
  });

  it('a differently cased id gets "did you mean"; a missing id says so', () => {
    const report = reportFor(r.output, file('refs'));
    expect(report).toContain('related[0]: "mo-2019-0003" matches no notice; ids are written exactly, did you mean "MO-2019-0003"?');
    expect(report).toContain('related[1]: "MO-2099-0000" matches no notice id. Use the id of an existing notice (MO-YYYY-NNNN).');
  });

  it('are reported in the same run as a field problem in another file (one round, not several)', async () => {
    const fixture = await materialise('bad-refs');
    made.push(fixture);
    const first = path.join(fixture.contentDir, 'notices', 'first', 'index.mdx');
    fs.writeFileSync(first, fs.readFileSync(first, 'utf8').replace('  - cocaine', '  - gold-bars'));
    const out = (await astroSync(fixture.contentDir)).output;
    expect(out).toContain('4 problems in the content; nothing was built:');
    expect(reportFor(out, first)).toContain('commodities[0]: "gold-bars" is not a known commodity.');
    // The invalid notice still counts with its id: the link to it is not called missing.
    const refs = reportFor(out, path.join(fixture.contentDir, 'notices', 'refs', 'index.mdx'));
    expect(refs).toContain('related[0]: "mo-2019-0003" matches no notice; ids are written exactly, did you mean "MO-2019-0003"?');
    expect(refs).toContain('related[1]: "MO-2099-0000" matches no notice id.');
  });
});

describe('Markdown that is not MDX (F8): rendered literally, the file left as written', () => {
  // Notice bodies pass through src/loading/body/mdx-escape.ts before MDX reads them: what an
  // editor typed is shown as typed instead of failing the build. The Call-out, the one component
  // notices may use, fails with file:line:col when written wrongly (tests/site/cms-build.test.ts).

  it('an unclosed <div> is shown as text, and the build passes', async () => {
    const { fixture, result, out } = await run('bad-mdx-div', 'build');
    const file = path.join(fixture.contentDir, 'notices/unclosed-div/index.mdx');
    // As committed (materialise copies it unchanged): read apart from the build, so a build that
    // rewrote the file would differ from it.
    const before = fs.readFileSync(path.join(FIXTURES, 'bad-mdx-div/notices/unclosed-div/index.mdx'), 'utf8');
    expect(result.code, result.output).toBe(0);
    const html = fs.readFileSync(path.join(out!, 'notices/unclosed-div/index.html'), 'utf8');
    expect(html).toMatch(/<p>&lt;div class="note">\nThe weight was checked twice.<\/p>/);
    expect(html).toContain('The weight was checked twice.');
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
  });

  it('a { that is not an expression is shown as text', async () => {
    const { result, out } = await run('bad-mdx-brace', 'build');
    expect(result.code, result.output).toBe(0);
    const html = fs.readFileSync(path.join(out!, 'notices/brace/index.html'), 'utf8');
    expect(html).toContain('Packages weighed {approx. 2 kg each} and were wrapped in foil.');
  });
});

describe('a content folder that is not there', () => {
  it('is named in one line, with what MODUS_CONTENT_DIR must hold, instead of a file-system error', async () => {
    const missing = path.join(tempDir('no-content'), 'gone');
    const r = await astroSync(missing);
    expect(r.code).not.toBe(0);
    expect(r.output).toBe(
      `Modus: a setting is wrong. MODUS_CONTENT_DIR="${missing}": the content folder ${missing} does not exist. Point it at a folder holding notices/ (and courses/), such as content.\n`,
    );
  });
});

describe('frontmatter that is not YAML', () => {
  it('every such file is reported with line, column and how to quote, not only the first, and no stack trace', async () => {
    const fixture = await materialise('basic');
    try {
      const gearbox = path.join(fixture.contentDir, 'notices/gearbox/index.mdx');
      const g = fs.readFileSync(gearbox, 'utf8').replace(/^title: .*$/m, 'title: Cocaine in gearbox: housings');
      fs.writeFileSync(gearbox, g);
      const sculptures = path.join(fixture.contentDir, 'notices/sculptures/index.mdx');
      const s = fs.readFileSync(sculptures, 'utf8').replace(/^ {2}object:/m, '   object:');
      fs.writeFileSync(sculptures, s);
      const lineOf = (text: string, re: RegExp) => text.split('\n').findIndex((l) => re.test(l)) + 1;
      const r = await astroSync(fixture.contentDir);
      expect(r.code).not.toBe(0);
      expect(r.output).toContain('2 problems in the content; nothing was built:');
      expect(r.output).toContain(
        `notices/gearbox/index.mdx:${lineOf(g, /^title: /)}:26 (frontmatter): The frontmatter is not valid YAML: bad indentation of a mapping entry. A value that contains ": "`,
      );
      expect(r.output).toMatch(
        new RegExp(`notices/sculptures/index\\.mdx:${lineOf(s, /^ {3}object:/)}:\\d+ \\(frontmatter\\): The frontmatter is not valid YAML`),
      );
      expect(r.output).toContain('e.g. object: "Hollow casting: resin figurine"');
      expect(r.output).not.toMatch(/Stack trace|at generateError|js-yaml/);
      // The files are left as written.
      expect(fs.readFileSync(gearbox, 'utf8')).toBe(g);
      expect(fs.readFileSync(sculptures, 'utf8')).toBe(s);
    } finally {
      fixture.remove();
    }
  });
});
