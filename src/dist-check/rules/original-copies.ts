/**
 * Catches an original file of the content folder (a photo as the officer took it, an attachment)
 * published byte for byte: originals carry what resizing strips (metadata, full resolution), so only
 * resized copies without metadata may be in dist/. Files are compared by size first, and hashed only
 * when an original has the same size.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { DistCheckRule } from '../rule.ts';

/** Hex SHA-256 of some bytes. */
function sha256(bytes: Buffer): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

/** Finds byte copies of the content folder's originals. */
export const originalCopies: DistCheckRule = {
  reportedAs: 'original-copy',
  prepare({ distDir, manifest }) {
    const originalsBySize = new Map<number, string[]>();
    const distPrefix = path.resolve(distDir) + path.sep;
    for (const o of manifest.originals) {
      if (path.resolve(o).startsWith(distPrefix)) continue; // dist/ inside the content folder is not content
      const size = fs.statSync(o).size;
      if (size === 0) continue;
      originalsBySize.set(size, [...(originalsBySize.get(size) ?? []), o]);
    }
    const originalHash = new Map<string, string>();
    return {
      // On every build: the originals may change while dist/ does not. A file's hash is at hand anyway.
      everyFile(file, report) {
        const sameSize = originalsBySize.get(file.size);
        if (!sameSize) return;
        const h = file.hash();
        for (const o of sameSize) {
          if (!originalHash.has(o)) originalHash.set(o, sha256(fs.readFileSync(o)));
          if (originalHash.get(o) === h)
            report(
              file.rel,
              `is a byte copy of the original ${path.relative(manifest.contentDir, o)} (content folder); only resized copies without metadata may be published`,
            );
        }
      },
    };
  },
};
