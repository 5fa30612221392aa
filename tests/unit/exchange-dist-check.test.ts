/**
 * The dist check reads the exports: the JSON documents, STIX bundles and CSV under `data/` (and any feed)
 * are read as text, with what their format does to a sentence undone (JSON string escapes, CSV quoting,
 * a feed's escaped HTML, UTF-16), and a withheld notice's id or distinctive sentence in any of them fails
 * the build; a draft (`draft: true`, built into no audience) counts as withheld. Prevents: an export that
 * carries a notice the audience may not see, or a draft, past the last proof before deployment because the
 * check did not read its format or was fooled by `\u0020`, `""` or `&amp;#32;`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDist } from '../../src/dist-check/check-dist.ts';
import { readContentManifest } from '../../src/dist-check/content-manifest.ts';
import { readDistFile } from '../../src/dist-check/dist-file.ts';
import { csvCells, decodeJsonEscapes, decodeText, textsOf } from '../../src/dist-check/file-texts.ts';
import type { DistCheckOptions } from '../../src/dist-check/rule.ts';
import { cspMeta } from '../../src/render/csp.ts';
import { writeCorpus } from '../helpers/corpus.ts';

let root: string;
let content: string;
let clean: string;

const CLEAR_SENTENCE = 'Officers found powder sewn into the lining of winter jackets at the border.';
const GREEN_SENTENCE = 'Couriers packed the tablets inside hollow brass door handles before shipping.';
const DRAFT_SENTENCE = 'Smugglers welded a false floor under the refrigerated trailer of the lorry.';
const GREEN = 'withheld notice MO-2030-0002 (TLP:GREEN, notices/door-handles/index.mdx)';
const DRAFT = 'withheld notice MO-2030-0003 (draft, TLP:CLEAR, notices/unfinished/index.mdx)';

const page = (body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${cspMeta('content').replaceAll('"', '&quot;')}">` +
  `<link rel="stylesheet" href="/_astro/site.css"></head><body>${body}</body></html>`;

/** A CSV as the export writes it: BOM, CRLF, every cell quoted, `"` doubled. */
const csv = (rows: string[][]) => `\ufeff${rows.map((r) => r.map((c) => `"${c.replaceAll('"', '""')}"`).join(',')).join('\r\n')}\r\n`;
const CSV_HEADER = ['id', 'title', 'summary', 'tlp'];

function options(distDir: string): DistCheckOptions {
  return { distDir, audience: 'public', admin: true, siteUrl: 'https://modus.example.org', manifest: readContentManifest(content) };
}

function write(dir: string, rel: string, data: string | Buffer): void {
  fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  fs.writeFileSync(path.join(dir, rel), data);
}

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'modus-distcheck-exports-'));
  content = await writeCorpus(path.join(root, 'content'), [
    { slug: 'jackets', id: 'MO-2030-0001', tlp: 'CLEAR', title: 'Powder in jacket linings', sentinel: CLEAR_SENTENCE, images: [] },
    { slug: 'door-handles', id: 'MO-2030-0002', tlp: 'GREEN', title: 'Tablets in door handles', sentinel: GREEN_SENTENCE, images: [] },
    // Marked CLEAR, yet built into no audience: an imported notice an editor has not finished.
    {
      slug: 'unfinished',
      id: 'MO-2030-0003',
      tlp: 'CLEAR',
      title: 'False floor in a trailer',
      sentinel: DRAFT_SENTENCE,
      images: [],
      data: { draft: true },
    },
  ]);
  clean = path.join(root, 'clean');
  write(
    clean,
    'notices/jackets/index.html',
    page(
      `<article class="notice print-page--clear"><div class="marking-banner marking-banner--clear" role="note"><span class="tlp tlp--clear">TLP:CLEAR</span></div><p>${CLEAR_SENTENCE}</p></article>`,
    ),
  );
  write(clean, '_astro/site.css', '@page tlp-clear{@top-center{content:"TLP:CLEAR"}}@media print{.print-page--clear{page:tlp-clear}}');
  write(clean, 'data/notices.csv', csv([CSV_HEADER, ['MO-2030-0001', 'Powder in "jacket" linings', CLEAR_SENTENCE, 'CLEAR']]));
  write(
    clean,
    'data/notices/MO-2030-0001.json',
    JSON.stringify({
      format: 'modus-notice',
      id: 'MO-2030-0001',
      urls: { page: 'https://modus.example.org/notices/jackets/' },
      body: CLEAR_SENTENCE,
    }),
  );
  write(
    clean,
    'data/stix/bundle.json',
    JSON.stringify({
      type: 'bundle',
      objects: [
        {
          type: 'attack-pattern',
          name: 'Powder in jacket linings',
          external_references: [{ source_name: 'modus', external_id: 'MO-2030-0001' }],
        },
      ],
    }),
  );
  write(
    clean,
    'data/index.json',
    JSON.stringify({ format: 'modus-index', notices: [{ id: 'MO-2030-0001', document: '/data/notices/MO-2030-0001.json' }] }),
  );
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** The findings of the dist check on a copy of the clean dist/ with `files` written over it. */
async function planted(files: Record<string, string | Buffer>) {
  const dist = fs.mkdtempSync(path.join(root, 'dist-'));
  fs.cpSync(clean, dist, { recursive: true });
  for (const [rel, data] of Object.entries(files)) write(dist, rel, data);
  return (await checkDist(options(dist))).map((f) => `${f.file} ${f.rule} ${f.message}`);
}

describe('the dist check reads the exports', () => {
  it('finds nothing in clean exports (JSON documents, STIX bundle, CSV), and a draft needs no page', async () => {
    expect(await checkDist(options(clean))).toEqual([]);
  });

  it("finds a withheld notice's row in the CSV: its id, and its sentence in a quoted cell with doubled quotes", async () => {
    const f = await planted({
      'data/notices.csv': csv([
        CSV_HEADER,
        ['MO-2030-0001', 'Powder in jacket linings', CLEAR_SENTENCE, 'CLEAR'],
        ['MO-2030-0002', 'Tablets', GREEN_SENTENCE.replace('tablets', '"tablets"'), 'GREEN'],
      ]),
    });
    expect(f).toContain(`data/notices.csv withheld contains the id MO-2030-0002 of ${GREEN}`);
    expect(f).toContain(
      `data/notices.csv withheld contains text of ${GREEN}: "couriers packed the tablets inside hollow brass door handles before"`,
    );
  });

  it("finds a withheld notice's JSON document by its file name and its sentence, even written with \\u escapes and \\/", async () => {
    const escaped = GREEN_SENTENCE.replaceAll(' ', '\\u0020').replace('door', 'do\\u006fr');
    const f = await planted({
      'data/notices/MO-2030-0002.json': `{"format":"modus-notice","id":"x","body":"${escaped}","urls":{"page":"https:\\/\\/modus.example.org\\/notices\\/door-handles\\/"}}`,
    });
    expect(f).toContain(`data/notices/MO-2030-0002.json withheld contains the id MO-2030-0002 of ${GREEN}`);
    expect(f).toContain(`data/notices/MO-2030-0002.json withheld links to /notices/door-handles/, the page of ${GREEN}`);
    expect(f).toContain(
      `data/notices/MO-2030-0002.json withheld contains text of ${GREEN}: "couriers packed the tablets inside hollow brass door handles before"`,
    );
  });

  it('finds a withheld sentence in JSON that does not parse, its escapes decoded (a truncated export)', async () => {
    const escaped = GREEN_SENTENCE.replaceAll(' ', '\\u0020');
    const f = await planted({ 'data/notices/MO-2030-0001.json': `{"id":"MO-2030-0001","body":"${escaped}` });
    expect(f).toEqual([
      `data/notices/MO-2030-0001.json withheld contains text of ${GREEN}: "couriers packed the tablets inside hollow brass door handles before"`,
      `data/notices/MO-2030-0001.json withheld contains text of ${GREEN}: "packed the tablets inside hollow brass door handles before shipping"`,
    ]);
  });

  it("finds a withheld notice's id in the STIX bundle (external reference) and HTML in a JSON string with its entities", async () => {
    const f = await planted({
      'data/stix/bundle.json': JSON.stringify({
        type: 'bundle',
        objects: [
          {
            type: 'attack-pattern',
            description: `<p>${GREEN_SENTENCE.replace('door handles', 'door&#32;handles')}</p>`,
            external_references: [{ source_name: 'modus', external_id: 'MO-2030-0002' }],
          },
        ],
      }),
    });
    expect(f).toContain(`data/stix/bundle.json withheld contains the id MO-2030-0002 of ${GREEN}`);
    expect(f).toContain(
      `data/stix/bundle.json withheld contains text of ${GREEN}: "couriers packed the tablets inside hollow brass door handles before"`,
    );
  });

  it('finds a draft in an export although its marking is CLEAR: it is built into no audience', async () => {
    const f = await planted({
      'data/notices.csv': csv([
        CSV_HEADER,
        ['MO-2030-0001', 'Powder', CLEAR_SENTENCE, 'CLEAR'],
        ['MO-2030-0003', 'Trailer', DRAFT_SENTENCE, 'CLEAR'],
      ]),
    });
    expect(f).toContain(`data/notices.csv withheld contains the id MO-2030-0003 of ${DRAFT}`);
    expect(f).toContain(
      `data/notices.csv withheld contains text of ${DRAFT}: "smugglers welded a false floor under the refrigerated trailer of"`,
    );
  });

  it('finds a withheld id in a CSV saved as UTF-16 (full of NUL bytes, once taken for a binary file and not read)', async () => {
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from(csv([CSV_HEADER, ['MO-2030-0002', 'x', 'y', 'GREEN']]).slice(1), 'utf16le'),
    ]);
    expect(await planted({ 'data/extra.csv': utf16 })).toEqual([`data/extra.csv withheld contains the id MO-2030-0002 of ${GREEN}`]);
  });

  it("finds a withheld sentence in a feed's escaped HTML, an entity escaped twice", async () => {
    const f = await planted({
      'browse/commodity/cocaine/feed.xml': `<?xml version="1.0"?><rss><channel><item><description>&lt;p&gt;${GREEN_SENTENCE.replace('door handles', 'door&amp;#32;handles')}&lt;/p&gt;</description></item></channel></rss>`,
    });
    expect(f).toContain(
      `browse/commodity/cocaine/feed.xml withheld contains text of ${GREEN}: "couriers packed the tablets inside hollow brass door handles before"`,
    );
  });
});

describe('the texts of a file, by its format', () => {
  it('decodes every JSON string escape, surrogate pairs included', () => {
    expect(decodeJsonEscapes('caf\\u00e9 \\/notices\\/x\\/ a\\nb \\"q\\" \\\\ \\ud83d\\ude00')).toBe('café /notices/x/ a\nb "q" \\ 😀');
  });

  it('unquotes CSV cells (doubled quotes, line breaks inside a cell, BOM) and undoubles quotes in CSV that does not parse', () => {
    expect(csvCells('\ufeff"a ""b"" c","d\r\ne"\r\nf,g\r\n')).toBe('a "b" c\nd\r\ne\nf\ng');
    expect(csvCells('"a ""b"" c\n"d"x"', ',')).toContain('a "b" c');
  });

  it('reads a CSV, a JSON document and a feed in every form a sentence may take there', () => {
    expect(textsOf('data/notices.csv', '"say ""hi"""')).toEqual(['"say ""hi"""', 'say "hi"']);
    expect(textsOf('data/notices/MO-1.json', '{"k\\u00e9y":"v\\/w"}')).toEqual(['kéy', 'v/w']);
    expect(textsOf('feed.xml', '<d>&lt;b&gt;x&amp;amp;y&lt;/b&gt;</d>').map((t) => t.trim())).toContain('x&y');
  });

  it('decodes UTF-16 in either byte order and UTF-8 otherwise; the runner reads a UTF-16 file as text', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('é,MO', 'utf16le')]);
    const be = Buffer.from(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('é,MO', 'utf16le').swap16()]));
    expect([decodeText(le), decodeText(be), decodeText(Buffer.from('é,MO'))]).toEqual(['é,MO', 'é,MO', 'é,MO']);
    const dir = fs.mkdtempSync(path.join(root, 'utf16-'));
    fs.writeFileSync(path.join(dir, 'a.csv'), le);
    const file = readDistFile(dir, 'a.csv');
    expect([file.kind, file.text]).toEqual(['text', 'é,MO']);
  });
});
