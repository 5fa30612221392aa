/**
 * The build settings of Modus (DESIGN.md, "Settings and commands"), read once from the environment.
 * One name each, everywhere: MODUS_CONTENT_DIR, MODUS_AUDIENCE, MODUS_ADMIN.
 */
import path from 'node:path';
import { AUDIENCES, type Audience } from './schema/tlp.ts';

/** Resolved settings. `contentDir` is an absolute path. */
export interface Settings {
  contentDir: string;
  audience: Audience;
  admin: boolean;
}

/**
 * Reads the settings from `env` (default `process.env`), resolving a relative content folder
 * against `root` (default the current directory). Throws with the allowed values on a bad setting.
 */
export function readSettings(env: Record<string, string | undefined> = process.env, root = process.cwd()): Settings {
  const contentDir = path.resolve(root, env.MODUS_CONTENT_DIR?.trim() || 'content');
  const audience = (env.MODUS_AUDIENCE?.trim() || 'public') as Audience;
  if (!(audience in AUDIENCES)) {
    throw new Error(`MODUS_AUDIENCE="${env.MODUS_AUDIENCE}" is not an audience. Allowed values: ${Object.keys(AUDIENCES).join(', ')}.`);
  }
  const adminRaw = env.MODUS_ADMIN?.trim() || 'on';
  if (adminRaw !== 'on' && adminRaw !== 'off') {
    throw new Error(`MODUS_ADMIN="${env.MODUS_ADMIN}" must be "on" or "off".`);
  }
  return { contentDir, audience, admin: adminRaw === 'on' };
}
