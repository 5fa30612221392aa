/**
 * Writes the offline files of a built dist/ (docs/offline.md), a step of `npm run build` after the search
 * index (scripts/lib/finish-build.mjs):
 * - on: `offline/manifest.json` (what a copy holds, src/offline/manifest.ts), `offline/build.json` (the
 *   build's id and time alone, small, for telling readers of a newer build) and `sw.js`;
 * - off (MODUS_OFFLINE=off): `sw.js` only, the worker that removes a copy kept earlier.
 * `sw.js` is written only when its text changed (its date stays that of the code that made it).
 */
import fs from 'node:fs';
import path from 'node:path';
import { offlineManifest, totalBytes } from './manifest.ts';
import { serviceWorkerSource } from './service-worker.ts';

/** What was written: the number of notices and courses a copy may hold and the whole copy's size in bytes. */
export interface OfflineFilesResult {
  notices: number;
  courses: number;
  bytes: number;
}

/**
 * Writes the offline files into `outDir` for a site served at `base`, build `id` made at `time` (ISO 8601).
 * Returns what a whole copy holds, or null when `enabled` is false. Throws when a page the copy needs is missing.
 */
export function writeOfflineFiles(
  outDir: string,
  options: { enabled: boolean; base: string; id: string; time: string },
): OfflineFilesResult | null {
  const sw = path.join(outDir, 'sw.js');
  const source = serviceWorkerSource(options.enabled, options.base);
  if (!fs.existsSync(sw) || fs.readFileSync(sw, 'utf8') !== source) fs.writeFileSync(sw, source);
  const dir = path.join(outDir, 'offline');
  if (!options.enabled) {
    for (const f of ['manifest.json', 'build.json']) fs.rmSync(path.join(dir, f), { force: true });
    return null;
  }
  const manifest = offlineManifest(outDir, options.base, { id: options.id, time: options.time });
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
  fs.writeFileSync(path.join(dir, 'build.json'), JSON.stringify({ id: options.id, time: options.time }));
  const all = [manifest.shell, ...Object.values(manifest.notices), ...Object.values(manifest.courses).map((c) => c.files)];
  return { notices: Object.keys(manifest.notices).length, courses: Object.keys(manifest.courses).length, bytes: totalBytes(all) };
}
