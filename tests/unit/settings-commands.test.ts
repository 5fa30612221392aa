/**
 * A bad setting stops `npm run build`, `npm start` and `npm run cms` at once with its one-line reason
 * and exit code 1. Prevents: the reason buried under Astro's "Unable to load your Astro config" and a
 * stack trace, or a half-started server, when an operator mistypes MODUS_AUDIENCE or a folder.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

/** Runs `scripts/<script>` with `env` added; its exit code and everything it printed. */
function run(script: string, env: Record<string, string>) {
  const r = spawnSync(process.execPath, [path.join(root, 'scripts', script)], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

describe('a bad setting stops the command with its reason, without a stack trace', () => {
  const cases: Array<[string, Record<string, string>, RegExp]> = [
    [
      'build.mjs',
      { MODUS_AUDIENCE: 'everyone' },
      /MODUS_AUDIENCE="everyone" is not an audience\. Allowed values: public, community, organisation\./,
    ],
    ['build.mjs', { MODUS_CONTENT_DIR: '/nonexistent-modus-content' }, /content folder \/nonexistent-modus-content does not exist/],
    ['start.mjs', { MODUS_CMS_BACKEND: 'no-such-backend.yml' }, /MODUS_CMS_BACKEND="no-such-backend\.yml": no such file/],
    ['cms.mjs', { MODUS_IMAGE_MAX_PIXELS: 'abc' }, /MODUS_IMAGE_MAX_PIXELS="abc" must be a whole number of pixels/],
  ];
  it.each(cases)('%s with %j exits 1 saying %s', (script, env, reason) => {
    const { status, output } = run(script, env);
    expect(status).toBe(1);
    expect(output).toMatch(reason);
    expect(output).not.toMatch(/^\s+at /m); // no stack frame
    expect(output).not.toMatch(/Unable to load your Astro config/);
  });
});
