/**
 * Astro integration: hands the build's settings, read once by astro.config.mjs, to the code Astro
 * builds (the content config, the knowledge base) as the Vite virtual module `virtual:modus/settings`,
 * whose default export is the resolved `Settings` (type declared in src/env.d.ts). So no module of
 * the site reads the environment itself, and every part of one build sees the same settings. The base
 * path (Settings `base`) is also a constant of every module, `__MODUS_SITE_BASE__` (src/model/site-path.ts).
 */
import type { AstroIntegration } from 'astro';
import type { Settings } from '../settings.ts';

/** The id pages and the content config import the settings from. */
export const SETTINGS_MODULE = 'virtual:modus/settings';
/** The constant src/model/site-path.ts reads the site's base path from (Settings `base`). */
export const SITE_BASE_CONSTANT = '__MODUS_SITE_BASE__';
/** Vite's id of the resolved virtual module (the `\0` prefix keeps other plugins away from it). */
const RESOLVED_ID = `\0${SETTINGS_MODULE}`;

/** The source of the virtual module for `settings`: one default export, plain JSON. */
export function settingsModuleSource(settings: Settings): string {
  return `export default ${JSON.stringify(settings)};\n`;
}

/** The integration: adds the Vite plugin that serves `virtual:modus/settings` from `settings`. */
export function settingsIntegration(settings: Settings): AstroIntegration {
  return {
    name: 'modus-settings',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          vite: {
            // The site's base path, as a constant in every module Vite builds (src/model/site-path.ts).
            define: { [SITE_BASE_CONSTANT]: JSON.stringify(settings.base) },
            plugins: [
              {
                name: 'modus-settings',
                resolveId: (id) => (id === SETTINGS_MODULE ? RESOLVED_ID : undefined),
                load: (id) => (id === RESOLVED_ID ? settingsModuleSource(settings) : undefined),
              },
            ],
          },
        });
      },
    },
  };
}
