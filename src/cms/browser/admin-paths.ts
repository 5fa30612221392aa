/**
 * The addresses the CMS page uses, under the path the site is served under (src/model/site-path.ts):
 * with MODUS_SITE_URL=https://host/any/path, the config is at /any/path/admin/config.yml and the local
 * decap-server is reached at /any/path/api/v1/ (the site's servers forward it to decap-server's /api/v1/).
 */
import { SITE_BASE, sitePath } from '../../model/site-path.ts';

/** The generated Decap configuration (src/integrations/decap.ts). */
export const ADMIN_CONFIG = sitePath('/admin/config.yml');

/** Decap's bundle, with its ~95 lazily loaded chunks beside it (found from the script's URL). */
export const ADMIN_BUNDLE = sitePath('/admin/decap-cms.js');

/**
 * Where decap-server answers: through the site's own server (npm start and npm run cms forward
 * <base>api/v1/ to it; with the trailing slash, as the site's servers want it). Same origin, so the admin
 * page's Content-Security-Policy needs no exception for it.
 */
export const PROXY_PATH = sitePath('/api/v1/');

/** The site's own address as the CMS links to it (its "view live" links): origin and base, no trailing slash. */
export function siteAddress(origin: string): string {
  return `${origin}${SITE_BASE.slice(0, -1)}`;
}
