/**
 * What `npm run build` remembers between builds (src/build/build-state.ts) and how it clears a kept out
 * folder (src/build/sweep-dist.ts). Prevents: a build skipped although a notice, a photo or a setting
 * changed (stale site); an out folder edited by hand trusted as the last build's; a deleted notice's page
 * or an old bundle left in a kept out folder; a page Astro kept (listed in its manifest) or the search
 * index deleted by the sweep.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { clearBuildState, fileDigest, inputsDigest, readBuildState, treeDigest, writeBuildState } from '../../src/build/build-state.ts';
import { astroKeyedOutputs, sweepStaleOutputs } from '../../src/build/sweep-dist.ts';

const dirs: string[] = [];
function tmp(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'modus-build-state-'));
  dirs.push(d);
  return d;
}
function write(file: string, text = 'x'): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('treeDigest', () => {
  it('changes when a file is rewritten with the same bytes, replaced, added or removed, not when it is read', () => {
    const d = tmp();
    write(path.join(d, 'notices/a/index.mdx'), 'title: A');
    write(path.join(d, 'notices/a/photo.jpg'), 'jpeg');
    const first = treeDigest(d);
    fs.readFileSync(path.join(d, 'notices/a/index.mdx'));
    expect(treeDigest(d)).toBe(first);
    // Same bytes, and the modification time set back: the change time still differs.
    const st = fs.statSync(path.join(d, 'notices/a/photo.jpg'));
    fs.writeFileSync(path.join(d, 'notices/a/photo.jpg'), 'jpeg');
    fs.utimesSync(path.join(d, 'notices/a/photo.jpg'), st.atime, st.mtime);
    const rewritten = treeDigest(d);
    expect(rewritten).not.toBe(first);
    write(path.join(d, 'notices/b/index.mdx'));
    const added = treeDigest(d);
    expect(added).not.toBe(rewritten);
    fs.rmSync(path.join(d, 'notices/b'), { recursive: true });
    expect(treeDigest(d)).not.toBe(added);
  });

  it('leaves out the folders it is told to skip, and digests a single file or a missing path', () => {
    const d = tmp();
    write(path.join(d, 'public/favicon.svg'));
    const before = treeDigest(path.join(d, 'public'), ['admin']);
    write(path.join(d, 'public/admin/config.yml'));
    expect(treeDigest(path.join(d, 'public'), ['admin'])).toBe(before);
    expect(treeDigest(path.join(d, 'public'))).not.toBe(before);
    expect(treeDigest(path.join(d, 'public/favicon.svg'))).toMatch(/^[0-9a-f]{64}$/);
    expect(treeDigest(path.join(d, 'missing'))).toBe(treeDigest(path.join(d, 'missing-too')));
  });
});

describe('inputsDigest', () => {
  it('changes with the content folder, the code and the settings', () => {
    const root = tmp();
    const content = tmp();
    write(path.join(root, 'src/model/vocabularies.ts'), 'export const a = 1;');
    write(path.join(content, 'notices/a/index.mdx'), 'title: A');
    const settings = { audience: 'public' };
    const first = inputsDigest(root, content, settings);
    expect(inputsDigest(root, content, settings)).toBe(first);
    expect(inputsDigest(root, content, { audience: 'community' })).not.toBe(first);
    write(path.join(content, 'notices/a/index.mdx'), 'title: B');
    const edited = inputsDigest(root, content, settings);
    expect(edited).not.toBe(first);
    write(path.join(root, 'src/model/vocabularies.ts'), 'export const a = 2;');
    expect(inputsDigest(root, content, settings)).not.toBe(edited);
  });
});

describe('build state', () => {
  it('is read back as written, is gone once cleared, and is null when unreadable', () => {
    const stateDir = tmp();
    const state = { inputs: 'a', dist: 'b', astroManifest: '', searchPages: 'c' };
    expect(readBuildState(stateDir, '/x/dist')).toBeNull();
    writeBuildState(stateDir, '/x/dist', state);
    expect(readBuildState(stateDir, '/x/dist')).toEqual(state);
    expect(readBuildState(stateDir, '/x/other')).toBeNull();
    clearBuildState(stateDir, '/x/dist');
    expect(readBuildState(stateDir, '/x/dist')).toBeNull();
    writeBuildState(stateDir, '/x/dist', state);
    const [file] = fs.readdirSync(stateDir);
    fs.writeFileSync(path.join(stateDir, file!), '{"inputs": "a"}');
    expect(readBuildState(stateDir, '/x/dist')).toBeNull();
  });

  it('fileDigest is the digest of the bytes, or empty for a missing file', () => {
    const d = tmp();
    write(path.join(d, 'm.json'), '{}');
    expect(fileDigest(path.join(d, 'm.json'))).toBe('44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a');
    expect(fileDigest(path.join(d, 'none.json'))).toBe('');
  });
});

describe('sweepStaleOutputs', () => {
  it('deletes the old files the build did not list, keeps listed, new and search-index files, removes empty folders', () => {
    const out = tmp();
    write(path.join(out, 'notices/kept/index.html'));
    write(path.join(out, 'notices/deleted/index.html'));
    write(path.join(out, '_astro/old.js'));
    write(path.join(out, 'pagefind/pagefind-entry.json'));
    const old = new Date(Date.now() - 60_000);
    for (const f of ['notices/kept/index.html', 'notices/deleted/index.html', '_astro/old.js', 'pagefind/pagefind-entry.json']) {
      fs.utimesSync(path.join(out, f), old, old);
    }
    const marker = path.join(out, '.started');
    fs.writeFileSync(marker, '');
    const since = fs.statSync(marker, { bigint: true }).mtimeNs;
    fs.rmSync(marker);
    write(path.join(out, 'index.html'));
    write(path.join(out, '_astro/new.js'));
    const deleted = sweepStaleOutputs(out, since, new Set(['notices/kept/index.html']), ['pagefind']);
    expect(deleted).toEqual(['_astro/old.js', 'notices/deleted/index.html']);
    expect(fs.existsSync(path.join(out, 'notices/deleted'))).toBe(false);
    for (const f of ['notices/kept/index.html', 'index.html', '_astro/new.js', 'pagefind/pagefind-entry.json']) {
      expect(fs.existsSync(path.join(out, f)), f).toBe(true);
    }
  });

  it("lists the out files of Astro's incremental-build manifest, none without one, and refuses another shape", () => {
    const d = tmp();
    const manifest = path.join(d, 'incremental-build.json');
    expect(astroKeyedOutputs(manifest)).toEqual(new Set());
    write(
      manifest,
      JSON.stringify({
        version: 1,
        routes: {
          'src/pages/notices/[slug].astro': { paths: { '/notices/a': { cacheKey: 'k', outputFile: 'notices/a/index.html' } } },
          'src/pages/feed.xml.ts': { paths: { '/feed.xml': { cacheKey: 'f', outputFile: 'feed.xml' } } },
        },
      }),
    );
    expect(astroKeyedOutputs(manifest)).toEqual(new Set(['notices/a/index.html', 'feed.xml']));
    write(manifest, '{"version": 2}');
    expect(() => astroKeyedOutputs(manifest)).toThrow(/no "routes"/);
  });
});
