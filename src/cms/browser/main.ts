/**
 * The admin page's script (bundled by Astro into /admin/): loads the self-hosted Decap bundle from
 * /admin/decap-cms.js (under the site's base: admin-paths.ts), registers what Modus adds (the site's CSS and a notice-page preview, the
 * next-free-id widget, the Call-out editor component, the translation editor), keeps translation files
 * out of the originals' lists, finds the local decap-server, then starts Decap with /admin/config.yml
 * (generated from src/model at build time) in the interface language the editor chose (`?lang=fr`).
 */
import type { DecapCms } from './decap.d.ts';
// `?inline`, not `?raw`: site.css @imports its parts, and Vite inlines them only when it processes the CSS.
import siteCss from '../../render/styles/site.css?inline';
import { NoticePreview } from './preview.ts';
import { NoticeIdControl, NoticeIdPreview } from './id-widget.ts';
import { calloutEditorComponent } from './callout-component.ts';
import { NOTICE_ID_WIDGET, NOTICES_COLLECTION } from '../node/widgets.ts';
import { registerTranslationEditor } from './translation-editor.ts';
import { hideTranslationsFromOriginals } from './backend-filter.ts';
import { chooseInterfaceLanguage, decapLocale, LANGUAGE_KEY } from './interface-language.ts';
import { ADMIN_BUNDLE, PROXY_PATH, siteAddress } from './admin-paths.ts';

const LOOPBACK = ['localhost', '127.0.0.1', '[::1]'];

function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const s = document.createElement('script');
    s.src = src;
    s.onload = () => resolve();
    s.onerror = () => reject(new Error(`Could not load ${src}: was the site built with MODUS_ADMIN=on?`));
    document.body.append(s);
  });
}

/**
 * The address of the local decap-server when the page is served from this machine and the site's
 * server forwards to it; undefined otherwise (then Decap uses the production backend).
 */
async function findLocalBackend(): Promise<string | undefined> {
  if (!LOOPBACK.includes(location.hostname)) return undefined;
  const url = `${location.origin}${PROXY_PATH}`;
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ action: 'info' }),
    });
    if (!res.ok) return undefined;
    const body = (await res.json()) as { repo?: unknown; type?: unknown };
    return typeof body.repo === 'string' && typeof body.type === 'string' ? url : undefined;
  } catch {
    return undefined;
  }
}

function warn(message: string): void {
  const p = document.createElement('p');
  p.setAttribute('role', 'alert');
  p.className = 'modus-admin-warning';
  p.textContent = message;
  p.style.cssText =
    'position:fixed;z-index:1000;inset:auto 1rem 1rem 1rem;margin:0;padding:0.8rem 1rem;background:#fff4d6;border:2px solid #a06800;border-radius:6px;font:16px system-ui,sans-serif;color:#1b1b1f';
  document.body.append(p);
}

/** The interface language the editor chose (`?lang=fr` once, kept in this browser), English by default. */
function interfaceLanguage() {
  let saved: string | null = null;
  try {
    saved = localStorage.getItem(LANGUAGE_KEY);
  } catch {
    /* storage refused (private mode): the query string alone decides */
  }
  const { language, save } = chooseInterfaceLanguage(location.search, saved);
  try {
    if (save) localStorage.setItem(LANGUAGE_KEY, language);
  } catch {
    /* not kept: the next visit is in English again */
  }
  return language;
}

async function start(): Promise<void> {
  window.CMS_MANUAL_INIT = true;
  const [localBackend] = await Promise.all([findLocalBackend(), loadScript(ADMIN_BUNDLE)]);
  const CMS = window.CMS as DecapCms;
  CMS.registerPreviewStyle(siteCss, { raw: true });
  // Room for the buttons Decap lays over the top right of the preview.
  CMS.registerPreviewStyle('main { padding-inline-end: 3.5rem; }', { raw: true });
  CMS.registerPreviewTemplate(NOTICES_COLLECTION, NoticePreview());
  CMS.registerWidget(NOTICE_ID_WIDGET, NoticeIdControl(), NoticeIdPreview());
  CMS.registerEditorComponent(calloutEditorComponent());
  registerTranslationEditor(CMS);
  hideTranslationsFromOriginals(CMS);
  const locale = decapLocale(interfaceLanguage());
  document.documentElement.lang = locale;
  if (LOOPBACK.includes(location.hostname) && !localBackend) {
    warn(
      'The local editing server (decap-server) is not answering. Start the site with "npm start" or "npm run cms", then reload this page.',
    );
  }
  CMS.init({
    config: {
      // Without a local server, Decap must not probe localhost:8081 itself (the page's policy blocks it).
      local_backend: localBackend ? { url: localBackend } : false,
      site_url: siteAddress(location.origin),
      display_url: siteAddress(location.origin),
      locale,
    },
  });
}

start().catch((err: unknown) => {
  console.error(err);
  warn(`The editor could not start: ${(err as Error).message}`);
});
