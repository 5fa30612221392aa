/**
 * Astro integration: the dist check (src/lib/dist-check.ts) at the very end of every build, after
 * the search index and the headers files are written. It reads the content folder itself
 * (src/lib/content-manifest.ts) to know what this audience's build must not contain, scans dist/,
 * and fails the build on any finding, so a leaking dist/ is never left looking like a good build.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { checkDist, formatFindings } from '../lib/dist-check.ts';
import { readContentManifest } from '../lib/content-manifest.ts';
import { allUiStrings } from '../i18n/ui.ts';
import type { Settings } from '../settings.ts';
import { audienceMaySee } from '../schema/tlp.ts';

/** The integration. Must be the last one in astro.config.mjs. */
export function distCheckIntegration(settings: Settings): AstroIntegration {
  return {
    name: 'modus-dist-check',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const distDir = fileURLToPath(dir);
        const manifest = readContentManifest(settings.contentDir);
        const findings = await checkDist({
          distDir,
          audience: settings.audience,
          admin: settings.admin,
          siteUrl: settings.siteUrl,
          manifest,
          commonTexts: allUiStrings(),
        });
        if (findings.length > 0) {
          throw new AstroError(
            formatFindings(findings),
            'Each line names a file of dist/ and what it holds that it must not. Fix the content or the code that put it there and build again; do not deploy this dist/.',
          );
        }
        const withheld = manifest.entries.filter((e) => !audienceMaySee(settings.audience, e.tlp)).length;
        logger.info(
          `dist check passed (audience ${settings.audience}, ${withheld} of ${manifest.entries.length} entries withheld): ` +
            'nothing withheld, no image metadata, no original copies, no other hosts, policies and markings in place',
        );
      },
    },
  };
}
