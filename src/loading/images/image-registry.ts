/**
 * The images of the current build, by content id: filled by the notices' content loader (only images
 * this build's audience may see), read by the images integration (src/integrations/images.ts) to
 * encode and copy their variants after `astro build`, and to serve them under `astro dev`. Kept on
 * `globalThis` because the loader and the integration are loaded as separate module instances of the
 * same process.
 */
import type { SourceImage } from './image-cache.ts';

const KEY = Symbol.for('modus.image-registry');

/** The registry of this process: content id → source image. */
export function imageRegistry(): Map<string, SourceImage> {
  const g = globalThis as { [KEY]?: Map<string, SourceImage> };
  g[KEY] ??= new Map();
  return g[KEY];
}
