/**
 * Global setup of the `site` project: checks that Chromium and exiftool are installed (the tests
 * need them; .ci/run installs them) so a missing tool fails loudly instead of skipping tests.
 */
import { execFileSync } from 'node:child_process';
import { CHROMIUM_PATH } from './chromium.ts';
import { requireExiftool } from './fixtures.ts';

export default function setup(): void {
  try {
    execFileSync(CHROMIUM_PATH, ['--version'], { stdio: 'ignore' });
  } catch {
    throw new Error(`Chromium is required by the site tests: install it with "apt-get install -y chromium" (or set CHROMIUM_PATH).`);
  }
  requireExiftool();
}
