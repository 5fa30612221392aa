/**
 * The text of `<base>sw.js` (docs/offline.md): with the offline copy on, the worker of
 * src/offline/sw-template.js with its settings (the offline pages' addresses relative to the base, the
 * banner's words in every language); off, src/offline/sw-off.js, which removes a copy kept earlier.
 * The same text on every build of the same code and base: it names no build, so browsers do not install
 * a new worker on each publication.
 */
import fs from 'node:fs';
import { DEFAULT_LANGUAGE, LANGUAGE_CODES, directionOf } from '../model/languages.ts';
import { OFFLINE_BUILD, OFFLINE_STATE, offlineUrl } from '../knowledge/urls.ts';
import { t } from '../render/i18n/ui.ts';

/** Milliseconds a page waits for the network before a saved copy is shown instead. */
export const PAGE_TIMEOUT_MS = 3000;

const readSource = (name: string) => fs.readFileSync(new URL(`./${name}`, import.meta.url), 'utf8');

/** The service worker of a site served at `base` (`/`, `/any/path/`), `enabled` or removing itself. */
export function serviceWorkerSource(enabled: boolean, base: string): string {
  if (!enabled) return readSource('sw-off.js');
  const rel = (url: string) => (url.startsWith(base) ? url.slice(base.length) : url.replace(/^\/+/, ''));
  const config = {
    defaultLanguage: DEFAULT_LANGUAGE,
    rtl: LANGUAGE_CODES.filter((l) => directionOf(l) === 'rtl'),
    offlinePages: Object.fromEntries(LANGUAGE_CODES.map((l) => [l, rel(offlineUrl(l))])),
    buildPath: rel(OFFLINE_BUILD),
    stateKey: rel(OFFLINE_STATE),
    timeoutMs: PAGE_TIMEOUT_MS,
    phrases: Object.fromEntries(
      LANGUAGE_CODES.map((l) => [
        l,
        { copy: t('offline.banner.copy', {}, l), newer: t('offline.banner.newer', {}, l), link: t('offline.banner.link', {}, l) },
      ]),
    ),
  };
  const source = readSource('sw-template.js');
  const marker = '/* MODUS_CONFIG */ null';
  if (!source.includes(marker)) throw new Error('src/offline/sw-template.js lost its CONFIG marker');
  return source.replace(marker, JSON.stringify(config));
}
