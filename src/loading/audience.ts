/**
 * Audience rules (TLP 2.0; docs/audiences-and-deployment.md): what one build may hold.
 * A static site cannot hide what it emits, so whatever is above the build's audience is dropped
 * before it is stored, and never reaches a page, an index, a feed or dist/.
 */
import { audienceMaySee, highestTlp, tlpLabel, tlpRank, type Audience, type Tlp } from '../model/tlp.ts';

/**
 * True when this audience may see an image of a notice it may see: an image carrying its own marking
 * above the audience is left out even when its notice is in.
 */
export function imageVisibleTo(audience: Audience, img: { tlp?: Tlp }): boolean {
  return !img.tlp || audienceMaySee(audience, img.tlp);
}

/** The images of a notice this audience may see (`imageVisibleTo`). */
export function visibleImages<I extends { tlp?: Tlp }>(images: readonly I[], audience: Audience): I[] {
  return images.filter((img) => imageVisibleTo(audience, img));
}

/**
 * The images this audience may see whose own marking is at most `marking` (an image without its own
 * marking counts as its notice's). Used wherever an image is shown away from its notice's page, under
 * the notice's (or a course's) marking: cards, search thumbnails, case cards, handouts. Such places never
 * show an image marked above the marking they display.
 */
export function imagesWithinMarking<I extends { tlp?: Tlp }>(images: readonly I[], marking: Tlp, audience: Audience): I[] {
  return visibleImages(images, audience).filter((img) => !img.tlp || tlpRank(img.tlp) <= tlpRank(marking));
}

/** The marking a notice page is handled under: the highest of the notice's and of the images it shows. */
export function pageMarking(noticeTlp: Tlp, shownImages: ReadonlyArray<{ tlp?: Tlp }>): Tlp {
  return highestTlp([noticeTlp, ...shownImages.flatMap((img) => (img.tlp ? [img.tlp] : []))]);
}

/** The marking an image is handled under: the more restrictive of its own and its notice's. */
export function imageMarking(noticeTlp: Tlp, imageTlp: Tlp | undefined): Tlp {
  return imageTlp ? highestTlp([noticeTlp, imageTlp]) : noticeTlp;
}

type ImageData = { src: unknown; tlp?: Tlp };
type EntryData = { tlp?: Tlp; images?: ImageData[] } & Record<string, unknown>;

/**
 * What the build for `audience` may store of one validated entry (a notice, or any entry with a
 * `tlp` and optional `images`):
 * - `null` when the entry's marking is above the audience (or RED): it is withheld whole;
 * - otherwise `parsed`, where every image above the audience gets back its plain path from `plain`
 *   (the same entry validated with images as plain strings) instead of an image reference. The
 *   content loader gives such an image no content id and never registers it for encoding
 *   (src/content.config.ts `fillImages`), so nothing of it reaches dist/; pages drop it with `visibleImages`.
 * `parsed` and `plain` are the same entry through the full and the plain schema; neither is changed.
 */
export function audienceView<T extends EntryData>(parsed: T, plain: EntryData, audience: Audience): T | null {
  if (!parsed.tlp || !audienceMaySee(audience, parsed.tlp)) return null;
  if (!Array.isArray(parsed.images)) return parsed;
  const images = parsed.images.map((img, i) => (imageVisibleTo(audience, img) ? img : { ...img, src: plain.images?.[i]?.src }));
  return { ...parsed, images };
}

/**
 * Checks that every entry of a collection is within the build's audience and returns `entries`
 * unchanged. The loader withholds whatever is above the audience (`audienceView`), so an entry above
 * it here is a bug that would publish withheld material: throws an Error naming the entry (`name(e)`,
 * e.g. its id and file), its marking and the audience, instead of silently dropping it.
 */
export function assertWithinAudience<E extends { data: { tlp: Tlp } }>(entries: E[], audience: Audience, name: (e: E) => string): E[] {
  for (const e of entries) {
    if (!audienceMaySee(audience, e.data.tlp)) {
      throw new Error(
        `${name(e)} is marked ${tlpLabel(e.data.tlp)}, above this build's audience "${audience}", yet reached the pages: ` +
          'the content loader should have withheld it (src/loading/loader/audience-filter.ts). Nothing was built; report this as a bug.',
      );
    }
  }
  return entries;
}
