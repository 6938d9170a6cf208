// Lint rules that hold the architecture in place (docs/architecture.md):
// only src-main/electron and src-main/preload import electron; shared/ and core/ import no Node
// built-ins (they run everywhere); the renderer never renders HTML and never imports Node.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)].filter((m) => !m.startsWith('_'));
const noElectron = { name: 'electron', message: 'Only src-main/electron/ and src-main/preload/ may import electron.' };
const noNode = (where) => nodeBuiltins.map((name) => ({ name, message: `${where} runs without Node: no Node built-ins.` }));
// The layers of src-main, bottom up: shared and core (pure), node (files, workers), then the
// programs on top: cli and electron (with its preload). A layer imports only the ones below it.
const above = (where, layers) => ({ regex: `^(\\.\\./)+(${layers.join('|')})(/|$)`, message: `Layers import downwards only: ${where} may not import ${layers.join(', ')} (docs/architecture.md).` });

export default tseslint.config(
  { ignores: ['out/', 'out-*/', 'node_modules/', 'test-results/', 'playwright-report/', 'bench-results/', 'stress-results/', 'test/fixtures/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'svelte/no-at-html-tags': 'error',
      'no-restricted-imports': ['error', { paths: [noElectron] }],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] } },
  },
  {
    // Specs take `test` from fixtures.ts, whose apps and temp folders are cleaned up even when a test fails.
    files: ['test/e2e/**/*.spec.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { paths: [
        { name: '@playwright/test', allowTypeImports: true, message: 'Import test and expect from ./fixtures: its fixtures clean up after a failing test.' },
        { name: './harness', importNames: ['launchApp'], message: 'Use the launchApp fixture (./fixtures): it closes the app after the test.' },
        { name: './temp', importNames: ['makeTempDir', 'copyWorkspace', 'removeDir'], message: 'Use the tempDir and tempWorkspace fixtures (./fixtures): they remove the folders after the test.' },
      ] }],
    },
  },
  {
    files: ['src-main/shared/**', 'src-main/core/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron, ...noNode('shared/ and core/')], patterns: [above('shared/ and core/', ['node', 'cli', 'electron', 'preload'])] }] },
  },
  {
    files: ['src-main/node/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron], patterns: [above('node/', ['cli', 'electron', 'preload'])] }] },
  },
  {
    files: ['src-main/cli/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron], patterns: [above('cli/', ['electron', 'preload'])] }] },
  },
  {
    // One way for a command to open a workspace: unwatched (no stats kept for a sync() it never
    // makes), with damaged files reported on stderr and the read guard's skips named.
    files: ['src-main/cli/commands/**'],
    rules: { 'no-restricted-syntax': ['error', { selector: "CallExpression[callee.object.name='Workspace'][callee.property.name='open']", message: 'Commands open a workspace with openCliWorkspace (cli/open-workspace.ts).' }] },
  },
  {
    files: ['src-main/preload/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [above('The preload', ['node', 'cli', 'electron'])] }] },
  },
  {
    files: ['src-main/electron/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [above('electron/', ['cli', 'preload'])] }] },
  },
  {
    files: ['src-renderer/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [noElectron, ...noNode('The renderer')], patterns: [{ group: ['**/src-main/node/**', '**/src-main/electron/**'], message: 'The renderer reaches main only through bridge/.' }] }],
      'no-restricted-properties': ['error', { object: 'window', property: 'pilcrow', message: 'Only src-renderer/bridge/ touches window.pilcrow.' }],
      'no-restricted-syntax': ['error', { selector: "MemberExpression[property.name='innerHTML']", message: 'Never render text as HTML.' }, { selector: "MemberExpression[property.name='outerHTML']", message: 'Never render text as HTML.' }, { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'Never render text as HTML.' }],
    },
  },
  {
    files: ['src-renderer/bridge/**'],
    rules: { 'no-restricted-properties': 'off' },
  },
);
