/**
 * Catches a notice shown without its TLP marking: each notice page this audience may see must exist,
 * show the banner of its marking (the highest of the notice's and of the images it shows), and be set
 * up to print that marking on every printed page; and the stylesheet must hold, for each marking in
 * use, the named page whose margins print it. A page that loses its marking gets forwarded beyond
 * the people it was meant for.
 */
import { audienceMaySee, highestTlp, tlpClass, tlpLabel } from '../../model/tlp.ts';
import type { DistCheckRule } from '../rule.ts';
import { describeEntry } from '../withheld.ts';

/** `label` as a regular expression source (TLP labels hold a `+`, as in TLP:AMBER+STRICT). */
const labelPattern = (label: string) => label.replace('+', '\\+');

/** Finds notice pages without their marking banner or print marking, missing notice pages, and a stylesheet that does not print a marking. */
export const markings: DistCheckRule = {
  reportedAs: 'marking',
  prepare({ audience, visible }) {
    const visibleNoticePages = new Map(visible.filter((e) => e.kind === 'notice').map((e) => [`notices/${e.slug}/index.html`, e]));
    const pagesSeen = new Set<string>();
    const cssTexts: string[] = [];
    return {
      file({ rel, text }, report) {
        if (text === undefined) return;
        if (rel.endsWith('.css')) cssTexts.push(text);
        const notice = visibleNoticePages.get(rel);
        if (!notice) return;
        pagesSeen.add(rel);
        // The page is handled under the highest marking it shows: its notice's, or an image's above it.
        const marking = highestTlp([notice.tlp, ...notice.images.filter((i) => audienceMaySee(audience, i.tlp)).map((i) => i.tlp)]);
        const cls = tlpClass(marking);
        const banner = new RegExp(`class="marking-banner marking-banner--${cls}"[^]*?${labelPattern(tlpLabel(marking))}<`);
        if (!banner.test(text)) report(rel, `has no ${tlpLabel(marking)} marking banner`);
        if (!text.includes(`print-page--${cls}`))
          report(rel, `is not set up to print ${tlpLabel(marking)} on every page (class print-page--${cls})`);
      },
      afterFiles(report) {
        for (const [rel, e] of visibleNoticePages) if (!pagesSeen.has(rel)) report(rel, `is missing: ${describeEntry(e)} has no page`);
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
