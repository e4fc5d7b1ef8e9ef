import { builtinModules } from 'node:module';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeOnlyGlobals = ['process', 'Buffer', 'require', '__dirname', '__filename', 'module', 'global'];
const domGlobals = ['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'indexedDB', 'location', 'fetch', 'XMLHttpRequest'];

/*
 * Import restrictions. In a flat config a later block that sets `no-restricted-imports` for
 * a file replaces, not extends, an earlier one; so each block below lists every restriction
 * that applies to its files, built from these pieces. test/unit/eslint-restricted-imports.test.ts
 * lints planted files to prove each block still bites.
 */
const noRemote = { name: '@electron/remote', message: 'The remote module gives the renderer main-process objects (docs/SECURITY.md row 14).' };
const ipcOnlyInItsPlace = { name: 'electron', importNames: ['ipcRenderer', 'ipcMain'], message: 'IPC goes through the contract: preload.ts and main.ts only.' };
const rendererRestrictions = {
  paths: [
    noRemote,
    { name: 'electron', message: 'The renderer talks to main only through window.demarc (renderer/bridge).' },
    { name: '@azure/identity', message: 'Tokens stay in main (docs/SECURITY.md row 16).' },
    ...builtinModules.filter((m) => !m.startsWith('_')).map((name) => ({ name, message: 'The renderer runs in a sandboxed browser context: no Node built-ins.' })),
  ],
  patterns: [{ group: ['node:*'], message: 'The renderer runs in a sandboxed browser context: no Node built-ins.' }],
};
const nodeLayerRestrictions = {
  paths: [noRemote, { name: 'electron', message: 'node/ is shared with the CLI, which has no Electron: take what you need from Electron as an injected interface (node/README.md).' }],
};

export default tseslint.config(
  { ignores: ['.vite/**', 'out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'test/smoke/electron-stub.cjs', 'test/fixtures/import-boundaries/**', 'test/fixtures/eslint-restricted-imports/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Untrusted text (Azure names, tags, report text) is rendered through React escaping only.' },
        { selector: "CallExpression[callee.name='eval']", message: 'No eval: the CSP forbids it.' },
        { selector: "NewExpression[callee.name='Function']", message: 'No new Function: the CSP forbids it.' },
      ],
      'no-restricted-imports': ['error', { paths: [noRemote] }],
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-globals': ['error', ...nodeOnlyGlobals],
    },
  },
  {
    files: ['core/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', ...nodeOnlyGlobals, ...domGlobals],
    },
  },
  {
    // ipcRenderer lives only in the preload; ipcMain is used only where main wires handlers.
    files: ['**/*.{ts,tsx}'],
    ignores: ['electron/preload/preload.ts', 'electron/main/main.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [ipcOnlyInItsPlace, noRemote] }],
    },
  },
  {
    // After the block above, so these lists (which include all of electron) win for these files.
    files: ['renderer/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', rendererRestrictions] },
  },
  {
    files: ['node/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', nodeLayerRestrictions] },
  },
);
