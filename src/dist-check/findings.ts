/**
 * What the dist check reports: one finding per leak or breach, naming the dist/ file, the rule it
 * breaks and what was found; each reported once; and the report the build prints when there are any.
 */

/** The rule a finding breaks, as the report names it (several rule modules may report under one). */
export type DistRule = 'withheld' | 'image-metadata' | 'original-copy' | 'other-host' | 'csp' | 'marking' | 'admin';

/** One finding: the dist/ file (relative path), the rule broken, and what was found. */
export interface DistFinding {
  file: string;
  rule: DistRule;
  message: string;
}

/** Reports one finding of a rule: the dist/ file (relative path, or a pattern such as `_astro/*.css`) and what it holds. */
export type Report = (file: string, message: string) => void;

/** The findings of one check, in the order found; the same file, rule and message twice is one finding. */
export class Findings {
  readonly list: DistFinding[] = [];
  readonly #seen = new Set<string>();

  /** A `Report` that adds findings under `rule`. */
  reporter(rule: DistRule): Report {
    return (file, message) => {
      const key = `${file}\0${rule}\0${message}`;
      if (this.#seen.has(key)) return;
      this.#seen.add(key);
      this.list.push({ file, rule, message });
    };
  }
}

/** One readable report of findings, grouped by rule, at most `limit` lines per rule. */
export function formatFindings(findings: readonly DistFinding[], limit = 25): string {
  const byRule = new Map<DistRule, DistFinding[]>();
  for (const f of findings) byRule.set(f.rule, [...(byRule.get(f.rule) ?? []), f]);
  const lines = [`The dist check found ${findings.length} problem${findings.length === 1 ? '' : 's'}; this build must not be deployed:`];
  for (const [rule, list] of byRule) {
    lines.push(`  ${rule} (${list.length}):`);
    for (const f of list.slice(0, limit)) lines.push(`    dist/${f.file} ${f.message}`);
    if (list.length > limit) lines.push(`    … and ${list.length - limit} more`);
  }
  return lines.join('\n');
}
