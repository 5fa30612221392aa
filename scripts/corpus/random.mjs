/** Seeded randomness for the corpus generator: one PRNG and the choices made with it. */

/** Small fast deterministic PRNG (mulberry32). Returns a function giving floats in [0, 1). */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Helpers around one PRNG `rand`: int(lo, hi) (inclusive), pick(xs), sample(xs, n) (without repetition),
 * skewed(xs, s) (Zipf-like, earlier items much more frequent), chance(p) (true with probability p).
 */
export function dice(rand) {
  const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  const sample = (xs, n) => {
    const pool = [...xs];
    const out = [];
    for (let i = 0; i < n && pool.length; i++) out.push(pool.splice(Math.floor(rand() * pool.length), 1)[0]);
    return out;
  };
  /** Zipf-like pick: earlier items are much more frequent (realistic skew of vocabularies). */
  const skewed = (xs, s = 1.1) => {
    const weights = xs.map((_, i) => 1 / (i + 1) ** s);
    let r = rand() * weights.reduce((a, b) => a + b, 0);
    for (let i = 0; i < xs.length; i++) if ((r -= weights[i]) <= 0) return xs[i];
    return xs[xs.length - 1];
  };
  return { int, pick, sample, skewed, chance: (p) => rand() < p };
}
