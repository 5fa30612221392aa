/**
 * A bad setting stops `npm start`, `npm run build`, `npm run cms` (the real npm scripts) and a bare
 * `astro build` at once, with exit code 1 and ONE line naming the setting, its value and what is allowed,
 * and nothing else. Prevents: the reason buried under Astro's "Unable to load your Astro config" and a
 * stack trace, a YAML parser's quoted lines, a half-started server, or a value that passes the settings
 * reader but fails later inside Astro (a content folder without notices/).
 * The commands must fail before building anything: each takes about a second.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'modus-settings-commands-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
/** A file in the temporary folder with `text`; its absolute path. */
function write(name: string, text: string): string {
  const file = path.join(tmp, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

/** What `npm run <script>` itself prints before the script's output (its banner), removed from the output compared. */
const NPM_BANNER = /^\n> modus@[^\n]+\n> [^\n]+\n\n/;

/** Runs `command` in the project with `env` added; its exit code and everything it printed (stdout, then stderr). */
function run(command: readonly [string, ...string[]], env: Record<string, string>): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command[0], command.slice(1), {
      cwd: root,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, output: stdout.replace(NPM_BANNER, '') + stderr });
    });
  });
}

const COMMANDS: Record<string, readonly [string, ...string[]]> = {
  'npm start': ['npm', 'start'],
  'npm run build': ['npm', 'run', 'build'],
  'npm run cms': ['npm', 'run', 'cms'],
  'astro build': [process.execPath, path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build'],
};

/** Each bad setting, and the line it must print (after "Modus: a setting is wrong. "): setting, value, what is allowed. */
const CASES: Array<[string, () => Record<string, string>, RegExp]> = [
  [
    'MODUS_AUDIENCE',
    () => ({ MODUS_AUDIENCE: 'everyone' }),
    /^MODUS_AUDIENCE="everyone" is not an audience\. Allowed values: public, community, organisation\.$/,
  ],
  ['MODUS_ADMIN', () => ({ MODUS_ADMIN: 'yes' }), /^MODUS_ADMIN="yes" must be "on" or "off"\.$/],
  ['MODUS_OFFLINE', () => ({ MODUS_OFFLINE: 'yes' }), /^MODUS_OFFLINE="yes" must be "on" or "off"\.$/],
  [
    'MODUS_SITE_URL',
    () => ({ MODUS_SITE_URL: 'modus.example.org' }),
    /^MODUS_SITE_URL="modus\.example\.org" must be the http or https address .*optionally with a path.*such as https:\/\/intranet\.example\/modus\/\.$/,
  ],
  [
    'MODUS_IMAGE_MAX_PIXELS',
    () => ({ MODUS_IMAGE_MAX_PIXELS: 'abc' }),
    /^MODUS_IMAGE_MAX_PIXELS="abc" must be a whole number of pixels, such as 50000000/,
  ],
  ['MODUS_IMAGE_MAX_PIXELS', () => ({ MODUS_IMAGE_MAX_PIXELS: '0' }), /^MODUS_IMAGE_MAX_PIXELS="0" must be a whole number of pixels/],
  [
    'MODUS_PUBLISHER',
    () => ({ MODUS_PUBLISHER: ' ' }),
    /^MODUS_PUBLISHER is empty: give the name of the organisation .*such as "Customs Intelligence Unit"/,
  ],
  [
    'MODUS_PUBLISHER',
    () => ({ MODUS_PUBLISHER: 'Customs\nUnit' }),
    /^MODUS_PUBLISHER="Customs\\nUnit" holds a line break or a control character: give .* on one line/,
  ],
  [
    'MODUS_CMS_BACKEND',
    () => ({ MODUS_CMS_BACKEND: path.join(tmp, 'missing.yml') }),
    /^MODUS_CMS_BACKEND="[^"]+missing\.yml": no such file\. Point it at a YAML file with the CMS backend/,
  ],
  [
    'MODUS_CMS_BACKEND',
    () => ({ MODUS_CMS_BACKEND: write('bad.yml', 'backend: {name: gitlab\n  repo: [\n') }),
    /^MODUS_CMS_BACKEND file \S+bad\.yml is not valid YAML \(.*line 1, column \d+\)\. It must hold Decap's "backend:" block/,
  ],
  [
    'MODUS_CMS_BACKEND',
    () => ({ MODUS_CMS_BACKEND: write('no-name.yml', 'backend:\n  repo: customs/modus\n') }),
    /^MODUS_CMS_BACKEND file \S+no-name\.yml: "name" is missing; use one of gitlab, github/,
  ],
  [
    'MODUS_CONTENT_DIR',
    () => ({ MODUS_CONTENT_DIR: '/nonexistent-modus-content' }),
    /^MODUS_CONTENT_DIR="\/nonexistent-modus-content": the content folder \/nonexistent-modus-content does not exist\. Point it at a folder holding notices\//,
  ],
  [
    'MODUS_CONTENT_DIR',
    () => ({ MODUS_CONTENT_DIR: 'README.md' }),
    /^MODUS_CONTENT_DIR="README\.md": \S+README\.md is a file, not a folder\. Point it/,
  ],
  [
    'MODUS_CONTENT_DIR',
    () => ({ MODUS_CONTENT_DIR: 'docs' }),
    /^MODUS_CONTENT_DIR="docs": the content folder \S+docs has no notices\/ folder\. Point it/,
  ],
];

/** Runs `jobs` with at most `limit` at a time; their results in order. */
async function pool<T>(jobs: Array<() => Promise<T>>, limit: number): Promise<T[]> {
  const results: T[] = new Array(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const i = next++;
      results[i] = await jobs[i]!();
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return results;
}

describe('a bad setting stops every command with one line: the setting, its value, what is allowed', () => {
  const runs = CASES.flatMap(([setting, env, reason]) =>
    Object.entries(COMMANDS).map(([name, command]) => ({ setting, env, reason, name, command })),
  );
  // All commands first (two at a time: the machine may have two cores), then one assertion per command and setting.
  const results = (async () =>
    pool(
      runs.map((r) => () => run(r.command, r.env())),
      2,
    ))();

  it.each(runs.map((r, i) => [r.name, r.setting, i] as const))(
    '%s with a bad %s exits 1 printing one line',
    async (_name, _setting, i) => {
      const { status, output } = (await results)[i]!;
      expect(status, output).toBe(1);
      const lines = output.split('\n');
      expect(lines, output).toHaveLength(2); // one line and its line break
      expect(lines[1]).toBe('');
      expect(lines[0]).toMatch(/^Modus: a setting is wrong\. /);
      expect(lines[0]!.replace(/^Modus: a setting is wrong\. /, '')).toMatch(runs[i]!.reason);
    },
    120_000,
  );
});

// npm run build too: it ignored an unknown option and built into dist/ (a reviewer's --out-dir, copied from
// npm start's options, overwrote dist/ without a word).
describe('a mistyped option or port of npm start, npm run cms and npm run build: one line too', () => {
  it.each([
    [['npm', 'start', '--', '--port', 'abc'], /^Modus: --port "abc" is not a port: give a whole number from 1 to 65535, such as 4321\.$/],
    [['npm', 'run', 'cms', '--', '--cms-port', '99999'], /^Modus: --cms-port "99999" is not a port: give a whole number from 1 to 65535/],
    [['npm', 'start', '--', '--prot', '4322'], /^Modus: Unknown option '--prot'.* \(see --help\)$/],
    [['npm', 'run', 'build', '--', '--bogus-flag'], /^Modus: Unknown option '--bogus-flag'.* \(see --help\)$/],
    [['npm', 'run', 'build', '--', 'dist2'], /^Modus: Unexpected argument 'dist2'.* \(see --help\)$/],
  ] as const)('%j exits 1 printing one line', async (command, reason) => {
    const { status, output } = await run(command, {});
    expect(status, output).toBe(1);
    expect(output.split('\n'), output).toEqual([expect.stringMatching(reason), '']);
  });
});
