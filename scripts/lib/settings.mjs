/**
 * The settings of a command (`npm start`, `npm run cms`, `npm run build`), read once from the
 * environment by src/settings.ts. A bad setting ends the command with its one-line explanation and
 * exit code 1, before anything is built or served: no stack trace, no half-started server.
 */
import fs from 'node:fs';
import { readSettings } from '../../src/settings.ts';

/**
 * Returns the resolved settings (src/settings.ts `Settings`), or prints what is wrong and exits 1:
 * a value `readSettings` refuses, or a content folder (MODUS_CONTENT_DIR) that does not exist.
 * @returns {import('../../src/settings.ts').Settings}
 */
export function settingsOrExit() {
  try {
    const settings = readSettings();
    if (!fs.existsSync(settings.contentDir) || !fs.statSync(settings.contentDir).isDirectory()) {
      throw new Error(
        `MODUS_CONTENT_DIR: the content folder ${settings.contentDir} does not exist. Point it at a folder holding notices/ (and courses/), such as content.`,
      );
    }
    return settings;
  } catch (err) {
    console.error(`Modus: a setting is wrong. ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
}
