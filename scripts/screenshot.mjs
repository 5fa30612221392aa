// Saves PNG screenshots of pages of a running site, for looking at them (not a test).
// Usage: npm run screenshot -- http://127.0.0.1:4321/ out.png [--width 390] [--print] [--full]
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './lib/chromium.ts';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    width: { type: 'string', default: '1280' },
    print: { type: 'boolean', default: false },
    full: { type: 'boolean', default: false },
    dark: { type: 'boolean', default: false },
  },
});
const [url, out = 'screenshot.png'] = positionals;
if (!url) {
  console.error('Usage: npm run screenshot -- <url> [out.png] [--width 390] [--print] [--full] [--dark]');
  process.exit(2);
}
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
const page = await browser.newPage({ viewport: { width: Number(values.width), height: 900 }, colorScheme: values.dark ? 'dark' : 'light' });
if (values.print) await page.emulateMedia({ media: 'print' });
await page.goto(url, { waitUntil: 'networkidle' });
// Load lazy images too, so a full-page screenshot shows them.
await page.$$eval('img[loading="lazy"]', (images) =>
  images.forEach((img) => {
    img.loading = 'eager';
  }),
);
await page.waitForLoadState('networkidle');
await page.waitForTimeout(300);
await page.screenshot({ path: out, fullPage: values.full });
await browser.close();
console.log(`saved ${out}`);
