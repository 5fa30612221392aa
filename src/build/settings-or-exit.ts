/**
 * The settings of a command (`npm start`, `npm run build`, `npm run cms`, and `astro` itself through
 * astro.config.mjs), or its one-line refusal: a bad setting ends the process with exit code 1 and one
 * line naming the setting, its value and what is allowed, before anything is built or served (no stack
 * trace, no "Unable to load your Astro config", no half-started server).
 */
import fs from 'node:fs';
import path from 'node:path';
import { readSettings, type Settings } from '../settings.ts';

/**
 * Reads the settings from `env` (src/settings.ts `readSettings`, relative folders resolved against `root`)
 * and checks what only the file system can tell: the content folder (MODUS_CONTENT_DIR) exists, is a
 * folder and holds notices/. Throws an Error whose message names the setting, the value and what is allowed.
 */
export function checkedSettings(env: Record<string, string | undefined> = process.env, root = process.cwd()): Settings {
  const settings = readSettings(env, root);
  const { contentDir } = settings;
  const value = env.MODUS_CONTENT_DIR?.trim() || 'content';
  const allowed = 'Point it at a folder holding notices/ (and courses/), such as content.';
  const stat = fs.statSync(contentDir, { throwIfNoEntry: false });
  if (!stat) throw new Error(`MODUS_CONTENT_DIR="${value}": the content folder ${contentDir} does not exist. ${allowed}`);
  if (!stat.isDirectory()) throw new Error(`MODUS_CONTENT_DIR="${value}": ${contentDir} is a file, not a folder. ${allowed}`);
  if (!fs.statSync(path.join(contentDir, 'notices'), { throwIfNoEntry: false })?.isDirectory()) {
    throw new Error(`MODUS_CONTENT_DIR="${value}": the content folder ${contentDir} has no notices/ folder. ${allowed}`);
  }
  return settings;
}

/** The one line a refused setting prints: `Modus: a setting is wrong.` and the reason, its line breaks and runs of spaces made one space. */
export function settingErrorLine(err: unknown): string {
  const reason = (err instanceof Error ? err.message : String(err)).replace(/\s+/g, ' ').trim();
  return `Modus: a setting is wrong. ${reason}`;
}

/**
 * The checked settings (`checkedSettings`), or, when one is wrong, prints its one line (`settingErrorLine`)
 * on stderr and exits the process with code 1.
 */
export function settingsOrExit(env: Record<string, string | undefined> = process.env, root = process.cwd()): Settings {
  try {
    return checkedSettings(env, root);
  } catch (err) {
    console.error(settingErrorLine(err));
    process.exit(1);
  }
}
