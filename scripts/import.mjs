// Imports notices from a Modus JSON document or index, a STIX 2.1 bundle or a notices CSV into the
// content folder, as notice folders in the exact form the CMS writes (docs/exchange/import.md). All or
// nothing: any problem in the file and nothing is written. Notices lacking what publishing needs
// (images, from STIX or CSV) are written as drafts, to finish in the CMS.
// Usage: npm run import -- <file> [--content <folder>] [--dry-run]   (content: MODUS_CONTENT_DIR or content)
// Exit code 0 when written (or checked, with --dry-run), 1 on a problem in the file, 2 on a wrong command.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { importLines, runImport } from '../src/exchange/import/run-import.ts';
import { FORMAT_NAMES } from '../src/exchange/import/readers.ts';
import { DEFAULT_IMAGE_MAX_PIXELS } from '../src/settings.ts';

const USAGE = 'Usage: npm run import -- <file> [--content <folder>] [--dry-run]';

let args;
try {
  args = parseArgs({
    allowPositionals: true,
    options: { content: { type: 'string' }, 'dry-run': { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
  });
} catch (err) {
  console.error(`${err.message}\n${USAGE}`);
  process.exit(2);
}
const { values, positionals } = args;
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (positionals.length !== 1) {
  console.error(`${positionals.length === 0 ? 'Give the file to import.' : 'Give one file to import.'}\n${USAGE}`);
  process.exit(2);
}
// The content folder must exist and be a folder: a mistyped --content would otherwise receive the notices unnoticed.
const contentDir = path.resolve(values.content ?? (process.env.MODUS_CONTENT_DIR?.trim() || 'content'));
if (!fs.existsSync(contentDir) || !fs.statSync(contentDir).isDirectory()) {
  console.error(
    `${contentDir}: ${fs.existsSync(contentDir) ? 'is a file, not' : 'no such folder; expected'} a content folder (the folder holding notices/). Check --content or MODUS_CONTENT_DIR, or create the folder first.`,
  );
  process.exit(1);
}
const maxPixels = Number(process.env.MODUS_IMAGE_MAX_PIXELS?.trim() || DEFAULT_IMAGE_MAX_PIXELS);
const request = {
  file: positionals[0],
  contentDir,
  dryRun: values['dry-run'],
  imageMaxPixels: Number.isFinite(maxPixels) && maxPixels > 0 ? maxPixels : DEFAULT_IMAGE_MAX_PIXELS,
};

/** A progress bar on a terminal; elsewhere (a log, a pipe) a plain line at every tenth. */
function progressFor(bytes, format) {
  const label = `Reading ${FORMAT_NAMES[format]}`;
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      { format: `${label} [{bar}] {percentage}% ({value}/{total})`, stream: process.stderr, hideCursor: true },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      progress: (done, total) => {
        if (!started) bar.start(total, 0);
        started = true;
        bar.update(done);
      },
      done: () => started && bar.stop(),
    };
  }
  let shown = -1;
  console.error(`${label} (${(bytes / 1024 / 1024).toFixed(1)} MiB)…`);
  return {
    progress: (done, total) => {
      const tenth = total > 0 ? Math.floor((done / total) * 10) : 10;
      if (tenth > shown) {
        shown = tenth;
        console.error(`${label}: ${tenth * 10}%`);
      }
    },
    done: () => {},
  };
}

try {
  const outcome = await runImport(request, undefined, progressFor);
  const { ok, lines } = importLines(outcome, request);
  for (const line of lines) (ok ? console.log : console.error)(line);
  process.exitCode = ok ? 0 : 1;
} catch (err) {
  // A failure of the file system (full disk, no permission): what was written in this run was removed.
  console.error(`${request.file}: ${err instanceof Error ? err.message : String(err)}\nNothing was written.`);
  process.exitCode = 1;
}
