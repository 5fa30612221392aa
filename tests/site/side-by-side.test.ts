/**
 * Two `npm start` previews at once in one checkout (README, "Several previews side by side"): two content
 * folders and two audiences, each on its own ports, started together so that their builds run at the same
 * time. Prevents: the second refusing because the first is building (one lock per checkout), the two
 * builds sharing Astro's cache or an out folder (one would serve the other's pages, or empty them), and
 * `astro preview` refusing a second preview of the project.
 * One of them is given no --out-dir: on a port other than 4321 it builds into dist-<port>/ of the checkout.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, freePort, tempDir } from '../helpers/site.ts';
import { materialise, type Fixture } from '../helpers/fixtures.ts';

/** `npm start` (scripts/start.mjs) with `args` and `env`; resolves with its output once it serves, or once it exits. */
function start(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts/start.mjs'), ...args], {
    cwd: ROOT,
    env: { ...process.env, FORCE_COLOR: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const started = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start did not serve within 240 s:\n${out}`)), 240_000);
    const check = () => out.includes('Press Ctrl-C to stop.') && (clearTimeout(timer), resolve(out));
    child.stdout.on('data', (d) => ((out += d), check()));
    child.stderr.on('data', (d) => ((out += d), check()));
    child.once('exit', () => (clearTimeout(timer), resolve(out)));
  });
  const stop = () =>
    new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : (child.once('exit', () => resolve()), child.kill('SIGTERM'))));
  return { child, started, stop };
}

let fixtures: Fixture[] = [];
const cleanup: string[] = [];
const running: Array<ReturnType<typeof start>> = [];
beforeAll(async () => {
  fixtures = [await materialise('cms'), await materialise('basic')];
});
afterAll(async () => {
  await Promise.all(running.map((r) => r.stop()));
  for (const f of fixtures) f.remove();
  for (const d of cleanup) fs.rmSync(d, { recursive: true, force: true });
});

describe('two npm start previews side by side', () => {
  it('two content folders and two audiences, built at the same time, each served on its own port with its own pages', async () => {
    const [cms, basic] = fixtures as [Fixture, Fixture];
    const [portA, cmsPortA, portB, cmsPortB] = [await freePort(), await freePort(), await freePort(), await freePort()];
    const outA = tempDir('side-a');
    const outB = path.join(ROOT, `dist-${portB}`);
    cleanup.push(outA, outB);
    const a = start(['--port', String(portA), '--cms-port', String(cmsPortA), '--out-dir', outA], {
      MODUS_CONTENT_DIR: cms.contentDir,
      MODUS_AUDIENCE: 'community',
    });
    const b = start(['--port', String(portB), '--cms-port', String(cmsPortB)], {
      MODUS_CONTENT_DIR: basic.contentDir,
      MODUS_AUDIENCE: 'public',
    });
    running.push(a, b);
    const [outputA, outputB] = await Promise.all([a.started, b.started]);
    expect(a.child.exitCode, outputA).toBeNull();
    expect(b.child.exitCode, outputB).toBeNull();
    expect(outputA).toContain(`building ${outA} from scratch`);
    expect(outputB).toContain(`building ${outB} from scratch`);
    for (const output of [outputA, outputB]) expect(output).not.toMatch(/another build|already in use/);

    const page = async (port: number, p: string) => {
      const res = await fetch(`http://127.0.0.1:${port}${p}`);
      expect(res.status, p).toBe(200);
      return res.text();
    };
    // Each serves its own build: the cms fixture for the community audience (its TLP:GREEN notice too) ...
    const homeA = await page(portA, '/');
    const noticesA = await page(portA, '/notices/');
    expect(noticesA).toContain('Cocaine in the sea chest of a bulk carrier');
    expect(noticesA).not.toContain('Cocaine in lorry gearbox housings');
    // ... and the basic fixture for the public (no TLP:GREEN notice).
    const homeB = await page(portB, '/');
    const noticesB = await page(portB, '/notices/');
    expect(noticesB).toContain('Cocaine in lorry gearbox housings');
    expect(noticesB).not.toContain('sea chest');
    expect(noticesB).not.toContain('zebrawood banana boxes');
    expect(homeA).not.toBe(homeB);
    expect(fs.existsSync(path.join(outB, 'index.html'))).toBe(true);
  }, 400_000);
});
