/**
 * The V8 heap budget of `astro build` (docs/performance.md). Left to itself, V8 on a machine with plenty of memory
 * lets garbage grow to three or four times the live heap before collecting it: at 10,000 notices the
 * live heap stayed under 0.6 GB while the process held 1.7 GB of heap (measured with --trace-gc).
 * A limit about twice the live heap keeps the build's peak memory down at almost no cost in time.
 * The live heap grows with the number of entries (about 0.05 MB per notice), so the limit does too.
 */

/** Smallest heap limit given, in MB (MiB): enough for any content folder of up to 10,240 entries. */
export const MIN_HEAP_MB = 1024;
/** Heap limit per content entry (notice or course), in MB: about twice the live heap measured per notice. */
export const HEAP_MB_PER_ENTRY = 0.1;

/**
 * The heap limit in MB for a build of `entries` notices and courses: `MIN_HEAP_MB`, or
 * `HEAP_MB_PER_ENTRY` per entry when that is more (rounded up to a multiple of 256 MB).
 */
export function heapBudgetMb(entries: number): number {
  return Math.max(MIN_HEAP_MB, Math.ceil((entries * HEAP_MB_PER_ENTRY) / 256) * 256);
}

/** True when `nodeOptions` (the NODE_OPTIONS variable) already sets a heap limit: the user's choice wins. */
export function setsHeapLimit(nodeOptions: string | undefined): boolean {
  return /--max[-_]old[-_]space[-_]size(=|\s)/.test(nodeOptions ?? '');
}

/**
 * What to tell the user when `astro build` ended by V8's out-of-memory abort (exit code 134 or SIGABRT)
 * under a budget of `budgetMb`, or null for any other exit.
 */
export function heapExhaustedMessage(code: number | null, signal: string | null, budgetMb: number): string | null {
  if (code !== 134 && signal !== 'SIGABRT') return null;
  return (
    `astro build stopped: it may have run out of its JavaScript heap budget of ${budgetMb} MB ` +
    '(set by scripts/build.mjs from the number of notices and courses, src/build/heap-budget.ts). ' +
    `Build again with a larger one, e.g. NODE_OPTIONS=--max-old-space-size=${budgetMb * 2} npm run build.`
  );
}
