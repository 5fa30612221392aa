/**
 * Removing what a build no longer makes from an out folder it kept (docs/architecture.md, "Incremental
 * build"). When `npm run build` keeps the out folder of its last build, Astro writes the pages it renders,
 * leaves in place the pages whose cache key did not change, and rewrites everything else (bundles,
 * public files, image variants, the CMS, the headers files); what is left untouched and unlisted is what
 * the build no longer makes: a deleted or withheld notice's pages, an old bundle, a replaced photo's
 * variants. Those are deleted here, so the out folder is the one a clean build would make.
 */
import fs from 'node:fs';
import path from 'node:path';

/**
 * The out files (relative to the out folder, e.g. `notices/x/index.html`) recorded in Astro's
 * incremental-build manifest `manifestFile` (pages with a cache key, rendered or kept); an empty set
 * when there is no manifest. Throws when the manifest is not JSON of the shape Astro 7 writes.
 */
export function astroKeyedOutputs(manifestFile: string): Set<string> {
  if (!fs.existsSync(manifestFile)) return new Set();
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as {
    routes?: Record<string, { paths?: Record<string, { outputFile?: string }> }>;
  };
  if (!manifest.routes) throw new Error(`${manifestFile}: no "routes" in Astro's incremental-build manifest (has its format changed?)`);
  const out = new Set<string>();
  for (const route of Object.values(manifest.routes)) {
    for (const p of Object.values(route.paths ?? {})) if (p.outputFile) out.add(p.outputFile);
  }
  return out;
}

/**
 * Deletes every file under `outDir` last modified before `since` (nanoseconds since the epoch, e.g. the
 * modification time of a file written when the build started) whose path relative to `outDir` is not in
 * `kept`, except under the top-level folders in `leave`; then removes folders left empty. Returns the
 * relative paths deleted, sorted.
 */
export function sweepStaleOutputs(outDir: string, since: bigint, kept: ReadonlySet<string>, leave: readonly string[] = []): string[] {
  const deleted: string[] = [];
  const visit = (rel: string): boolean => {
    // Returns true when the folder `rel` is empty afterwards.
    const dir = path.join(outDir, rel);
    let left = 0;
    for (const name of fs.readdirSync(dir).sort()) {
      const r = rel ? `${rel}/${name}` : name;
      const st = fs.lstatSync(path.join(outDir, r), { bigint: true });
      if (!rel && leave.includes(name)) {
        left++;
      } else if (st.isDirectory()) {
        if (visit(r)) fs.rmdirSync(path.join(outDir, r));
        else left++;
      } else if (st.mtimeNs < since && !kept.has(r)) {
        fs.rmSync(path.join(outDir, r));
        deleted.push(r);
      } else {
        left++;
      }
    }
    return left === 0;
  };
  if (fs.existsSync(outDir)) visit('');
  return deleted.sort();
}
