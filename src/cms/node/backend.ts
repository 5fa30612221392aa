/**
 * The production git host of the CMS (GitLab, GitHub, Gitea…), given at build time with
 * `MODUS_CMS_BACKEND=<file.yml>`: a YAML file holding Decap's `backend` block (examples in
 * docs/cms-backend/). Without it the CMS works only with the local decap-server.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

/** Decap backends Modus documents; others are passed through but must still name a repo. */
export const KNOWN_BACKENDS = ['gitlab', 'github', 'gitea', 'forgejo', 'bitbucket', 'azure', 'git-gateway'] as const;

/**
 * Reads the backend block named by `env.MODUS_CMS_BACKEND` (path relative to `root`). Returns
 * undefined when the setting is empty. Throws a message naming the file and what to fix when the
 * file is missing, is not YAML, or lacks `name`/`repo`.
 */
export function readCmsBackend(
  env: Record<string, string | undefined> = process.env,
  root = process.cwd(),
): Record<string, unknown> | undefined {
  const setting = env.MODUS_CMS_BACKEND?.trim();
  if (!setting) return undefined;
  const file = path.resolve(root, setting);
  if (!fs.existsSync(file))
    throw new Error(`MODUS_CMS_BACKEND="${setting}": no such file. Point it at a YAML file with the CMS backend (see docs/cms-backend/).`);
  let data: unknown;
  try {
    data = parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    // The parser's first line says what and where (line, column); the lines after it quote the file.
    const reason = ((err as Error).message.split('\n')[0] ?? '').replace(/:$/, '');
    throw new Error(
      `MODUS_CMS_BACKEND file ${setting} is not valid YAML (${reason}). It must hold Decap's "backend:" block (examples in docs/cms-backend/).`,
      { cause: err },
    );
  }
  const block = (data && typeof data === 'object' && 'backend' in data ? data.backend : data) as Record<string, unknown> | null;
  if (!block || typeof block !== 'object' || Array.isArray(block)) {
    throw new Error(`MODUS_CMS_BACKEND file ${setting} must hold a "backend:" block with name, repo and branch.`);
  }
  if (typeof block.name !== 'string' || !block.name) {
    throw new Error(`MODUS_CMS_BACKEND file ${setting}: "name" is missing; use one of ${KNOWN_BACKENDS.join(', ')}.`);
  }
  if (block.name !== 'git-gateway' && (typeof block.repo !== 'string' || !block.repo.includes('/'))) {
    throw new Error(`MODUS_CMS_BACKEND file ${setting}: "repo" must name the repository as owner/name (e.g. "customs/modus").`);
  }
  return block;
}

/** Hosts each Decap backend talks to by default (when the block names no `api_root`). */
const DEFAULT_API: Record<string, string> = {
  github: 'https://api.github.com',
  gitlab: 'https://gitlab.com',
  bitbucket: 'https://api.bitbucket.org',
};

/**
 * The origins the CMS page must be allowed to reach for `backend` (its API, login and media hosts:
 * `base_url`, `api_root`, `auth_endpoint` when absolute, the backend's default API), for the admin
 * page's Content-Security-Policy `connect-src` (src/render/csp.ts). Empty without a production backend.
 */
export function cmsOrigins(backend: Record<string, unknown> | undefined): string[] {
  if (!backend) return [];
  const urls = [
    backend.base_url,
    backend.api_root,
    backend.auth_endpoint,
    backend.api_root === undefined ? DEFAULT_API[String(backend.name)] : undefined,
  ];
  const origins = new Set<string>();
  for (const u of urls) {
    if (typeof u !== 'string' || !URL.canParse(u)) continue;
    const { origin, protocol } = new URL(u);
    if (protocol === 'https:' || protocol === 'http:') origins.add(origin);
  }
  return [...origins];
}
