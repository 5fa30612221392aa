/**
 * The dist check as the last step of `npm run build` (scripts/lib/finish-build.mjs), after the pages,
 * the headers files and the search index are written. It reads the content folder itself
 * (content-manifest.ts) to know what this audience's build must not contain, scans dist/
 * (check-dist.ts), and fails the build on any finding, so a leaking dist/ is never left looking like
 * a good build. Given a folder for its manifest of results (results-manifest.ts), it scans only the
 * files that changed since the last check of this audience, unless told to check in full.
 */
import path from 'node:path';
import { checkDistFiles } from './check-dist.ts';
import { readContentManifest } from './content-manifest.ts';
import { formatFindings } from './findings.ts';
import { allUiStrings } from '../render/i18n/ui.ts';
import { allLabels } from '../render/i18n/labels.ts';
import type { Audience } from '../model/tlp.ts';
import { isWithheld } from './withheld.ts';

/** What to do when the dist check fails (printed under the findings). */
export const DIST_CHECK_HINT =
  'Each line names a file of dist/ and what it holds that it must not. Fix the content or the code that put it there and build again; do not deploy this dist/.';

/** The build settings the dist check judges by (read once by the caller: MODUS_CONTENT_DIR, MODUS_AUDIENCE, MODUS_ADMIN, MODUS_SITE_URL). */
export interface DistCheckSettings {
  /** Absolute path of the content folder. */
  contentDir: string;
  audience: Audience;
  admin: boolean;
  /** Origin the site is served at. */
  siteUrl: string;
}

/** `n` files, in words. */
const files = (n: number) => `${n} file${n === 1 ? '' : 's'}`;

/** Where and how the check keeps its results between builds. */
export interface DistCheckCache {
  /** Folder of the manifests of results, one per audience (`<audience>.json`), outside dist/. */
  dir: string;
  /** Ignore the manifest and scan every file (it is written again afterwards). */
  full?: boolean;
}

/**
 * Checks `distDir` for this build's settings; with `cache`, scans only the files that changed since the
 * last check of this audience (docs/audiences-and-deployment.md, "Proof after every build"). Returns the
 * one-line summary of a passed check, with the number of files scanned and reused; throws an Error
 * whose message lists every finding (one line each) when anything leaks, or when the manifest of
 * results cannot be written.
 */
export async function runDistCheck(distDir: string, settings: DistCheckSettings, cache?: DistCheckCache): Promise<string> {
  const manifest = readContentManifest(settings.contentDir);
  const { findings, scanned, reused } = await checkDistFiles({
    distDir,
    audience: settings.audience,
    admin: settings.admin,
    siteUrl: settings.siteUrl,
    manifest,
    commonTexts: [...allUiStrings(), ...allLabels()],
    results: cache && { file: path.join(cache.dir, `${settings.audience}.json`), full: cache.full },
  });
  if (findings.length > 0) throw new Error(`${formatFindings(findings)}\n  Hint: ${DIST_CHECK_HINT}`);
  const withheld = manifest.entries.filter((e) => isWithheld(e, settings.audience)).length;
  return (
    `dist check passed (audience ${settings.audience}, ${withheld} of ${manifest.entries.length} entries withheld; ` +
    `${files(scanned)} scanned, ${reused} reused unchanged${cache?.full ? ', full check' : ''}): ` +
    'nothing withheld, no image metadata, no original copies, no other hosts, policies and markings in place'
  );
}
