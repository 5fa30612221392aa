/**
 * Settings are read once (astro.config.mjs) and handed down: the `modus-settings` integration serves
 * them to the content config and the pages as `virtual:modus/settings`. Guards against a second read
 * of the environment in a layer module, which could give one part of a build other settings (another
 * audience) than the rest.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { AstroIntegration } from 'astro';
import { readSettings } from '../../src/settings.ts';
import { SETTINGS_MODULE, settingsIntegration, settingsModuleSource } from '../../src/integrations/settings.ts';

interface Plugin {
  name: string;
  resolveId: (id: string) => string | undefined;
  load: (id: string) => string | undefined;
}

/** The Vite plugins the integration adds in `astro:config:setup`. */
function pluginsOf(integration: AstroIntegration): Plugin[] {
  const plugins: Plugin[] = [];
  const setup = integration.hooks['astro:config:setup'] as unknown as (o: { updateConfig: (c: unknown) => void }) => void;
  setup({ updateConfig: (c) => plugins.push(...((c as { vite: { plugins: Plugin[] } }).vite.plugins ?? [])) });
  return plugins;
}

describe('virtual:modus/settings', () => {
  const settings = readSettings({ MODUS_CONTENT_DIR: 'tests/fx', MODUS_AUDIENCE: 'community', MODUS_ADMIN: 'off' }, '/r');

  test('serves the settings it was given, as the default export', async () => {
    const [plugin] = pluginsOf(settingsIntegration(settings));
    const id = plugin!.resolveId(SETTINGS_MODULE);
    expect(id).toBe('\0virtual:modus/settings');
    expect(plugin!.resolveId('virtual:other')).toBeUndefined();
    expect(plugin!.load('virtual:other')).toBeUndefined();
    const source = plugin!.load(id!)!;
    expect(source).toBe(settingsModuleSource(settings));
    const mod = (await import(`data:text/javascript,${encodeURIComponent(source)}`)) as { default: unknown };
    expect(mod.default).toEqual({
      contentDir: '/r/tests/fx',
      audience: 'community',
      admin: false,
      siteUrl: 'http://localhost:4321',
      base: '/',
      imageMaxPixels: 50_000_000,
      publisher: 'Modus knowledge base',
      offline: true,
    });
  });

  test('no module under src/ reads the settings (or the CMS backend file) itself: astro.config.mjs (and the scripts) read them once', () => {
    const root = path.resolve('src');
    const offenders = fs
      .readdirSync(root, { recursive: true, encoding: 'utf8' })
      .filter(
        (file) =>
          /\.(ts|astro|mjs)$/.test(file) &&
          file !== 'settings.ts' &&
          file !== path.join('cms', 'node', 'backend.ts') &&
          file !== path.join('build', 'settings-or-exit.ts'),
      )
      .filter((file) => /\b(readSettings|readCmsBackend)\s*\(/.test(fs.readFileSync(path.join(root, file), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
