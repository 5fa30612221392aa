/**
 * The build settings of Modus (README.md, "Settings"), read once from the environment.
 * One name each, everywhere: MODUS_CONTENT_DIR, MODUS_AUDIENCE, MODUS_ADMIN, plus two deployment
 * settings documented in the README: MODUS_SITE_URL (the address this build is served at),
 * MODUS_IMAGE_MAX_PIXELS (the largest image the build will decode) and MODUS_CMS_BACKEND (the
 * CMS's production git host, src/cms/node/backend.ts).
 */
import path from 'node:path';
import { AUDIENCES, type Audience } from './model/tlp.ts';
import { readCmsBackend } from './cms/node/backend.ts';

/** Default largest image, in pixels (width × height): 50 megapixels, above an 8000×6000 photo. */
export const DEFAULT_IMAGE_MAX_PIXELS = 50_000_000;

/** Default site address: the local preview server of `npm start`. */
export const DEFAULT_SITE_URL = 'http://localhost:4321';

/** Resolved settings. `contentDir` is an absolute path; `siteUrl` an origin-only URL with no trailing slash. */
export interface Settings {
  contentDir: string;
  audience: Audience;
  admin: boolean;
  siteUrl: string;
  imageMaxPixels: number;
  /** The CMS's production git host (Decap's `backend` block from the MODUS_CMS_BACKEND file), or undefined for local editing only. */
  cmsBackend: Record<string, unknown> | undefined;
}

/**
 * Reads the settings from `env` (default `process.env`), resolving a relative content folder
 * against `root` (default the current directory). Throws with the allowed values on a bad setting.
 */
export function readSettings(env: Record<string, string | undefined> = process.env, root = process.cwd()): Settings {
  const contentDir = path.resolve(root, env.MODUS_CONTENT_DIR?.trim() || 'content');
  const audience = (env.MODUS_AUDIENCE?.trim() || 'public') as Audience;
  if (!Object.hasOwn(AUDIENCES, audience)) {
    throw new Error(`MODUS_AUDIENCE="${env.MODUS_AUDIENCE}" is not an audience. Allowed values: ${Object.keys(AUDIENCES).join(', ')}.`);
  }
  const adminRaw = env.MODUS_ADMIN?.trim() || 'on';
  if (adminRaw !== 'on' && adminRaw !== 'off') {
    throw new Error(`MODUS_ADMIN="${env.MODUS_ADMIN}" must be "on" or "off".`);
  }
  const siteRaw = env.MODUS_SITE_URL?.trim() || DEFAULT_SITE_URL;
  let siteUrl: string;
  try {
    const u = new URL(siteRaw);
    if (!/^https?:$/.test(u.protocol) || u.pathname !== '/' || u.search || u.hash) throw new Error('not an origin');
    siteUrl = u.origin;
  } catch {
    throw new Error(
      `MODUS_SITE_URL="${siteRaw}" must be the address the site is served at, such as https://modus.example.org (scheme and host, no path).`,
    );
  }
  const pixelsRaw = env.MODUS_IMAGE_MAX_PIXELS?.trim();
  const imageMaxPixels = pixelsRaw ? Number(pixelsRaw) : DEFAULT_IMAGE_MAX_PIXELS;
  if (!Number.isSafeInteger(imageMaxPixels) || imageMaxPixels < 1) {
    throw new Error(
      `MODUS_IMAGE_MAX_PIXELS="${pixelsRaw}" must be a whole number of pixels, such as ${DEFAULT_IMAGE_MAX_PIXELS} (50 megapixels).`,
    );
  }
  const cmsBackend = readCmsBackend(env, root);
  return { contentDir, audience, admin: adminRaw === 'on', siteUrl, imageMaxPixels, cmsBackend };
}
