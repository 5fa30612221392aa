/**
 * Measuring one build process of the benchmark: wall time, CPU time and peak memory of the whole
 * process tree, with its output written to a log file and handed line by line to the caller.
 * Used for Modus's `npm run build` and for the peer's `astro build` alike, so both are measured the
 * same way.
 */
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import pidtree from 'pidtree';
import pidusage from 'pidusage';

const CLK_TCK = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
  } catch {
    return 100;
  }
})();

/** `x` rounded to `digits` decimals. */
export function round(x, digits) {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** CPU time (user+sys, seconds) of this process's reaped children, from /proc/self/stat (cutime+cstime). */
function childrenCpuSeconds() {
  const stat = fs.readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // After "pid (comm) ": state is field 3 → index 0; cutime is field 16 → index 13, cstime 17 → 14.
  return (Number(fields[13]) + Number(fields[14])) / CLK_TCK;
}

/** Number of files in a folder (0 when missing). */
export function countFiles(dir) {
  try {
    return fs.readdirSync(dir).length;
  } catch {
    return 0;
  }
}

/**
 * Runs `command args` in `cwd` with `env` (added to this process's environment; a key set to undefined
 * is removed from it), writes its output to
 * `logFile`, and passes each output line, without colour codes, to `onLine`. Resolves when it has
 * exited with { exitCode, wallS, cpuS, peakRssBytes }:
 * - CPU time is user+sys of the whole process tree (the kernel's accounting of reaped children; a
 *   grandchild counts once its parent has waited for it, as build tools do);
 * - peak RSS is the largest sum of RSS over the process tree seen by polls every 200 ms (pidtree +
 *   pidusage; pidtree runs `ps`, so a faster poll would itself cost a noticeable share of a 2-core machine).
 * Never rejects for a failed command (exitCode says so); rejects only when the command cannot start.
 */
export async function measureProcess({ command, args, cwd, env = {}, logFile, onLine = () => {} }) {
  const childEnv = { ...process.env, FORCE_COLOR: '0', ...env };
  for (const [k, v] of Object.entries(childEnv)) if (v === undefined) delete childEnv[k];
  const cpu0 = childrenCpuSeconds();
  const t0 = performance.now();
  const child = spawn(command, args, {
    cwd,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const started = new Promise((resolve, reject) => {
    child.once('spawn', resolve);
    child.once('error', reject);
  });
  const log = fs.createWriteStream(logFile);
  let tail = '';
  const scan = (chunk) => {
    const lines = (tail + chunk.toString()).split('\n');
    tail = lines.pop() ?? '';
    // Astro colours parts of its lines even with FORCE_COLOR=0: lines are passed on without the colour codes.
    // eslint-disable-next-line no-control-regex
    for (const raw of lines) onLine(raw.replace(/\u001b\[[0-9;]*m/g, ''));
  };
  for (const stream of [child.stdout, child.stderr]) {
    stream.on('data', (d) => {
      log.write(d);
      scan(d);
    });
  }
  await started;

  let peak = 0;
  let polling = false;
  const poll = async () => {
    if (polling || child.exitCode !== null || child.pid === undefined) return;
    polling = true;
    try {
      const pids = await pidtree(/** @type {number} */ (child.pid), { root: true });
      const usage = await pidusage(pids);
      const sum = Object.values(usage).reduce((s, u) => s + (u?.memory ?? 0), 0);
      if (sum > peak) peak = sum;
    } catch {
      // A process of the tree ended between listing and reading: skip this sample.
    } finally {
      polling = false;
    }
  };
  // A first sample at once: a build with nothing to do may end before the first interval.
  void poll();
  const timer = setInterval(() => void poll(), 200);
  const exitCode = await new Promise((resolve) => child.on('close', (code) => resolve(code ?? 1)));
  clearInterval(timer);
  pidusage.clear();
  const wallS = (performance.now() - t0) / 1000;
  const cpuS = childrenCpuSeconds() - cpu0;
  await new Promise((r) => log.end(r));
  scan('\n');
  return { exitCode, wallS: round(wallS, 2), cpuS: round(cpuS, 2), peakRssBytes: peak };
}
