/**
 * Where the CMS reads and writes: decap-server serves one folder (a git repository in git mode) and
 * the CMS config names the notices folder relative to it. Both the config generator and the start
 * scripts use these functions, so they always agree.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

/** The folder decap-server serves, and the CMS folders relative to it (always with `/`). */
export interface CmsPaths {
  /** Absolute folder given to decap-server as GIT_REPO_DIRECTORY. */
  root: string;
  /** The notices folder relative to `root`, e.g. `content/notices`. */
  noticesFolder: string;
  /** The courses folder relative to `root`, e.g. `content/courses`. */
  coursesFolder: string;
  /** Folder for uploads made outside a notice, relative to `root` (unused by the site). */
  mediaFolder: string;
  /** The git branch checked out in `root` (for git mode), or undefined outside git. */
  branch?: string;
}

function git(cwd: string, args: string[]): string | undefined {
  try {
    return execFileSync('git', args, { cwd, stdio: ['ignore', 'pipe', 'ignore'], encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Paths for the content folder `contentDir` (absolute): the root is the git repository holding it
 * (so the same folder names work locally and on a production git host), or, outside git, the
 * content folder itself (decap-server answers for every file under its root: never more than the content).
 */
export function cmsPaths(contentDir: string): CmsPaths {
  const top = git(contentDir, ['rev-parse', '--show-toplevel']);
  const root = top ?? contentDir;
  const rel = (p: string) => path.relative(root, p).split(path.sep).join('/');
  // symbolic-ref works before the first commit too; it fails (undefined) on a detached HEAD.
  const branch = top ? git(top, ['symbolic-ref', '--short', 'HEAD']) : undefined;
  return {
    root,
    noticesFolder: rel(path.join(contentDir, 'notices')),
    coursesFolder: rel(path.join(contentDir, 'courses')),
    mediaFolder: rel(path.join(contentDir, 'media')),
    branch,
  };
}
