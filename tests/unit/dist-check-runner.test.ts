/**
 * The dist check's runner (src/dist-check/check-dist.ts), its reading of dist/ files
 * (src/dist-check/dist-file.ts) and the build step (src/dist-check/run.ts): the rules see every file,
 * in order, read once; findings are reported once; a failed check fails the build with every finding.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cspMeta } from '../../src/render/csp.ts';
import { checkDist, DIST_CHECK_RULES } from '../../src/dist-check/check-dist.ts';
import { readDistFile } from '../../src/dist-check/dist-file.ts';
import type { DistCheckRule } from '../../src/dist-check/rule.ts';
import { runDistCheck } from '../../src/dist-check/run.ts';
import { writeCorpus } from '../helpers/corpus.ts';

let root: string;

/** Writes `files` into a fresh folder under the test root; returns its path. */
function writeDir(name: string, files: Record<string, string | Buffer>): string {
  const dir = path.join(root, name);
  for (const [rel, data] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), data);
  }
  return dir;
}

const options = (distDir: string) => ({
  distDir,
  audience: 'public' as const,
  admin: true,
  siteUrl: 'https://modus.example.org',
  manifest: { contentDir: root, entries: [], originals: [] },
});

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'modus-distrunner-'));
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe('the runner', () => {
  it('hands each file to the rules in their order, before and after the files, and reports a repeated finding once', async () => {
    const dist = writeDir('order', { 'b.txt': 'b', 'a.txt': 'a' });
    const calls: string[] = [];
    const rule = (name: string): DistCheckRule => ({
      reportedAs: 'withheld',
      prepare: () => ({
        beforeFiles: (paths) => calls.push(`${name} before ${paths.join(',')}`),
        file: (file, report) => {
          calls.push(`${name} ${file.rel}`);
          report(file.rel, 'same message');
        },
        afterFiles: (report) => {
          calls.push(`${name} after`);
          report('_astro/*.css', `from ${name}`);
        },
      }),
    });
    const findings = await checkDist(options(dist), [rule('one'), rule('two')]);
    expect(calls).toEqual([
      'one before a.txt,b.txt',
      'two before a.txt,b.txt',
      'one a.txt',
      'two a.txt',
      'one b.txt',
      'two b.txt',
      'one after',
      'two after',
    ]);
    expect(findings.map((f) => `${f.file} ${f.message}`)).toEqual([
      'a.txt same message',
      'b.txt same message',
      '_astro/*.css from one',
      '_astro/*.css from two',
    ]);
  });

  it('reads each file of dist/ from disk once, however many rules look at it (a page the size of an original is hashed from the same read)', async () => {
    const page = `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="${cspMeta('content').replaceAll('"', '&quot;')}"></head><body><p>x</p></body></html>`;
    const dist = writeDir('once', { 'index.html': page, 'data.json': '{"a":"b"}', '_astro/s.css': 'p{}' });
    // An original of the same size as the page: the original-copy rule hashes the page too.
    const original = path.join(writeDir('once-content', { 'notes.txt': 'y'.repeat(page.length) }), 'notes.txt');
    const read = vi.spyOn(fs, 'readFileSync');
    const findings = await checkDist(
      { ...options(dist), manifest: { contentDir: root, entries: [], originals: [original] } },
      DIST_CHECK_RULES,
    );
    expect(findings).toEqual([]);
    const reads = read.mock.calls.map((c) => String(c[0])).filter((p) => p.startsWith(`${dist}${path.sep}`));
    expect(reads.sort()).toEqual([path.join(dist, '_astro/s.css'), path.join(dist, 'data.json'), path.join(dist, 'index.html')]);
  });
});

describe('reading a file of dist/', () => {
  it('searches a page both as text and as written, and a JSON file that does not parse as written (a broken file still leaks)', () => {
    const dir = writeDir('kinds', {
      'p.html': '<p title="MO-2030-0002">a &amp; b</p>',
      'bad.json': '{"id": "MO-2030-0002"',
      'x.wasm': 'MO-2030-0002',
      'nul.dat': Buffer.from([0, 1, 2]),
    });
    expect(readDistFile(dir, 'p.html').texts).toEqual([' MO-2030-0002 a & b  ', '<p title="MO-2030-0002">a &amp; b</p>']);
    expect(readDistFile(dir, 'bad.json').texts).toEqual(['{"id": "MO-2030-0002"']);
    expect(readDistFile(dir, 'x.wasm')).toMatchObject({ kind: 'binary', texts: [] });
    expect(readDistFile(dir, 'nul.dat')).toMatchObject({ kind: 'binary', texts: [] });
  });

  it('does not read an image unless a rule asks for its bytes, then reads it once', () => {
    const dir = writeDir('image', { 'a.jpg': 'jpeg bytes' });
    const read = vi.spyOn(fs, 'readFileSync');
    const file = readDistFile(dir, 'a.jpg');
    expect(file.kind).toBe('image');
    expect(read).not.toHaveBeenCalled();
    expect(file.bytes().toString()).toBe('jpeg bytes');
    expect(file.bytes().toString()).toBe('jpeg bytes');
    expect(read).toHaveBeenCalledTimes(1);
  });
});

describe('the build step (runDistCheck)', () => {
  it('judges by the settings it is given, not the environment: passes with a summary, fails with every finding and the hint', async () => {
    const content = await writeCorpus(path.join(root, 'step-content'), [
      { slug: 'jackets', id: 'MO-2030-0001', tlp: 'CLEAR', title: 'Jackets', sentinel: 'Powder sewn into jackets.', images: [] },
      { slug: 'handles', id: 'MO-2030-0002', tlp: 'GREEN', title: 'Handles', sentinel: 'Tablets in handles.', images: [] },
    ]);
    const notice =
      `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="${cspMeta('content').replaceAll('"', '&quot;')}"></head>` +
      '<body><article class="print-page--clear"><div class="marking-banner marking-banner--clear"><span>TLP:CLEAR</span></div></article></body></html>';
    const dist = writeDir('step-dist', {
      'notices/jackets/index.html': notice,
      '_astro/s.css': '@page tlp-clear{@top-center{content:"TLP:CLEAR"}}.print-page--clear{page:tlp-clear}',
    });
    // The environment says otherwise; the check must not read it.
    vi.stubEnv('MODUS_AUDIENCE', 'organisation');
    vi.stubEnv('MODUS_CONTENT_DIR', path.join(root, 'nowhere'));
    const settings = { contentDir: content, audience: 'public' as const, admin: true, siteUrl: 'https://modus.example.org' };
    expect(await runDistCheck(dist, settings)).toBe(
      'dist check passed (audience public, 1 of 2 entries withheld; 2 files scanned, 0 reused unchanged): nothing withheld, no image metadata, no original copies, no other hosts, policies and markings in place',
    );
    fs.writeFileSync(path.join(dist, 'index.html'), '<p>MO-2030-0002</p>');
    const failed = runDistCheck(dist, settings);
    await expect(failed).rejects.toThrow(
      /^The dist check found 2 problems; this build must not be deployed:\n {2}csp \(1\):\n {4}dist\/index\.html has no Content-Security-Policy/,
    );
    await expect(failed).rejects.toThrow(
      /withheld \(1\):\n {4}dist\/index\.html contains the id MO-2030-0002 of withheld notice MO-2030-0002 \(TLP:GREEN/,
    );
    await expect(failed).rejects.toThrow(/\n {2}Hint: Each line names a file of dist\/ and what it holds that it must not\./);
  });
});
