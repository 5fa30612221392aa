/**
 * The contract between the dist check's runner (check-dist.ts) and its rules (rules/*.ts): what a rule
 * is given, and the three moments it may report findings at.
 */
import type { Audience } from '../model/tlp.ts';
import type { ContentManifest, ManifestEntry } from './content-manifest.ts';
import type { DistFile } from './dist-file.ts';
import type { DistRule, Report } from './findings.ts';

/** What the check needs: dist/, the build's settings, the content as read from the files. */
export interface DistCheckOptions {
  distDir: string;
  audience: Audience;
  admin: boolean;
  /** Origin the site is served at (MODUS_SITE_URL); absolute URLs to it are not another host. */
  siteUrl: string;
  manifest: ContentManifest;
  /** Texts the site itself shows (e.g. marking definitions): their phrases are never distinctive. */
  commonTexts?: readonly string[];
}

/** What a rule is given: the options, and the content entries split by what this audience may see. */
export interface RuleContext extends DistCheckOptions {
  visible: ManifestEntry[];
  withheld: ManifestEntry[];
}

/** One check of one dist/, as a rule runs it; each moment is optional. */
export interface RuleCheck {
  /** Before any file is read, with the paths of every file of dist/ (sorted). */
  beforeFiles?(paths: readonly string[], report: Report): void;
  /** For each file of dist/, in path order, after the rules before it in the runner's list. */
  file?(file: DistFile, report: Report): void | Promise<void>;
  /** After the last file. */
  afterFiles?(report: Report): void;
}

/** A rule of the dist check: the rule its findings are reported under, and how it prepares one check. */
export interface DistCheckRule {
  reportedAs: DistRule;
  /** Works out what to look for in this build (from the content and the audience); may throw on unreadable content. */
  prepare(context: RuleContext): RuleCheck | Promise<RuleCheck>;
}
