// @ts-check
/**
 * The layer rule: each module imports only from its own layer or the layers before it, in the order the
 * data flows (content model → loading → knowledge → rendering → search index → dist check). A wrong-way
 * import is a lint error, so it fails CI. eslint.config.js applies it; tests/unit/layers.test.ts shows
 * that it reports a wrong-way import and lets a right-way one through.
 *
 * Built with eslint-plugin-boundaries: each file belongs to one element (its layer, by folder); the
 * `boundaries/dependencies` rule disallows every import between elements except those listed in
 * ALLOWED, and also restricts packages and Node built-ins where a layer must stay pure.
 */
import boundaries from 'eslint-plugin-boundaries';

/** Elements (folders), by path from the repository root. The first matching pattern names the element. */
const ELEMENTS = [
  // 1. Content model: schemas, vocabularies, TLP, id formats, countries, the body-component contract.
  ['model', 'src/model/**'],
  // 2. Content loading and checks; CMS code that runs in Node.
  ['loading', 'src/loading/**'],
  ['cms-node', 'src/cms/node/**'],
  // 3. Derived knowledge-base indexes (pure).
  ['knowledge', 'src/knowledge/**'],
  // 3. Exchange formats: JSON documents, STIX 2.1 bundles, CSV rows out of the knowledge base, and notices read back in.
  ['exchange', 'src/exchange/**'],
  // 4. Rendering: UI strings, components (data as props), layouts, data gathering, helpers and styles;
  //    pages (Astro's required folder) at the top; CMS code that runs in the browser.
  ['render-i18n', 'src/render/i18n/**'],
  ['render-components', 'src/render/components/**'],
  ['render-layouts', 'src/render/layouts/**'],
  ['render-data', 'src/render/data/**'],
  ['render', 'src/render/**'],
  ['pages', 'src/pages/**'],
  ['cms-browser', 'src/cms/browser/**'],
  // 5. Search index. 6. Dist check.
  ['search', 'src/search/**'],
  ['dist-check', 'src/dist-check/**'],
  // 5. Offline copy: its manifest, read from the built dist/ after the search index, and the service worker.
  ['offline', 'src/offline/**'],
  // Composition roots: read settings once and pass them down; nothing in a layer imports them.
  ['integrations', 'src/integrations/**'],
  ['build', 'src/build/**'],
  ['scripts', 'scripts/**'],
  ['tests', 'tests/**'],
];

/** Composition roots that are single files (the plugin classifies single files by file category). */
const FILES = [
  ['settings', 'src/settings.ts'],
  ['config', ['src/content.config.ts', 'src/env.d.ts', '*.config.{js,mjs,ts}', 'eslint.layers.js']],
];
const FILE_CATEGORIES = new Set(FILES.map(([category]) => category));

const LAYER_1 = ['model'];
const LAYER_2 = [...LAYER_1, 'loading', 'cms-node'];
const LAYER_3 = [...LAYER_2, 'knowledge', 'exchange'];
/** Rendering helpers any renderer may use: UI strings and the plain .ts helpers (csp, feed, markings, ...). */
const RENDER_BASE = ['model', 'loading', 'knowledge', 'render-i18n', 'render'];
/**
 * What runs in Node outside Astro's build (search index, dist check) may use the layers before it except
 * what needs Astro's runtime (components, layouts, pages, render/data with astro:content) or the browser.
 */
const NODE_LAYERS = [...LAYER_3, 'render-i18n', 'render'];
const LAYERS = [...LAYER_3, 'render-i18n', 'render', 'render-components', 'render-layouts', 'render-data', 'pages', 'cms-browser'];
const ROOTS = ['settings', 'integrations', 'build', 'config'];

/** For each element, the other elements it may import (each may import its own files too). */
const ALLOWED = {
  model: [],
  loading: ['model'],
  'cms-node': ['model', 'loading'],
  knowledge: ['model', 'loading'],
  // Exchange formats are built from the knowledge base; import writes notice folders the way the CMS does.
  exchange: ['model', 'loading', 'cms-node', 'knowledge'],
  'render-i18n': ['model', 'loading', 'knowledge'],
  render: ['model', 'loading', 'knowledge', 'render-i18n'],
  // Components take data as props: they never import render/data, nor the layouts that use them.
  'render-components': [...RENDER_BASE],
  'render-layouts': [...RENDER_BASE, 'render-components'],
  'render-data': [...RENDER_BASE, 'exchange'],
  pages: [...RENDER_BASE, 'exchange', 'render-components', 'render-layouts', 'render-data'],
  'cms-browser': ['model', 'loading', 'knowledge', 'render-i18n', 'render', 'cms-node'],
  search: [...NODE_LAYERS],
  'dist-check': [...NODE_LAYERS, 'search'],
  offline: [...NODE_LAYERS, 'search'],
  // The settings also read the CMS's production git host file (src/cms/node/backend.ts).
  settings: ['model', 'cms-node'],
  integrations: [...LAYERS, 'search', 'dist-check', 'offline', ...ROOTS],
  build: [...LAYERS, 'search', 'dist-check', 'offline', ...ROOTS],
  config: [...LAYERS, 'search', 'dist-check', 'offline', ...ROOTS],
  scripts: [...LAYERS, 'search', 'dist-check', 'offline', ...ROOTS, 'scripts'],
  tests: [...LAYERS, 'search', 'dist-check', 'offline', ...ROOTS, 'scripts', 'tests'],
};

/**
 * Entity selectors matching the named elements or single files.
 * @param {string[]} names
 */
const entities = (names) => [
  { element: { types: { anyOf: names.filter((n) => !FILE_CATEGORIES.has(n)) } } },
  { file: { categories: { anyOf: names.filter((n) => FILE_CATEGORIES.has(n)) } } },
];

/** @type {import('eslint-plugin-boundaries').DependenciesPolicy[]} */
const policies = [
  // Packages and Node built-ins: allowed, except where a layer below narrows them.
  { allow: { to: { module: { origin: ['external', 'core'] } } } },
  ...Object.entries(ALLOWED).map(([from, allowed]) => ({ from: entities([from]), allow: { to: entities([from, ...allowed]) } })),
  {
    // The content model is shared by Node, Astro and the CMS in the browser: zod and the country
    // names only, no Node built-ins, no I/O.
    from: { element: { type: 'model' } },
    disallow: { to: { module: { origin: ['external', 'core'] } } },
    message: 'The content model imports only zod (astro/zod) and i18n-iso-countries.',
  },
  {
    from: { element: { type: 'model' } },
    allow: [
      { to: { module: { origin: 'external', source: ['zod', 'i18n-iso-countries'] } } },
      { to: { module: { origin: 'external', source: 'astro', internalPath: 'zod' } } },
    ],
  },
  {
    // Knowledge-base indexes are pure (the CMS preview runs them in the browser): no Node built-ins,
    // no astro:content; data comes in as arguments.
    from: { element: { type: 'knowledge' } },
    disallow: [{ to: { module: { origin: 'core' } } }, { dependency: { source: 'astro:*' } }],
    message: 'Knowledge-base indexes are pure: no Node built-ins, no astro:content; take the data as arguments.',
  },
  {
    // Components and layouts take their data as props; pages gather it (render/data).
    from: { element: { types: { anyOf: ['render-components', 'render-layouts'] } } },
    disallow: { dependency: { source: 'astro:content' } },
    message: 'Components and layouts take data as props: the page gathers it (src/render/data).',
  },
];

/**
 * The layer rule as a flat-config array: the plugin, its settings and the rule.
 * @type {import('eslint').Linter.Config[]}
 */
export default [
  {
    files: ['**/*.{js,mjs,ts,astro}'],
    plugins: { boundaries },
    settings: {
      'boundaries/elements': ELEMENTS.map(([type, pattern]) => ({ type, pattern, partialMatch: false })),
      'boundaries/files': FILES.map(([category, pattern]) => ({ category, pattern })),
      'boundaries/dependency-nodes': ['import', 'dynamic-import', 'export'],
      'boundaries/include': ['src/**', 'scripts/**', 'tests/**', '*.{js,mjs,ts}'],
      'boundaries/ignore': ['tests/fixtures/**'],
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          checkAllOrigins: true,
          policies,
          // Said when no policy of its own explains the refusal: which layer may not import which, and where
          // the layers are written down.
          message:
            'Layer "{{from.element.type}}" may not import "{{to.element.type}}": a module imports only from its own layer or the layers before it (docs/architecture.md, "The layers"; the table ALLOWED in eslint.layers.js).',
        },
      ],
      // A new file outside every layer would escape the rule: each file must belong to a layer.
      'boundaries/no-unknown-files': 'error',
    },
  },
];
