/**
 * Catches a notice shown without its TLP marking: each notice page this audience may see must exist,
 * show the banner of its marking (the highest of the notice's and of the images it shows), and be set
 * up to print that marking on every printed page; and the stylesheet must hold, for each marking in
 * use, the named page whose margins print it. A page that loses its marking gets forwarded beyond
 * the people it was meant for.
 */
import { audienceMaySee, highestTlp, tlpClass, tlpLabel } from '../../model/tlp.ts';
import type { ManifestEntry } from '../content-manifest.ts';
import type { DistCheckRule } from '../rule.ts';
import { describeEntry } from '../withheld.ts';

/** `label` as a regular expression source (TLP labels hold a `+`, as in TLP:AMBER+STRICT). */
const labelPattern = (label: string) => label.replace('+', '\\+');

/**
 * Finds notice pages without their marking banner or print marking, missing notice pages, and a
 * stylesheet that does not print a marking. A page's verdict is kept with its marking (its file key);
 * missing pages (by path) and the stylesheets (they may be split over several files) are checked on
 * every build.
 */
export const markings: DistCheckRule = {
  reportedAs: 'marking',
  prepare({ audience, visible }) {
    const visibleNoticePages = new Map(visible.filter((e) => e.kind === 'notice').map((e) => [`notices/${e.slug}/index.html`, e]));
    // The page is handled under the highest marking it shows: its notice's, or an image's above it.
    const markingOf = (notice: ManifestEntry) =>
      highestTlp([notice.tlp, ...notice.images.filter((i) => audienceMaySee(audience, i.tlp)).map((i) => i.tlp)]);
    const cssTexts: string[] = [];
    return {
      fileKey(rel) {
        const notice = visibleNoticePages.get(rel);
        return notice ? `${markingOf(notice)} ${describeEntry(notice)}` : '';
      },
      beforeFiles(paths, report) {
        const present = new Set(paths);
        for (const [rel, e] of visibleNoticePages) if (!present.has(rel)) report(rel, `is missing: ${describeEntry(e)} has no page`);
      },
      file({ rel, text }, report) {
        const notice = visibleNoticePages.get(rel);
        if (!notice) return;
        if (text === undefined) return report(rel, `is missing: ${describeEntry(notice)} has no page`);
        const marking = markingOf(notice);
        const cls = tlpClass(marking);
        const banner = new RegExp(`class="marking-banner marking-banner--${cls}"[^]*?${labelPattern(tlpLabel(marking))}<`);
        if (!banner.test(text)) report(rel, `has no ${tlpLabel(marking)} marking banner`);
        if (!text.includes(`print-page--${cls}`))
          report(rel, `is not set up to print ${tlpLabel(marking)} on every page (class print-page--${cls})`);
      },
      everyFile(file) {
        // `file.text` decodes the file: asked of stylesheets only (reading it off every file, e.g. by
        // destructuring, decoded every page of dist/ on every check, changed or not).
        if (file.rel.endsWith('.css') && file.text !== undefined) cssTexts.push(file.text);
      },
      afterFiles(report) {
        const css = cssTexts.join('\n');
        for (const tlp of new Set([...visibleNoticePages.values()].map((e) => e.tlp))) {
          const cls = tlpClass(tlp);
          const named = new RegExp(`\\.print-page--${cls}\\s*\\{[^}]*page:\\s*tlp-${cls}`);
          const box = new RegExp(`@page\\s+tlp-${cls}\\s*\\{[^]*?content:\\s*["']${labelPattern(tlpLabel(tlp))}["']`);
          if (!named.test(css) || !box.test(css)) {
            report(
              '_astro/*.css',
              `the stylesheet does not print ${tlpLabel(tlp)} on every printed page (@page tlp-${cls} with the marking in its page margins)`,
            );
          }
        }
      },
    };
  },
};
