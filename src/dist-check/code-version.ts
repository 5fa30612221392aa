/**
 * The version of the dist check's code, for its manifest of results (results-manifest.ts): a hash of
 * every source file the check runs (the runner, its rules, and what they import in turn, e.g. the
 * Content-Security-Policy of src/render/csp.ts) and of the lock file (the versions of sharp and of
 * every other package). Any change to them makes the next check scan every file again.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Relative module specifiers in `import`/`export … from` statements and dynamic `import()` of a source text. */
const RELATIVE_IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g;

/**
 * Every source file reachable from `entries` through relative imports (absolute paths, sorted).
 * Throws when one of them cannot be read.
 */
export function sourceFilesOf(entries: readonly string[]): string[] {
  const seen = new Set<string>();
  const todo = [...entries];
  while (todo.length) {
    const file = todo.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const m of fs.readFileSync(file, 'utf8').matchAll(RELATIVE_IMPORT)) {
      const target = path.resolve(path.dirname(file), m[1]!);
      if (/\.(ts|mts|js|mjs|json)$/.test(target) && fs.existsSync(target)) todo.push(target);
    }
  }
  return [...seen].sort();
}

/**
 * Hex SHA-256 over the dist check's source files (from `entries`, by default the runner's modules) with
 * their paths, and the repository's package-lock.json when there is one. Throws when a source cannot be read.
 */
export function distCheckCodeVersion(
  entries: readonly string[] = ['./check-dist.ts', './run.ts'].map((f) => fileURLToPath(new URL(f, import.meta.url))),
): string {
  const hash = crypto.createHash('sha256');
  const files = sourceFilesOf(entries);
  const root = path.resolve(path.dirname(entries[0] ?? '.'), '../..');
  const lock = path.join(root, 'package-lock.json');
  if (fs.existsSync(lock)) files.push(lock);
  for (const f of files)
    hash
      .update(`${path.relative(root, f)}\0`)
      .update(fs.readFileSync(f))
      .update('\0');
  return hash.digest('hex');
}
