/**
 * Headless Chromium from Debian (`/usr/bin/chromium`, or CHROMIUM_PATH) driven by playwright-core,
 * with the flags this closed network needs, a fresh profile per launch, and a record of every
 * request the pages make (to assert that nothing leaves the machine). Used by the benchmark's
 * first-search measurement (scripts/bench.mjs) and by the browser tests.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** The Chromium binary: $CHROMIUM_PATH, or Debian's `/usr/bin/chromium` (package chromium, installed by .ci/run). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
/** Chromium's flags here: headless as root, and no background connections (the network is closed). */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A browser session: context, every requested URL, console errors, and close(). */
export interface Session {
  context: BrowserContext;
  requests: string[];
  consoleErrors: string[];
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Launches Chromium with a fresh user-data dir (removed by close()). `timezoneId`, `viewport` and
 * `colorScheme` are passed through. Throws with the install command when Chromium is not at CHROMIUM_PATH.
 */
export async function launch(
  options: { timezoneId?: string; viewport?: { width: number; height: number }; colorScheme?: 'light' | 'dark' } = {},
): Promise<Session> {
  if (!fs.existsSync(CHROMIUM_PATH))
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: install it with "apt-get install -y chromium" (see .ci/run).`);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'modus-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_FLAGS,
    timezoneId: options.timezoneId,
    viewport: options.viewport ?? { width: 1280, height: 900 },
    colorScheme: options.colorScheme,
  });
  const requests: string[] = [];
  const consoleErrors: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  const watch = (p: Page) => {
    p.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    p.on('pageerror', (e) => consoleErrors.push(String(e)));
  };
  context.pages().forEach(watch);
  context.on('page', watch);
  return {
    context,
    requests,
    consoleErrors,
    newPage: () => context.newPage(),
    close: async () => {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Requests in `urls` that go anywhere but loopback (127.0.0.1, localhost, [::1]), data: or blob:. */
export function offMachine(urls: readonly string[]): string[] {
  return urls.filter((u) => {
    if (u.startsWith('data:') || u.startsWith('blob:') || u === 'about:blank') return false;
    try {
      const { hostname } = new URL(u);
      return !['127.0.0.1', 'localhost', '[::1]', '::1'].includes(hostname);
    } catch {
      return true;
    }
  });
}
