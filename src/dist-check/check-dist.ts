/**
 * The dist check's runner (docs/audiences-and-deployment.md, "Proof after every build"): scans every file of a built dist/ and
 * returns every leak and every breach of the site's rules. It walks dist/ in path order, reads each
 * file once (dist-file.ts), hands it to each rule in turn (rules/*.ts, one module per leak or
 * failure), and gathers their findings, each once:
 * - `withheld`: a notice or course above the build's audience, by its id, slug, alias or a
 *   distinctive sentence in any file (rules/withheld-text.ts), by a file's path (withheld-paths.ts),
 *   by a search filter value (withheld-filter-values.ts), or by a variant of an image the audience
 *   may not see (withheld-image-variants.ts);
 * - `image-metadata`: an image carrying EXIF, XMP, IPTC or text metadata (image-metadata.ts);
 * - `original-copy`: a byte copy of an original file of the content folder (original-copies.ts);
 * - `other-host`: a page that makes the browser load anything from another host (other-hosts.ts);
 * - `csp`: a page without its Content-Security-Policy, or with markup that runs code (page-policies.ts);
 * - `marking`: a notice page without its TLP marking, on screen or in print (markings.ts);
 * - `admin`: /admin/ present although MODUS_ADMIN=off (admin-off.ts).
 * Reads only.
 */
import { audienceMaySee } from '../model/tlp.ts';
import { filesUnder, readDistFile } from './dist-file.ts';
import { Findings, type DistFinding, type Report } from './findings.ts';
import type { DistCheckOptions, DistCheckRule, RuleCheck } from './rule.ts';
import { adminOff } from './rules/admin-off.ts';
import { imageMetadata } from './rules/image-metadata.ts';
import { markings } from './rules/markings.ts';
import { originalCopies } from './rules/original-copies.ts';
import { otherHosts } from './rules/other-hosts.ts';
import { pagePolicies } from './rules/page-policies.ts';
import { withheldFilterValues } from './rules/withheld-filter-values.ts';
import { withheldImageVariants } from './rules/withheld-image-variants.ts';
import { withheldPaths } from './rules/withheld-paths.ts';
import { withheldText } from './rules/withheld-text.ts';

/** The rules, in the order each file is handed to them (a file's findings are listed in this order). */
export const DIST_CHECK_RULES: readonly DistCheckRule[] = [
  adminOff,
  withheldImageVariants,
  withheldPaths,
  originalCopies,
  imageMetadata,
  withheldFilterValues,
  otherHosts,
  pagePolicies,
  markings,
  withheldText,
];

/**
 * Runs `rules` (default: every rule, DIST_CHECK_RULES) on `options.distDir`; returns the findings, in file order (empty
 * when dist/ is clean). Throws when dist/ or the content cannot be read, or a Pagefind file cannot be
 * decoded.
 */
export async function checkDist(options: DistCheckOptions, rules: readonly DistCheckRule[] = DIST_CHECK_RULES): Promise<DistFinding[]> {
  const { audience, manifest } = options;
  const context = {
    ...options,
    visible: manifest.entries.filter((e) => audienceMaySee(audience, e.tlp)),
    withheld: manifest.entries.filter((e) => !audienceMaySee(audience, e.tlp)),
  };
  const findings = new Findings();
  const checks: Array<{ check: RuleCheck; report: Report }> = [];
  for (const rule of rules) checks.push({ check: await rule.prepare(context), report: findings.reporter(rule.reportedAs) });

  const paths = filesUnder(options.distDir);
  for (const { check, report } of checks) check.beforeFiles?.(paths, report);
  for (const rel of paths) {
    const file = readDistFile(options.distDir, rel);
    for (const { check, report } of checks) await check.file?.(file, report);
  }
  for (const { check, report } of checks) check.afterFiles?.(report);
  return findings.list;
}
