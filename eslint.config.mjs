// The architecture, checked: which layer may import which (see README, "Design").
// Models: VS Code's layer check (code-layering) and JSON Forms' import/no-cycle.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

const layer = (name) => `./src/${name}`;
const others = (...names) => names.map(layer);

/** For each layer, the layers it must not import (import-x/no-restricted-paths zones). */
const zones = [
  {
    target: layer('core'),
    from: others('files', 'excel', 'cli', 'taskpane'),
    message: 'src/core is pure TypeScript and imports only src/core.',
  },
  { target: layer('files'), from: others('excel', 'cli', 'taskpane'), message: 'src/files builds on src/core only.' },
  { target: layer('excel'), from: others('files', 'cli', 'taskpane'), message: 'src/excel builds on src/core only.' },
  { target: layer('cli'), from: others('excel', 'taskpane'), message: 'src/cli builds on src/core and src/files only.' },
  { target: layer('taskpane'), from: others('cli'), message: 'src/taskpane may use every layer but src/cli.' },
];

/** Packages that tie code to a host: none in core; Office.js only in src/excel. */
const hostPackages = ['react', 'react-dom', 'react-dom/*', '@fluentui/*', '@jsonforms/react', 'office-js', 'office-addin-*'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test-output/**', 'scratch/**', 'examples/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mts,cts}'],
    plugins: { 'import-x': importX, 'react-hooks': reactHooks },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', { zones }],
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      // The Office.js double hands `self` to the proxies it builds, as Office.js' own objects do.
      '@typescript-eslint/no-this-alias': ['error', { allowedNames: ['self'] }],
      // Chinese text legitimately holds the ideographic space (U+3000) in strings and templates.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // Isomorphic layers run in Excel, a browser and Node alike: no Node built-ins.
    files: ['src/core/**', 'src/files/**', 'src/excel/**', 'src/taskpane/**'],
    plugins: { 'import-x': importX },
    rules: { 'import-x/no-nodejs-modules': 'error' },
  },
  {
    files: ['src/core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: hostPackages, message: 'src/core runs on no host: no UI or Office packages.' }] },
      ],
    },
  },
  {
    files: ['src/files/**', 'src/cli/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: hostPackages, message: 'src/files and src/cli do not use the UI or Office.js.' }] },
      ],
    },
  },
  {
    files: ['**/*.{js,cjs}'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', module: 'writable', process: 'readonly', __dirname: 'readonly', console: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-require-imports': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
);
