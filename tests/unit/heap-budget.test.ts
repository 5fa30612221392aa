/**
 * The heap budget scripts/build.mjs gives `astro build` (src/build/heap-budget.ts). Prevents: a large
 * build killed by V8's default heap limit with no word of why or what to do (field case F11), and the
 * user's own NODE_OPTIONS heap limit overridden.
 */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { HEAP_MB_PER_ENTRY, MIN_HEAP_MB, heapBudgetMb, heapExhaustedMessage, setsHeapLimit } from '../../src/build/heap-budget.ts';

describe('heap budget of astro build', () => {
  it('is the minimum up to 10,240 entries, then grows with the entries in steps of 256 MB', () => {
    expect(heapBudgetMb(0)).toBe(MIN_HEAP_MB);
    expect(heapBudgetMb(10_000)).toBe(1024);
    expect(heapBudgetMb(10_240)).toBe(1024);
    expect(heapBudgetMb(10_241)).toBe(1280); // 1024.1 MB → the next multiple of 256
    expect(heapBudgetMb(40_000)).toBe(4096);
    expect(heapBudgetMb(40_000)).toBeGreaterThanOrEqual(40_000 * HEAP_MB_PER_ENTRY);
  });

  it("leaves the user's own NODE_OPTIONS heap limit alone", () => {
    expect(setsHeapLimit(undefined)).toBe(false);
    expect(setsHeapLimit('--enable-source-maps')).toBe(false);
    expect(setsHeapLimit('--max-old-space-size=8192')).toBe(true);
    expect(setsHeapLimit('--trace-warnings --max-old-space-size 8192')).toBe(true);
    expect(setsHeapLimit('--max_old_space_size=8192')).toBe(true); // V8 takes underscores too
  });

  it('explains an out-of-memory abort, as a real one ends a child process, and nothing else', async () => {
    // A real V8 heap exhaustion in a child process, to know how it ends (signal or code).
    const ended = await new Promise<{ code: number | null; signal: string | null }>((resolve) => {
      const child = spawn(process.execPath, ['--max-old-space-size=16', '-e', 'const a = []; for (;;) a.push(new Array(1e5).fill(1));'], {
        stdio: 'ignore',
      });
      child.on('close', (code, signal) => resolve({ code, signal }));
    });
    const message = heapExhaustedMessage(ended.code, ended.signal, 1024);
    expect(message).toContain('1024 MB');
    expect(message).toContain('NODE_OPTIONS=--max-old-space-size=2048');
    expect(heapExhaustedMessage(1, null, 1024)).toBeNull();
    expect(heapExhaustedMessage(0, null, 1024)).toBeNull();
  });
});
