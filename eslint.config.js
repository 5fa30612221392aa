// @ts-check
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import astro from 'eslint-plugin-astro';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import layers from './eslint.layers.js';

export default defineConfig(
  {
    ignores: [
      'dist/',
      'dist-*/',
      '.astro/',
      '.cache/',
      '.corpus/',
      'bench-results/',
      'public/admin/',
      'content/',
      'tests/fixtures/',
      'docs/',
      'eslint-jsx.d.ts',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: globals.node,
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  {
    // Taking a property out of an object with a rest pattern (`const { drop, ...rest } = o`) is how the
    // code removes a field from a copy; the named variable is deliberately unused.
    rules: { '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }] },
  },
  astro.configs.recommended,
  {
    // astro-eslint-parser has no project service: it type-checks the frontmatter through tsconfig.eslint.json
    // (tsconfig.json plus eslint-jsx.d.ts, which gives template elements a type).
    files: ['**/*.astro'],
    languageOptions: { parserOptions: { projectService: false, project: './tsconfig.eslint.json', extraFileExtensions: ['.astro'] } },
  },
  {
    // The <script> blocks of .astro files are virtual files the type checker does not see.
    files: ['**/*.astro/*.js', '**/*.astro/*.ts'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // Plain JavaScript (scripts/, the Astro config, the search page's script) carries no types and is not
    // type-checked (no checkJs): every parameter and parsed value is `any`, so the any-tracking rules
    // would flag each use of one. The promise rules and the rest of the type-checked set still apply.
    files: ['**/*.js', '**/*.mjs'],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // Vitest types its asymmetric matchers (expect.any, expect.stringContaining, ...) as `any`, so each
    // `toMatchObject({ message: expect.stringContaining('…') })` would count as an unsafe assignment.
    // Reading a member of an `any` value (no-unsafe-member-access) is still reported in tests.
    files: ['tests/**'],
    rules: { '@typescript-eslint/no-unsafe-assignment': 'off' },
  },
  {
    // The search page's script runs in the browser.
    files: ['public/js/**/*.js'],
    languageOptions: { globals: globals.browser },
  },
  {
    // The service worker (docs/offline.md) runs in the browser's worker scope.
    files: ['src/offline/sw-*.js'],
    languageOptions: { globals: globals.serviceworker },
  },
  layers,
  prettier,
);
