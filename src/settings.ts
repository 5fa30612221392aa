/**
 * The build settings of Modus (README.md, "Settings"), read once from the environment.
 * One name each, everywhere: MODUS_CONTENT_DIR, MODUS_AUDIENCE, MODUS_ADMIN, plus two deployment
 * settings documented in the README: MODUS_SITE_URL (the address this build is served at),
 * MODUS_IMAGE_MAX_PIXELS (the largest image the build will decode), MODUS_CMS_BACKEND (the
 * CMS's production git host, src/cms/node/backend.ts) and MODUS_PUBLISHER (the organisation named as
 * the creator of the STIX exports).
 */
import path from 'node:path';
import { AUDIENCES, type Audience } from './model/tlp.ts';
import { readCmsBackend } from './cms/node/backend.ts';

/** Default largest image, in pixels (width × height): 50 megapixels, above an 8000×6000 photo. */
export const DEFAULT_IMAGE_MAX_PIXELS = 50_000_000;

/** Default site address: the local preview server of `npm start`. */
export const DEFAULT_SITE_URL = 'http://localhost:4321';

/** Default publishing organisation: the name STIX exports give their creator when MODUS_PUBLISHER is not set. */
export const DEFAULT_PUBLISHER = 'Modus knowledge base';

/** Longest publisher name accepted, in characters. */
export const PUBLISHER_MAX = 200;

/** Resolved settings. `contentDir` is an absolute path; `siteUrl` an origin-only URL with no trailing slash. */
export interface Settings {
  contentDir: string;
  audience: Audience;
  admin: boolean;
  siteUrl: string;
  imageMaxPixels: number;
  /** The CMS's production git host (Decap's `backend` block from the MODUS_CMS_BACKEND file), or undefined for local editing only. */
  cmsBackend: Record<string, unknown> | undefined;
  /** The publishing organisation, named as the creator of every STIX object the build exports. */
  publisher: string;
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
  const publisher = readPublisher(env.MODUS_PUBLISHER);
  const cmsBackend = readCmsBackend(env, root);
  return { contentDir, audience, admin: adminRaw === 'on', siteUrl, imageMaxPixels, cmsBackend, publisher };
}

/**
 * The publisher's name from MODUS_PUBLISHER: the default when unset; trimmed, with runs of spaces made one.
 * Throws when it is set but empty, longer than PUBLISHER_MAX characters or holds a line break or another
 * control character (it becomes the name of a STIX identity, one line).
 */
function readPublisher(raw: string | undefined): string {
  if (raw === undefined) return DEFAULT_PUBLISHER;
  const name = raw.trim().replace(/ {2,}/g, ' ');
  const example = `such as "Customs Intelligence Unit" (or leave it unset for "${DEFAULT_PUBLISHER}")`;
  if (!name) throw new Error(`MODUS_PUBLISHER is empty: give the name of the organisation that publishes this knowledge base, ${example}.`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(name)) {
    throw new Error(
      `MODUS_PUBLISHER="${JSON.stringify(name).slice(1, -1)}" holds a line break or a control character: give the organisation's name on one line, ${example}.`,
    );
  }
  if (name.length > PUBLISHER_MAX) {
    throw new Error(
      `MODUS_PUBLISHER is ${name.length} characters long: keep the organisation's name to ${PUBLISHER_MAX} or fewer, ${example}.`,
    );
  }
  return name;
}
