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
  /**
   * The manifest of results (results-manifest.ts): where it is kept (outside dist/), whether to ignore
   * it and scan every file (`full`), and the code's version (default: distCheckCodeVersion()). Without
   * it, every file is scanned and nothing is written.
   */
  results?: { file: string; full?: boolean; codeVersion?: string };
}

/** What a rule is given: the options, and the content entries split by what this audience may see. */
export interface RuleContext extends DistCheckOptions {
  visible: ManifestEntry[];
  withheld: ManifestEntry[];
}

/**
 * One check of one dist/, as a rule runs it; each moment is optional. A rule's verdict on one file
 * (`file`) is kept in the check's manifest of results (results-manifest.ts) and reused on the next
 * build while the file's bytes, `verdictKey` and `fileKey` are unchanged; what looks across files, or
 * only at paths and sizes, goes in `beforeFiles`, `everyFile` and `afterFiles`, which run on every
 * build over the whole of dist/.
 */
export interface RuleCheck {
  /** Before any file is read, with the paths of every file of dist/ (sorted). Every build. */
  beforeFiles?(paths: readonly string[], report: Report): void;
  /**
   * For each file of dist/, in path order, on every build, whether the file changed or not (findings
   * are not kept): for what depends on other files or on no more than the file's path, size or hash.
   */
  everyFile?(file: DistFile, report: Report): void | Promise<void>;
  /**
   * For each file of dist/, in path order, after the rules before it in the runner's list: the verdict
   * on this one file, which must depend on nothing but its path, its bytes, `verdictKey`,
   * `fileKey(rel)` and the code. Skipped for a file whose findings are reused from the manifest.
   */
  file?(file: DistFile, report: Report): void | Promise<void>;
  /**
   * Everything `file` looks for that comes from the content or the settings (e.g. the withheld ids and
   * sentences), as a string: when it changes, every file is scanned again. Absent: nothing.
   */
  verdictKey?: string;
  /** What `file` looks for in the file at `rel` only (e.g. the marking of the notice whose page it is); '' for nothing. */
  fileKey?(rel: string): string;
  /** After the last file. Every build. */
  afterFiles?(report: Report): void;
}

/** A rule of the dist check: the rule its findings are reported under, and how it prepares one check. */
export interface DistCheckRule {
  reportedAs: DistRule;
  /** Works out what to look for in this build (from the content and the audience); may throw on unreadable content. */
  prepare(context: RuleContext): RuleCheck | Promise<RuleCheck>;
}
