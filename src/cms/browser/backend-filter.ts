/**
 * Keeps translations out of the lists of originals. The notices and courses collections list every file
 * ending in `.mdx` under their folder (that is how Decap and decap-server match a collection's extension),
 * so without this a translation `<folder>/index.fr.mdx` would show among the notices as a notice of its own,
 * and could be opened, "completed" and saved in the notice form. Decap's collection `filter` compares one
 * field with one value and cannot say "not a translation", so the backend's listing is filtered instead:
 * whatever git host Decap talks to (decap-server, GitLab, GitHub, Gitea), its listing of a collection
 * whose extension is `mdx` leaves out the files named `index.<something>.mdx`. The translation collections
 * (extension `fr.mdx` and so on) are not affected, nor is reading or saving one entry.
 */
import type { DecapCms } from './decap.d.ts';

/** True for a translation file (`…/index.fr.mdx`), which the originals' lists leave out. */
export function isTranslationFile(path: string): boolean {
  return /(^|\/)index\.[^./]+\.mdx$/.test(path);
}

/** A listed entry file as Decap's backends return them. */
interface Listed {
  file?: { path?: string };
}

/**
 * `entries` without translation files when the listing is for the extension `mdx` (the originals), else
 * unchanged. Properties Decap keeps on the listed array (its pagination cursor, under a symbol) are kept.
 */
export function withoutTranslations<T extends Listed>(entries: T[], extension: string): T[] {
  if (extension !== 'mdx' || !Array.isArray(entries)) return entries;
  const kept = entries.filter((e) => !isTranslationFile(e.file?.path ?? ''));
  for (const key of Object.getOwnPropertySymbols(entries))
    (kept as unknown as Record<symbol, unknown>)[key] = (entries as unknown as Record<symbol, unknown>)[key];
  return kept;
}

/** The git hosts Decap may use here: the local server, and the production hosts docs/editing.md describes. */
const BACKENDS = ['proxy', 'gitlab', 'github', 'gitea', 'forgejo', 'git-gateway', 'bitbucket', 'azure', 'aws-cognito-github-proxy'];

type Implementation = Record<string, unknown> & {
  entriesByFolder?: (folder: string, extension: string, depth: number) => Promise<Listed[]>;
  allEntriesByFolder?: (folder: string, extension: string, depth: number, pathRegex?: RegExp) => Promise<Listed[]>;
};

/**
 * Makes every registered backend of `cms` leave translations out of the originals' listings. Call after the
 * Decap bundle loaded and before `CMS.init`. Decap's registry hands out the object whose `init` makes a
 * backend, so wrapping `init` wraps each backend Decap makes afterwards.
 */
export function hideTranslationsFromOriginals(cms: DecapCms): void {
  for (const name of BACKENDS) {
    const entry = cms.getBackend(name) as { init: (...args: unknown[]) => Implementation } | undefined;
    if (!entry) continue;
    const init = entry.init;
    entry.init = (...args: unknown[]) => {
      const impl = init(...args);
      const byFolder = impl.entriesByFolder;
      const allByFolder = impl.allEntriesByFolder;
      if (byFolder)
        impl.entriesByFolder = async (folder, extension, depth) =>
          withoutTranslations(await byFolder.call(impl, folder, extension, depth), extension);
      if (allByFolder) {
        impl.allEntriesByFolder = async (folder, extension, depth, pathRegex) =>
          withoutTranslations(await allByFolder.call(impl, folder, extension, depth, pathRegex), extension);
      }
      return impl;
    };
  }
}
