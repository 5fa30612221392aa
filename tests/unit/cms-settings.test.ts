/**
 * Where the CMS reads and writes (decap-server's root, folders, branch), the next free notice id, and
 * the production backend setting (MODUS_CMS_BACKEND). Prevents: decap-server writing outside the
 * content folder or to the wrong branch, a new notice offered an id that is taken, and a misconfigured
 * production backend found only when an editor cannot log in.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { cmsPaths } from '../../src/cms/node/paths.ts';
import { cmsOrigins, readCmsBackend } from '../../src/cms/node/backend.ts';
import { readNoticeIds, cmsOptions } from '../../src/integrations/decap.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'modus-cms-unit-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('cmsPaths', () => {
  test('outside git: decap-server serves the content folder itself, nothing above it', () => {
    const content = path.join(tmp, 'plain', 'content');
    fs.mkdirSync(content, { recursive: true });
    expect(cmsPaths(content)).toEqual({
      root: content,
      noticesFolder: 'notices',
      coursesFolder: 'courses',
      mediaFolder: 'media',
      branch: undefined,
    });
  });

  test('inside git: the repository root and its current branch, as a production git host sees them', () => {
    const repo = path.join(tmp, 'repo');
    const content = path.join(repo, 'site', 'content');
    fs.mkdirSync(content, { recursive: true });
    execFileSync('git', ['init', '-q', '-b', 'editorial', repo]);
    const p = cmsPaths(content);
    expect(fs.realpathSync(p.root)).toBe(fs.realpathSync(repo));
    expect(p.noticesFolder).toBe('site/content/notices');
    expect(p.branch).toBe('editorial');
  });
});

describe('next free id at build time', () => {
  test('reads the ids of the notices (unreadable files are left to the content check)', () => {
    const notices = path.join(tmp, 'ids', 'notices');
    for (const [dir, text] of [
      ['a', '---\nid: MO-2026-0004\n---\n'],
      ['b', "---\nid: 'MO-2026-0009'\n---\n"],
      ['c', '---\nid: [broken\n---\n'],
      ['d', 'no frontmatter'],
    ]) {
      fs.mkdirSync(path.join(notices, dir!), { recursive: true });
      fs.writeFileSync(path.join(notices, dir!, 'index.mdx'), text!);
    }
    expect(readNoticeIds(notices).sort()).toEqual(['MO-2026-0004', 'MO-2026-0009']);
    expect(cmsOptions(path.join(tmp, 'ids'), undefined, new Date('2026-05-01T12:00:00Z')).nextId).toBe('MO-2026-0010');
  });
});

describe('MODUS_CMS_BACKEND', () => {
  const write = (name: string, text: string) => {
    const f = path.join(tmp, name);
    fs.writeFileSync(f, text);
    return f;
  };

  test('unset: no production backend (editing through decap-server only)', () => {
    expect(readCmsBackend({})).toBeUndefined();
  });

  test('a file with a backend block (or the bare block) is used as is', () => {
    const gitlab = write(
      'gitlab.yml',
      'backend:\n  name: gitlab\n  repo: customs/modus\n  branch: main\n  base_url: https://gitlab.example.org\n',
    );
    expect(readCmsBackend({ MODUS_CMS_BACKEND: gitlab })).toEqual({
      name: 'gitlab',
      repo: 'customs/modus',
      branch: 'main',
      base_url: 'https://gitlab.example.org',
    });
    const bare = write('gitea.yml', 'name: gitea\nrepo: customs/modus\n');
    expect(readCmsBackend({ MODUS_CMS_BACKEND: bare })).toMatchObject({ name: 'gitea' });
  });

  test('a missing file, a missing name or repo, and broken YAML each throw saying what to fix', () => {
    expect(() => readCmsBackend({ MODUS_CMS_BACKEND: path.join(tmp, 'missing.yml') })).toThrow(/no such file/);
    expect(() => readCmsBackend({ MODUS_CMS_BACKEND: write('noname.yml', 'backend:\n  repo: a/b\n') })).toThrow(/"name" is missing/);
    expect(() => readCmsBackend({ MODUS_CMS_BACKEND: write('norepo.yml', 'backend:\n  name: github\n') })).toThrow(
      /"repo" must name the repository/,
    );
    expect(() => readCmsBackend({ MODUS_CMS_BACKEND: write('bad.yml', 'backend: [\n') })).toThrow(/not valid YAML/);
  });

  test('the example files in docs/cms-backend (gitea, github, gitlab) are read without error, each naming its backend', () => {
    const dir = path.resolve(import.meta.dirname, '../../docs/cms-backend');
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.yml'));
    expect(files.sort()).toEqual(['gitea.yml', 'github.yml', 'gitlab.yml']);
    for (const f of files) expect(readCmsBackend({ MODUS_CMS_BACKEND: path.join(dir, f) })!.name).toBe(f.replace('.yml', ''));
  });
});

describe("cmsOrigins (for the admin page's connect-src)", () => {
  test('the hosts a production backend talks to; none without one; a javascript: base_url is dropped', () => {
    expect(cmsOrigins(undefined)).toEqual([]);
    expect(
      cmsOrigins({
        name: 'gitlab',
        repo: 'a/b',
        base_url: 'https://gitlab.example.org',
        api_root: 'https://gitlab.example.org/api/v4',
        auth_endpoint: 'oauth/authorize',
      }),
    ).toEqual(['https://gitlab.example.org']);
    expect(cmsOrigins({ name: 'github', repo: 'a/b', base_url: 'https://auth.example.org' })).toEqual([
      'https://auth.example.org',
      'https://api.github.com',
    ]);
    expect(
      cmsOrigins({ name: 'gitea', repo: 'a/b', base_url: 'javascript:alert(1)', api_root: 'https://gitea.example.org/api/v1' }),
    ).toEqual(['https://gitea.example.org']);
  });
});
