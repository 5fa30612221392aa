/** Audience rules applied while rendering (TLP 2.0; DESIGN.md, "Audiences and markings"). */
import { audienceMaySee, type Audience, type Tlp } from '../schema/tlp.ts';

/**
 * The images of a notice this audience may see: an image carrying its own marking above the
 * audience is left out even when its notice is in.
 */
export function visibleImages<I extends { tlp?: Tlp }>(images: readonly I[], audience: Audience): I[] {
  return images.filter((img) => !img.tlp || audienceMaySee(audience, img.tlp));
}
