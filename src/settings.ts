/**
 * The build settings of Modus (README.md, "Settings"), read once from the environment.
 * One name each, everywhere: MODUS_CONTENT_DIR, MODUS_AUDIENCE, MODUS_ADMIN, plus two deployment
 * settings documented in the README: MODUS_SITE_URL (the address this build is served at, optionally
 * under a path: Settings `siteUrl` and `base`),
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

/**
 * Resolved settings. `contentDir` is an absolute path; `siteUrl` the full address the build is served at,
 * with no trailing slash (`https://intranet.example/modus`); `base` its path, with a slash at both ends
 * (`/modus/`; `/` when the site is at the root of its host).
 */
export interface Settings {
  contentDir: string;
  audience: Audience;
  admin: boolean;
  siteUrl: string;
  /** The path the site is served under (Astro's `base`): `/` or `/any/path/`, with a slash at both ends. */
  base: string;
  imageMaxPixels: number;
  /** The CMS's production git host (Decap's `backend` block from the MODUS_CMS_BACKEND file), or undefined for local editing only. */
  cmsBackend: Record<string, unknown> | undefined;
  /** The publishing organisation, named as the creator of every STIX object the build exports. */
  publisher: string;
  /** MODUS_OFFLINE: whether readers may keep an offline copy (the offline page, its manifest and service worker; docs/offline.md). */
  offline: boolean;
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
  const { siteUrl, base } = readSiteUrl(env.MODUS_SITE_URL);
  const pixelsRaw = env.MODUS_IMAGE_MAX_PIXELS?.trim();
  // Digits only: Number() would also take "1e9", "0x10" or "1_000"-like spellings the message does not allow.
  const imageMaxPixels = pixelsRaw ? (/^\d+$/.test(pixelsRaw) ? Number(pixelsRaw) : NaN) : DEFAULT_IMAGE_MAX_PIXELS;
  if (!Number.isSafeInteger(imageMaxPixels) || imageMaxPixels < 1) {
    throw new Error(
      `MODUS_IMAGE_MAX_PIXELS="${pixelsRaw}" must be a whole number of pixels, such as ${DEFAULT_IMAGE_MAX_PIXELS} (50 megapixels).`,
    );
  }
  const publisher = readPublisher(env.MODUS_PUBLISHER);
  const cmsBackend = readCmsBackend(env, root);
  return {
    contentDir,
    audience,
    admin: adminRaw === 'on',
    siteUrl,
    base,
    imageMaxPixels,
    cmsBackend,
    publisher,
    offline: readOffline(env.MODUS_OFFLINE),
  };
}

/** One path segment of a site address: letters, digits and `-._~` (no percent-encoding, no characters a URL would escape). */
const SITE_PATH_SEGMENT = /^[A-Za-z0-9._~-]+$/;

/**
 * The site address from MODUS_SITE_URL (default DEFAULT_SITE_URL): an http(s) URL, with or without a
 * path (`https://host`, `https://host/any/path`, `https://host/any/path/`: the same site). Returns
 * `siteUrl` (scheme, host, port and path, no trailing slash) and `base` (the path, `/` or `/any/path/`).
 * Throws one line naming the setting, the value and what is allowed when it is not such a URL, has
 * a query, a fragment, user or password, an empty segment (`//`), a `.`/`..` segment or a segment with
 * characters other than letters, digits and `-._~`.
 */
export function readSiteUrl(raw: string | undefined): { siteUrl: string; base: string } {
  const value = raw?.trim() || DEFAULT_SITE_URL;
  const refuse = () =>
    new Error(
      `MODUS_SITE_URL="${value}" must be the http or https address the site is served at, optionally with a path ` +
        '(letters, digits and -._~ between single slashes; no query, fragment or user), such as https://intranet.example/modus/.',
    );
  let u: URL;
  try {
    u = new URL(value);
  } catch {
    throw refuse();
  }
  // The path as written (URL would resolve `..` and `%2e` away): everything after the host.
  const written = /^[a-z]+:\/\/[^/?#]*(.*)$/i.exec(value)?.[1] ?? '';
  if (!/^https?:$/.test(u.protocol) || u.search || u.hash || u.username || u.password || /[?#]/.test(written)) throw refuse();
  const segments = written.replace(/^\//, '').replace(/\/$/, '').split('/');
  if (segments.length === 1 && segments[0] === '') return { siteUrl: u.origin, base: '/' };
  if (segments.some((seg) => !SITE_PATH_SEGMENT.test(seg) || seg === '.' || seg === '..')) throw refuse();
  const base = `/${segments.join('/')}/`;
  return { siteUrl: `${u.origin}${base.slice(0, -1)}`, base };
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

/**
 * MODUS_OFFLINE (`on`, the default, or `off`): true when the build offers an offline copy (docs/offline.md).
 * Off, e.g. for a shared terminal, the build has no offline page nor manifest, and its service worker only
 * removes a copy saved earlier. Throws on any other value.
 */
function readOffline(raw: string | undefined): boolean {
  const value = raw?.trim() || 'on';
  if (value !== 'on' && value !== 'off') throw new Error(`MODUS_OFFLINE="${raw}" must be "on" or "off".`);
  return value === 'on';
}
