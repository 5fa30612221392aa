/**
 * Reading a printed PDF in tests with poppler's command-line tools (pdftotext, pdfinfo; Debian
 * package poppler-utils, installed by .ci/run). A missing tool fails with how to install it.
 */
import { execFileSync } from 'node:child_process';

const INSTALL = 'install it with "apt-get install -y poppler-utils" (see .ci/run)';

/** Runs a poppler tool and returns its stdout; throws with the install command when the tool is missing. */
function poppler(tool: 'pdftotext' | 'pdfinfo', args: string[]): string {
  try {
    return execFileSync(tool, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT')
      throw new Error(`${tool} is required to read printed PDFs: ${INSTALL}.`, { cause: err });
    throw err;
  }
}

/**
 * Checks pdftotext and pdfinfo are installed, so a suite can fail in its setup (before long builds)
 * rather than at its first PDF. Throws with the install command.
 */
export function requirePdfTools(): void {
  for (const tool of ['pdftotext', 'pdfinfo'] as const) poppler(tool, ['-v']);
}

/**
 * Text of each page of the PDF at `file` (`pdftotext -layout`; pages split on the form feed that
 * ends each page). A blank page is kept as an empty string, so callers can see and count it.
 */
export function pdfPages(file: string): string[] {
  const text = poppler('pdftotext', ['-layout', file, '-']);
  return text.split('\f').filter((p, i, all) => i < all.length - 1 || p.trim() !== '');
}

/** Number of pages of the PDF at `file`, as pdfinfo reports it. */
export function pdfPageCount(file: string): number {
  const info = poppler('pdfinfo', [file]);
  const m = /^Pages:\s+(\d+)/m.exec(info);
  if (!m) throw new Error(`pdfinfo printed no page count for ${file}:\n${info}`);
  return Number(m[1]);
}
