/**
 * The dist check on a small hand-made dist/ that is clean, then with one planted leak or breach at a
 * time: each must be found, under its rule, naming the file.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentId } from '../../src/loading/images/image-cache.ts';
import { checkDist } from '../../src/dist-check/check-dist.ts';
import { formatFindings } from '../../src/dist-check/findings.ts';
import { markupText } from '../../src/dist-check/html/text.ts';
import type { DistCheckOptions } from '../../src/dist-check/rule.ts';
import { isOtherHost, loadedUrls } from '../../src/dist-check/rules/other-hosts.ts';
import { readContentManifest } from '../../src/dist-check/content-manifest.ts';
import { cspMeta } from '../../src/render/csp.ts';
import { writeCorpus } from '../helpers/corpus.ts';

let root: string;
let content: string;
let clean: string;

const GREEN_SENTENCE = 'Couriers packed the tablets inside hollow brass door handles before shipping.';
const CLEAR_SENTENCE = 'Officers found powder sewn into the lining of winter jackets at the border.';

const page = (body: string, type: 'content' | 'search' = 'content', head = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${cspMeta(type).replaceAll('"', '&quot;')}">` +
  `<link rel="stylesheet" href="/_astro/site.css">${head}</head><body>${body}</body></html>`;
const NOTICE_PAGE = page(
  `<article class="notice print-page--clear" data-pagefind-body><div class="marking-banner marking-banner--clear" role="note"><span class="tlp tlp--clear">TLP:CLEAR</span></div>` +
    `<p>${CLEAR_SENTENCE}</p><a href="https://www.example.org/source">A source</a></article>`,
);
const CSS = '@page tlp-clear{@top-center{content:"TLP:CLEAR"}}@media print{.print-page--clear{page:tlp-clear}}';
const gz = (s: string | Buffer) => zlib.gzipSync(Buffer.concat([Buffer.from('pagefind_dcd'), Buffer.from(s)]));

/** CBOR text (short) and array headers, to write a Pagefind filter file. */
const cborText = (s: string) => {
  const b = Buffer.from(s);
  return Buffer.concat([Buffer.from([0x78, b.length]), b]);
};
const cborArray = (...items: Buffer[]) => Buffer.concat([Buffer.from([0x80 + items.length]), ...items]);

function copyDir(from: string): string {
  const to = fs.mkdtempSync(path.join(root, 'dist-'));
  fs.cpSync(from, to, { recursive: true });
  return to;
}

function options(distDir: string, extra: Partial<DistCheckOptions> = {}): DistCheckOptions {
  return {
    distDir,
    audience: 'public',
    admin: true,
    siteUrl: 'https://modus.example.org',
    manifest: readContentManifest(content),
    ...extra,
  };
}

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'modus-distcheck-'));
  content = await writeCorpus(path.join(root, 'content'), [
    {
      slug: 'jackets',
      id: 'MO-2030-0001',
      tlp: 'CLEAR',
      title: 'Powder in jacket linings',
      sentinel: CLEAR_SENTENCE,
      images: [{ file: 'a.jpg', colour: [200, 0, 0] }],
    },
    {
      slug: 'door-handles',
      id: 'MO-2030-0002',
      tlp: 'GREEN',
      title: 'Tablets in door handles',
      sentinel: GREEN_SENTENCE,
      operation: 'BRASSKNOB',
      commodities: ['ivory'],
      images: [{ file: 'b.jpg', colour: [0, 200, 0] }],
      data: { aliases: ['brass-handles'] },
    },
  ]);
  clean = path.join(root, 'clean');
  const w = (rel: string, data: string | Buffer) => {
    fs.mkdirSync(path.dirname(path.join(clean, rel)), { recursive: true });
    fs.writeFileSync(path.join(clean, rel), data);
  };
  w('index.html', page('<h1>Modus</h1><form action="/search/"><input name="q"></form>'));
  w('notices/jackets/index.html', NOTICE_PAGE);
  w(
    'id/MO-2030-0001/index.html',
    page('<a href="/notices/jackets/">MO-2030-0001</a>', 'content', '<meta http-equiv="refresh" content="0;url=/notices/jackets/">'),
  );
  w(
    'search/index.html',
    page(
      '<pagefind-input></pagefind-input><script type="text/pagefind-template"><img src="{{ meta.image }}"></script>',
      'search',
      '<script type="module" src="/pagefind/pagefind-component-ui.js"></script>',
    ),
  );
  w('_astro/site.css', CSS);
  w(
    '_astro/a.webp',
    await sharp({ create: { width: 48, height: 36, channels: 3, background: { r: 200, g: 0, b: 0 } } })
      .webp()
      .toBuffer(),
  );
  w(
    'pagefind/fragment/en_1.pf_fragment',
    gz(JSON.stringify({ url: '/notices/jackets/', content: CLEAR_SENTENCE, meta: { id: 'MO-2030-0001' } })),
  );
  w(
    'pagefind/filter/en_2.pf_filter',
    gz(cborArray(cborText('commodity'), cborArray(cborArray(cborText('Cocaine'), cborArray(Buffer.from([0x00])))))),
  );
  w(
    'feed.xml',
    `<?xml version="1.0"?><rss><channel><item><title>MO-2030-0001: Powder</title><link>https://modus.example.org/notices/jackets/</link><description>${CLEAR_SENTENCE}</description></item></channel></rss>`,
  );
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('dist check', () => {
  it('finds nothing in a clean dist/', async () => {
    expect(await checkDist(options(clean))).toEqual([]);
  });

  /** Plants `change` in a copy of the clean dist/ and returns the findings. */
  async function planted(change: (dist: string) => void | Promise<void>, extra?: Partial<DistCheckOptions>) {
    const dist = copyDir(clean);
    await change(dist);
    return checkDist(options(dist, extra));
  }

  it('finds a withheld id in a page', async () => {
    const f = await planted((d) => fs.appendFileSync(path.join(d, 'index.html'), '<p>see MO-2030-0002</p>'));
    expect(f).toEqual([
      {
        file: 'index.html',
        rule: 'withheld',
        message: expect.stringContaining('the id MO-2030-0002 of withheld notice MO-2030-0002 (TLP:GREEN, notices/door-handles/index.mdx)'),
      },
    ]);
  });

  it('finds a withheld sentence, even split by markup and entities', async () => {
    const f = await planted((d) =>
      fs.appendFileSync(
        path.join(d, 'notices/jackets/index.html'),
        '<p>Couriers packed the <em>tablets</em> inside hollow brass door&#32;handles before shipping.</p>',
      ),
    );
    expect(new Set(f.map((x) => `${x.file} ${x.rule}`))).toEqual(new Set(['notices/jackets/index.html withheld']));
    expect(f[0]!.message).toContain(
      'text of withheld notice MO-2030-0002 (TLP:GREEN, notices/door-handles/index.mdx): "couriers packed the tablets inside hollow brass door handles before"',
    );
  });

  it('finds a withheld sentence inside a compressed Pagefind fragment, and a withheld-only filter value', async () => {
    const f = await planted((d) => {
      fs.writeFileSync(path.join(d, 'pagefind/fragment/en_9.pf_fragment'), gz(JSON.stringify({ url: '/x/', content: GREEN_SENTENCE })));
      fs.writeFileSync(
        path.join(d, 'pagefind/filter/en_2.pf_filter'),
        gz(cborArray(cborText('commodity'), cborArray(cborArray(cborText('Ivory'), cborArray(Buffer.from([0x00])))))),
      );
    });
    expect(new Set(f.map((x) => `${x.file} ${x.rule}`))).toEqual(
      new Set(['pagefind/filter/en_2.pf_filter withheld', 'pagefind/fragment/en_9.pf_fragment withheld']),
    );
    expect(f.find((x) => x.file.endsWith('pf_filter'))!.message).toContain(
      'search filter value commodity = "Ivory", which only withheld notice MO-2030-0002',
    );
  });

  it('finds pages, links, redirects and browse pages of withheld notices (slug, alias, id, facet value)', async () => {
    const f = await planted((d) => {
      for (const p of [
        'notices/door-handles/index.html',
        'notices/brass-handles/index.html',
        'id/MO-2030-0002/index.html',
        'browse/operation/brassknob/index.html',
      ]) {
        fs.mkdirSync(path.dirname(path.join(d, p)), { recursive: true });
        fs.writeFileSync(path.join(d, p), page('<p>x</p>'));
      }
      fs.appendFileSync(path.join(d, 'feed.xml'), '<link>https://modus.example.org/notices/door-handles/</link>');
    });
    const files = [...new Set(f.map((x) => x.file))];
    expect(files).toEqual([
      'browse/operation/brassknob/index.html',
      'feed.xml',
      'id/MO-2030-0002/index.html',
      'notices/brass-handles/index.html',
      'notices/door-handles/index.html',
    ]);
    expect(f.every((x) => x.rule === 'withheld')).toBe(true);
  });

  it("finds a variant of a withheld notice's image in _img/ (by the source's content id), not one of a visible image", async () => {
    const webp = await sharp({ create: { width: 24, height: 18, channels: 3, background: '#808080' } })
      .webp()
      .toBuffer();
    const withheldId = await contentId(path.join(content, 'notices/door-handles/b.jpg'));
    const visibleId = await contentId(path.join(content, 'notices/jackets/a.jpg'));
    const f = await planted((d) => {
      fs.mkdirSync(path.join(d, '_img'));
      fs.writeFileSync(path.join(d, `_img/${withheldId}-240.webp`), webp);
      fs.writeFileSync(path.join(d, `_img/${visibleId}-240.webp`), webp);
    });
    expect(f).toEqual([
      {
        file: `_img/${withheldId}-240.webp`,
        rule: 'withheld',
        message:
          'is a variant of notices/door-handles/b.jpg, an image this audience may not see (of notice MO-2030-0002 (TLP:GREEN, notices/door-handles/index.mdx))',
      },
    ]);
  });

  it('finds image metadata (GPS, serial, creator, capture time) and byte copies of originals', async () => {
    const f = await planted(async (d) => {
      await sharp({ create: { width: 40, height: 30, channels: 3, background: '#123456' } })
        .jpeg()
        .withExif({ IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '1/1 2/1 3/1' } })
        .toFile(path.join(d, '_astro/gps.jpg'));
      fs.copyFileSync(path.join(content, 'notices/jackets/a.jpg'), path.join(d, '_astro/a.Hash123.jpg'));
    });
    expect(f.map((x) => [x.file, x.rule])).toEqual([
      ['_astro/a.Hash123.jpg', 'original-copy'],
      ['_astro/a.Hash123.jpg', 'image-metadata'],
      ['_astro/gps.jpg', 'image-metadata'],
    ]);
    expect(f[0]!.message).toContain('byte copy of the original notices/jackets/a.jpg');
    expect(f[2]!.message).toMatch(/carries EXIF metadata/);
  });

  it('finds what makes the browser load from another host, but allows plain links', async () => {
    const f = await planted((d) => {
      fs.appendFileSync(
        path.join(d, 'index.html'),
        '<img src="https://cdn.example.net/x.png" alt=""><img srcset="/a.webp 1x, //cdn.example.net/y.webp 2x" alt=""><a href="https://elsewhere.example/">fine</a>',
      );
      fs.appendFileSync(path.join(d, '_astro/site.css'), '@import "https://fonts.example.com/css";');
    });
    expect(f.map((x) => `${x.file} ${x.rule} ${x.message}`)).toEqual([
      '_astro/site.css other-host loads https://fonts.example.com/css from another host (CSS)',
      'index.html other-host makes the browser load https://cdn.example.net/x.png from another host (<img src>)',
      'index.html other-host makes the browser load //cdn.example.net/y.webp from another host (<img srcset>)',
    ]);
  });

  it('finds pages that break their Content-Security-Policy or run code', async () => {
    const f = await planted((d) => {
      fs.writeFileSync(
        path.join(d, 'index.html'),
        page('<script>alert(1)</script><button onclick="x()">b</button><p style="color:red">s</p><a href="javascript:void(0)">j</a>'),
      );
      fs.writeFileSync(
        path.join(d, 'id/MO-2030-0001/index.html'),
        '<!doctype html><html><head><meta charset="utf-8"></head><body><script src="/js/search.js"></script></body></html>',
      );
    });
    expect(f.filter((x) => x.rule === 'csp').map((x) => `${x.file} ${x.message.split(/[,(]/)[0]!.trim()}`)).toEqual([
      'id/MO-2030-0001/index.html has no Content-Security-Policy meta tag',
      'id/MO-2030-0001/index.html loads script /js/search.js',
      'index.html has an inline <script>',
      'index.html has an event handler onclick= on <button>',
      'index.html has an inline style= on <p>',
      'index.html has a javascript: URL in <a href>',
    ]);
  });

  it('finds a notice page without its marking banner, and a stylesheet that does not print the marking', async () => {
    const f = await planted((d) => {
      fs.writeFileSync(path.join(d, 'notices/jackets/index.html'), NOTICE_PAGE.replace(/<div class="marking-banner[\s\S]*?<\/div>/, ''));
      fs.writeFileSync(path.join(d, '_astro/site.css'), 'body{color:black}');
    });
    expect(f.map((x) => [x.file, x.rule, x.message])).toEqual([
      ['notices/jackets/index.html', 'marking', 'has no TLP:CLEAR marking banner'],
      ['_astro/*.css', 'marking', expect.stringContaining('does not print TLP:CLEAR on every printed page')],
    ]);
  });

  it('finds /admin/ in a build with MODUS_ADMIN=off', async () => {
    const f = await planted(
      (d) => {
        fs.mkdirSync(path.join(d, 'admin'));
        fs.writeFileSync(path.join(d, 'admin/config.yml'), 'backend: {}');
      },
      { admin: false },
    );
    expect(f.map((x) => x.rule)).toEqual(['admin']);
  });

  it('judges by the audience: in a community build GREEN is visible, and its page must exist', async () => {
    const dist = copyDir(clean);
    fs.appendFileSync(path.join(dist, 'index.html'), `<p>MO-2030-0002: ${GREEN_SENTENCE}</p>`);
    expect(await checkDist(options(dist, { audience: 'community' }))).toEqual([
      { file: 'notices/door-handles/index.html', rule: 'marking', message: expect.stringContaining('is missing: notice MO-2030-0002') },
      { file: '_astro/*.css', rule: 'marking', message: expect.stringContaining('does not print TLP:GREEN') },
    ]);
    // In the public build the same page leaks the GREEN notice: its id, and its 11-word sentence as
    // the two 10-word phrases the check holds for a sentence (first ten words, last ten).
    const green = 'withheld notice MO-2030-0002 (TLP:GREEN, notices/door-handles/index.mdx)';
    expect(await checkDist(options(dist))).toEqual([
      { file: 'index.html', rule: 'withheld', message: `contains the id MO-2030-0002 of ${green}` },
      {
        file: 'index.html',
        rule: 'withheld',
        message: `contains text of ${green}: "couriers packed the tablets inside hollow brass door handles before"`,
      },
      {
        file: 'index.html',
        rule: 'withheld',
        message: `contains text of ${green}: "packed the tablets inside hollow brass door handles before shipping"`,
      },
    ]);
  });

  it('reports findings grouped by rule', () => {
    const text = formatFindings([
      { file: 'a.html', rule: 'withheld', message: 'contains x' },
      { file: 'b.jpg', rule: 'image-metadata', message: 'carries EXIF' },
    ]);
    expect(text).toBe(
      'The dist check found 2 problems; this build must not be deployed:\n  withheld (1):\n    dist/a.html contains x\n  image-metadata (1):\n    dist/b.jpg carries EXIF',
    );
  });
});

describe('dist check helpers', () => {
  it('turns markup into text with decoded entities and text attributes', () => {
    expect(markupText('<p title="A &amp; B">x&lt;y&#8217;s</p><img alt="photo of a bag" src="/x.png">')).toMatch(
      /^\s*A & B\s+x<y’s\s+photo of a bag\s*$/,
    );
  });

  it('lists loaded URLs but not links or template contents', () => {
    const urls = loadedUrls(
      '<a href="https://x.example/">a</a><link rel="stylesheet" href="/s.css"><script type="text/pagefind-template"><img src="https://t.example/"></script><meta http-equiv="refresh" content="0;url=/notices/x/">',
    );
    expect(urls.map((u) => u.url)).toEqual(['/s.css', '/notices/x/']);
  });

  it('knows which URLs are another host', () => {
    const self = 'https://modus.example.org';
    expect(isOtherHost('https://modus.example.org/a', self)).toBe(false);
    expect(isOtherHost('/a', self)).toBe(false);
    expect(isOtherHost('data:image/png;base64,AA', self)).toBe(false);
    expect(isOtherHost('http://modus.example.org/a', self)).toBe(true);
    expect(isOtherHost('//cdn.example/a', self)).toBe(true);
    expect(isOtherHost('https://127.0.0.1:9/a', self)).toBe(true);
  });
});

describe('HTML scanning', () => {
  it('does not take markup written inside an attribute value for a tag or a script', async () => {
    const { scanHtml } = await import('../../src/dist-check/html/scan.ts');
    const s = scanHtml(
      '<meta name="description" content="<script>alert(1)</script> <img src=x onerror=y>"><!-- <script>x</script> --><script type="module" src="/a.js"></script><script>real()</script><style>p{}</style>',
    );
    expect(s.tags.map((t) => `${t.closing ? '/' : ''}${t.name}`)).toEqual([
      'meta',
      'script',
      '/script',
      'script',
      '/script',
      'style',
      '/style',
    ]);
    expect(s.scripts.map((x) => [x.attrs.get('src'), x.body])).toEqual([
      ['/a.js', ''],
      [undefined, 'real()'],
    ]);
    expect(s.styles).toEqual(['p{}']);
  });
});

describe("key facts a visible notice shows are not a withheld notice's text", () => {
  it('a GREEN caption repeating a CLEAR notice\'s "category: object" key fact is no finding (found by a new user on the corpus)', async () => {
    const object = 'sculptures of animals, inside the body of each sculpture';
    const line = `Inside goods: ${object}.`;
    const dir = path.join(root, 'keyfacts');
    const corpus = await writeCorpus(path.join(dir, 'content'), [
      {
        slug: 'statues',
        id: 'MO-2031-0001',
        tlp: 'CLEAR',
        title: 'Drugs in statues',
        sentinel: 'Officers x-rayed the crates at the port of entry.',
        images: [{ file: 'a.jpg', colour: [200, 0, 0] }],
        data: { concealment: { category: 'inside-goods', object } },
      },
      {
        slug: 'figurines',
        id: 'MO-2031-0002',
        tlp: 'GREEN',
        title: 'Drugs in figurines',
        sentinel: line,
        images: [{ file: 'b.jpg', colour: [0, 200, 0] }],
      },
    ]);
    const dist = copyDir(clean);
    // The CLEAR notice's page shows its concealment key fact as "Inside goods: <object>".
    fs.writeFileSync(
      path.join(dist, 'notices/jackets/index.html'),
      NOTICE_PAGE.replace(
        '</article>',
        `<dl><dt>Concealment</dt><dd><a href="/browse/concealment/inside-goods/">Inside goods</a>: ${object}</dd></dl></article>`,
      ),
    );
    const manifest = readContentManifest(corpus);
    const findings = await checkDist(options(dist, { manifest }));
    expect(findings.filter((f) => f.rule === 'withheld' && f.message.includes('animals'))).toEqual([]);
    // Without the key-fact line among the visible notice's texts, the same page was a finding.
    const bare = {
      ...manifest,
      entries: manifest.entries.map((e) => ({ ...e, texts: e.texts.filter((t) => !t.startsWith('Inside goods:')) })),
    };
    const before = await checkDist(options(dist, { manifest: bare }));
    expect(before.filter((f) => f.rule === 'withheld' && f.message.includes('animals')).length).toBeGreaterThan(0);
  });
});
