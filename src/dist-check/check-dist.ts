/**
 * The dist check's runner (docs/audiences-and-deployment.md, "Proof after every build"): scans every file of a built dist/ and
 * returns every leak and every breach of the site's rules. It walks dist/ in path order, reads each
 * file once (dist-file.ts), hands it to each rule in turn (rules/*.ts, one module per leak or
 * failure), and gathers their findings, each once:
 * - `withheld`: a notice or course above the build's audience, or a draft (built into no audience:
 *   withheld.ts `isWithheld`), by its id, slug, alias or a distinctive sentence in any file: pages,
 *   feeds, the JSON, STIX and CSV exports under data/ (rules/withheld-text.ts), by a file's path (withheld-paths.ts),
 *   by a search filter value (withheld-filter-values.ts), or by a variant of an image the audience
 *   may not see (withheld-image-variants.ts);
 * - `image-metadata`: an image carrying EXIF, XMP, IPTC or text metadata (image-metadata.ts);
 * - `original-copy`: a byte copy of an original file of the content folder (original-copies.ts);
 * - `other-host`: a page that makes the browser load anything from another host (other-hosts.ts);
 * - `csp`: a page without its Content-Security-Policy, or with markup that runs code (page-policies.ts);
 * - `marking`: a notice page without its TLP marking, on screen or in print (markings.ts);
 * - `admin`: /admin/ present although MODUS_ADMIN=off (admin-off.ts).
 * With a manifest of results (`options.results`, results-manifest.ts), a file whose bytes and keys are
 * unchanged since the last check is not scanned again: the findings the rules' `file` checks made on it
 * then are reported again (a file with findings fails every check until it is fixed). What looks across
 * files or only at paths (`beforeFiles`, `everyFile`, `afterFiles`) runs over the whole of dist/ every
 * time, so the check still proves every rule over the whole dist/.
 * Reads dist/ and the content; writes only the manifest of results.
 */
import crypto from 'node:crypto';
import { isWithheld } from './withheld.ts';
import { filesUnder, readDistFile } from './dist-file.ts';
import { distCheckCodeVersion } from './code-version.ts';
import { Findings, type DistFinding, type Report } from './findings.ts';
import { readResultsManifest, RESULTS_FORMAT, reusableResult, writeResultsManifest, type ResultsManifest } from './results-manifest.ts';
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

/** What one check found, and how many files it scanned or took from the manifest of results. */
export interface DistCheckResult {
  findings: DistFinding[];
  /** Files whose rules ran (changed, new, or all of them without a usable manifest). */
  scanned: number;
  /** Files whose findings were reused from the manifest (unchanged). */
  reused: number;
}

/**
 * Runs `rules` (default: every rule, DIST_CHECK_RULES) on `options.distDir`; returns the findings, in file order (empty
 * when dist/ is clean). Throws when dist/ or the content cannot be read, or a Pagefind file cannot be
 * decoded.
 */
export async function checkDist(options: DistCheckOptions, rules: readonly DistCheckRule[] = DIST_CHECK_RULES): Promise<DistFinding[]> {
  return (await checkDistFiles(options, rules)).findings;
}

/**
 * As checkDist, with the numbers of files scanned and reused. With `options.results`, reuses the
 * manifest of results at `results.file` (unless `results.full`) and writes the new one there, findings
 * included. Throws as checkDist does, or when the manifest cannot be written.
 */
export async function checkDistFiles(
  options: DistCheckOptions,
  rules: readonly DistCheckRule[] = DIST_CHECK_RULES,
): Promise<DistCheckResult> {
  const { audience, manifest, results } = options;
  const context = {
    ...options,
    visible: manifest.entries.filter((e) => !isWithheld(e, audience)),
    withheld: manifest.entries.filter((e) => isWithheld(e, audience)),
  };
  const findings = new Findings();
  const checks: Array<{ check: RuleCheck; report: Report }> = [];
  for (const rule of rules) checks.push({ check: await rule.prepare(context), report: findings.reporter(rule.reportedAs) });

  const verdictKey = crypto
    .createHash('sha256')
    .update(
      JSON.stringify([
        RESULTS_FORMAT,
        results ? (results.codeVersion ?? distCheckCodeVersion()) : '',
        [audience, options.admin, options.siteUrl],
        rules.map((r) => r.reportedAs),
        checks.map(({ check }) => check.verdictKey ?? ''),
      ]),
    )
    .digest('hex');
  const previous = results && !results.full ? readResultsManifest(results.file) : undefined;
  const next: ResultsManifest = { format: RESULTS_FORMAT, verdictKey, files: {} };
  let scanned = 0;

  const paths = filesUnder(options.distDir);
  for (const { check, report } of checks) check.beforeFiles?.(paths, report);
  for (const rel of paths) {
    const file = readDistFile(options.distDir, rel);
    const hash = results ? file.hash() : '';
    const fileKey = checks.map(({ check }) => check.fileKey?.(rel) ?? '').join('\0');
    const stored = reusableResult(previous, verdictKey, rel, hash, fileKey);
    if (!stored) scanned++;
    const result = { hash, fileKey, findings: stored?.findings ?? [] };
    for (const [i, { check, report }] of checks.entries()) {
      await check.everyFile?.(file, report);
      if (!check.file) continue;
      if (stored) {
        for (const [rule, named, message] of stored.findings) if (rule === i) report(named, message);
      } else {
        await check.file(file, (named, message) => {
          result.findings.push([i, named, message]);
          report(named, message);
        });
      }
    }
    next.files[rel] = result;
  }
  for (const { check, report } of checks) check.afterFiles?.(report);
  if (results) writeResultsManifest(results.file, next);
  return { findings: findings.list, scanned, reused: paths.length - scanned };
}
