/**
 * The layer rule (eslint.layers.js, applied by eslint.config.js): a module imports only from its own layer
 * or the layers before it. Guards against the erosion issue 11 found: a content-model file importing
 * loading code, knowledge indexes importing UI strings, a component importing the layout that uses it or
 * fetching data itself, a script importing test helpers. Each case lints a small snippet, as if it were
 * a file in that layer, with the repository's own ESLint config; the import targets are real files, as
 * the rule resolves an import to the file it names.
 */
import { readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

/** The repository's config, without the type-checked rules: the snippets are not files the type checker knows. */
const eslint = new ESLint({
  cwd: root,
  overrideConfig: [tseslint.configs.disableTypeChecked, { languageOptions: { parserOptions: { project: null } } }],
});

/** A real file (repository-relative) in `dir` whose name ends with `ext`, so that an import of it resolves. */
function fileIn(dir: string, ext = '.ts'): string {
  const entries = readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' }).sort();
  const file = entries.find((e) => e.endsWith(ext) && !e.endsWith('.d.ts'));
  if (!file) throw new Error(`no ${ext} file in ${dir}: pick another import target for this case`);
  return join(dir, file);
}

/** An import specifier for `target` (a repository path, or a package name as is) from the file `from`. */
function specifier(from: string, target: string): string {
  if (!/^(src|scripts|tests)\//.test(target)) return target;
  const path = relative(dirname(from), target);
  return path.startsWith('.') ? path : `./${path}`;
}

/** Lints `import … from target` as the file `from`; returns the layer rule's messages. */
async function layerMessages(from: string, target: string, { dynamic = false } = {}): Promise<string[]> {
  const spec = specifier(from, target);
  const statement = dynamic ? `export const m = await import('${spec}');` : `import * as m from '${spec}';\nexport { m };`;
  const code = from.endsWith('.astro') ? `---\n${statement.replace(/^export /gm, '')}\n---\n<p>{String(m)}</p>\n` : `${statement}\n`;
  const [result] = await eslint.lintText(code, { filePath: join(root, from) });
  const fatal = result!.messages.filter((m) => m.fatal);
  if (fatal.length) throw new Error(`${from} did not parse: ${fatal.map((m) => m.message).join('; ')}`);
  return result!.messages.filter((m) => m.ruleId?.startsWith('boundaries/')).map((m) => m.message);
}

const model = 'src/model/new-file.ts';
const loading = 'src/loading/new-file.ts';
const cmsNode = 'src/cms/node/new-file.ts';
const knowledge = 'src/knowledge/new-file.ts';
const exchange = 'src/exchange/new-file.ts';
const component = 'src/render/components/NewComponent.astro';
const layout = 'src/render/layouts/NewLayout.astro';
const renderHelper = 'src/render/new-file.ts';
const i18n = 'src/render/i18n/new-file.ts';
const renderData = 'src/render/data/new-file.ts';
const page = 'src/pages/new-page.astro';
const cmsBrowser = 'src/cms/browser/new-file.ts';
const search = 'src/search/new-file.ts';
const distCheck = 'src/dist-check/new-file.ts';
const offline = 'src/offline/new-file.ts';
const script = 'scripts/new-script.mjs';

const MODEL = fileIn('src/model');
const LOADING = fileIn('src/loading');
const CMS_NODE = fileIn('src/cms/node');
const KNOWLEDGE = fileIn('src/knowledge');
const EXCHANGE = fileIn('src/exchange');
const I18N = fileIn('src/render/i18n');
const COMPONENT = fileIn('src/render/components', '.astro');
const LAYOUT = fileIn('src/render/layouts', '.astro');
const RENDER_DATA = fileIn('src/render/data');
const RENDER_HELPER = 'src/render/csp.ts';
const PAGE = fileIn('src/pages', '.astro');
const CMS_BROWSER = fileIn('src/cms/browser');
const SEARCH = fileIn('src/search');
const DIST_CHECK = fileIn('src/dist-check');
const OFFLINE = fileIn('src/offline');
const SETTINGS = 'src/settings.ts';
const INTEGRATIONS = fileIn('src/integrations');
const BUILD = fileIn('src/build');
const SCRIPTS = fileIn('scripts', '.mjs');
const TESTS = fileIn('tests/helpers');

/** [importing file, import target, what the case shows] */
type Case = [string, string, string];

const WRONG_WAY: Case[] = [
  [model, LOADING, 'the content model imports loading code'],
  [model, KNOWLEDGE, 'the content model imports a knowledge index'],
  [model, 'node:fs', 'the content model does I/O'],
  [model, 'yaml', 'the content model imports a package other than zod and the country names'],
  [loading, KNOWLEDGE, 'loading imports a knowledge index'],
  [loading, I18N, 'loading imports UI strings'],
  [loading, CMS_NODE, 'loading imports CMS code'],
  [cmsNode, RENDER_HELPER, 'CMS config generation imports a rendering helper'],
  [cmsNode, CMS_BROWSER, 'Node CMS code imports browser CMS code'],
  [knowledge, I18N, 'a knowledge index imports UI strings'],
  [knowledge, RENDER_DATA, 'a knowledge index imports render/data'],
  [knowledge, 'astro:content', 'a knowledge index reads content collections itself'],
  [knowledge, 'node:fs', 'a knowledge index does I/O'],
  [knowledge, EXCHANGE, 'a knowledge index imports an exchange format (built from the indexes)'],
  [exchange, I18N, 'an exchange format imports UI strings (exports carry data, not page wording)'],
  [exchange, RENDER_DATA, 'an exchange format imports render/data (it takes the knowledge base as an argument)'],
  [component, EXCHANGE, 'a component imports an exchange format instead of taking props'],
  [component, LAYOUT, 'a component imports a layout (layouts use components)'],
  [component, RENDER_DATA, 'a component imports render/data instead of taking props'],
  [component, 'astro:content', 'a component fetches content itself'],
  [component, PAGE, 'a component imports a page'],
  [layout, RENDER_DATA, 'a layout imports render/data'],
  [renderHelper, COMPONENT, 'a rendering helper imports a component'],
  [page, SEARCH, 'a page imports the search index (a later layer)'],
  [page, CMS_BROWSER, 'a page imports browser CMS code'],
  [cmsBrowser, RENDER_DATA, 'browser CMS code imports render/data (astro:content)'],
  [cmsBrowser, SEARCH, 'browser CMS code imports the search index'],
  [search, DIST_CHECK, 'the search index imports the dist check (a later layer)'],
  [search, RENDER_DATA, 'the search index imports render/data, which needs Astro'],
  [distCheck, PAGE, 'the dist check imports a page'],
  [offline, RENDER_DATA, 'the offline manifest imports render/data, which needs Astro'],
  [offline, PAGE, 'the offline manifest imports a page'],
  [search, OFFLINE, 'the search index imports the offline manifest (a later step of the build)'],
  [page, OFFLINE, 'a page imports the offline manifest (made after the pages)'],
  [SETTINGS, LOADING, 'settings import loading code'],
  [script, TESTS, 'a script imports test helpers'],
];

const NO_COMPOSITION_ROOTS: Case[] = [
  model,
  loading,
  cmsNode,
  knowledge,
  exchange,
  i18n,
  renderHelper,
  component,
  layout,
  renderData,
  page,
  cmsBrowser,
  search,
  distCheck,
  offline,
].flatMap((from): Case[] => [
  [from, SETTINGS, 'a layer module imports src/settings.ts (settings are read once and passed down)'],
  [from, INTEGRATIONS, 'a layer module imports an integration'],
  [from, BUILD, 'a layer module imports src/build'],
  [from, SCRIPTS, 'a layer module imports a script'],
  [from, TESTS, 'a layer module imports test helpers'],
]);

const RIGHT_WAY: Case[] = [
  [model, MODEL, 'the content model imports its own files'],
  [model, 'astro/zod', 'the content model imports zod through astro'],
  [model, 'i18n-iso-countries', 'the content model imports the country names'],
  [model, 'i18n-iso-countries/langs/en.json', 'the content model imports a country-name language'],
  [loading, MODEL, 'loading imports the content model'],
  [loading, 'node:fs', 'loading reads files'],
  [cmsNode, LOADING, 'Node CMS code imports loading code'],
  [knowledge, LOADING, 'a knowledge index imports loading code'],
  [knowledge, MODEL, 'a knowledge index imports the content model'],
  [exchange, KNOWLEDGE, 'an exchange format imports a knowledge index'],
  [exchange, CMS_NODE, 'import writes notice files the way the CMS does'],
  [exchange, 'node:fs', 'import writes notice folders'],
  [page, EXCHANGE, 'a /data/ endpoint builds an exchange document'],
  [distCheck, EXCHANGE, 'the dist check reads the exchange files'],
  [component, COMPONENT, 'a component imports a component'],
  [component, I18N, 'a component imports UI strings'],
  [component, KNOWLEDGE, 'a component imports a knowledge helper'],
  [layout, COMPONENT, 'a layout imports a component'],
  [renderHelper, I18N, 'a rendering helper imports UI strings'],
  [page, LAYOUT, 'a page imports a layout'],
  [page, RENDER_DATA, 'a page gathers its data from render/data'],
  [page, 'astro:content', 'a page renders a content entry'],
  [cmsBrowser, CMS_NODE, 'browser CMS code imports Node CMS code (widget definitions)'],
  [cmsBrowser, RENDER_HELPER, 'browser CMS code imports a rendering helper'],
  [search, KNOWLEDGE, 'the search index imports a knowledge helper'],
  [distCheck, SEARCH, 'the dist check imports the search index'],
  [distCheck, I18N, 'the dist check imports UI strings'],
  [offline, SEARCH, 'the offline manifest leaves out redirects as the search index does'],
  [offline, I18N, "the service worker's banner takes its words from the UI strings"],
  [offline, KNOWLEDGE, 'the offline manifest builds addresses with the site URL helpers'],
  [script, OFFLINE, 'the build writes the offline files'],
  [SETTINGS, MODEL, 'settings import the content model'],
  [INTEGRATIONS, SETTINGS, 'an integration reads settings'],
  [INTEGRATIONS, DIST_CHECK, 'an integration imports any layer'],
  [script, SETTINGS, 'a script reads settings'],
  [script, SCRIPTS, 'a script imports a script'],
  ['tests/unit/new.test.ts', TESTS, 'a test imports test helpers'],
  ['tests/unit/new.test.ts', SCRIPTS, 'a test imports a script'],
];

describe('layer rule: each module imports only from its own layer or the layers before it', () => {
  it.each([...WRONG_WAY, ...NO_COMPOSITION_ROOTS])('reports %s importing %s: %s', async (from, target) => {
    expect(await layerMessages(from, target)).toHaveLength(1);
  });

  it.each(RIGHT_WAY)('lets %s import %s: %s', async (from, target) => {
    expect(await layerMessages(from, target)).toEqual([]);
  });

  it('checks dynamic imports and type-only imports too', async () => {
    expect(await layerMessages(script, TESTS, { dynamic: true })).toHaveLength(1);
    const [result] = await eslint.lintText(`import type { Settings } from '../settings.ts';\nexport type S = Settings;\n`, {
      filePath: join(root, distCheck),
    });
    expect(result!.messages.filter((m) => m.ruleId === 'boundaries/dependencies')).toHaveLength(1);
  });

  it('reports a source file that belongs to no layer', async () => {
    const [result] = await eslint.lintText('export const x = 1;\n', { filePath: join(root, 'src/stray.ts') });
    expect(result!.messages.map((m) => m.ruleId)).toContain('boundaries/no-unknown-files');
  });
});
