import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const platformModules = ['electron', 'electron-store', 'conf', 'sharp', 'fs', 'path', 'os', 'child_process', 'worker_threads', 'http', 'crypto'];

// Layering (imports point down only): shared is pure; the renderer never reaches the
// main side; services, the worker and the browser host never import electron.
const layerRules = [
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...platformModules, 'react', 'react-dom'].map((name) => ({ name, message: 'shared/ is pure: pass platform things in as parameters.' })),
          patterns: [
            { group: ['node:*'], message: 'shared/ is pure: no Node built-ins.' },
            { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ imports nothing above it.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: platformModules.map((name) => ({ name, message: 'The renderer talks to the main side only through the contract.' })),
          patterns: [
            { group: ['node:*'], message: 'No Node built-ins in the renderer.' },
            { group: ['**/electron/**'], message: 'The renderer never imports main-side code.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/services/**/*.ts', 'electron/media-worker/**/*.ts', 'electron/host/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'Only electron/app may import electron; inject what you need.' },
            { name: 'electron-store', message: 'Only electron/app may import electron-store.' },
          ],
          patterns: [
            { group: ['**/renderer/**'], message: 'The main side never imports the renderer.' },
            { group: ['**/app/**'], message: 'Services sit below the Electron adapter.' },
          ],
        },
      ],
    },
  },
];

// Promise rules need types. Each TypeScript file is read with the tsconfig that builds it
// (node: main side, scripts, bench, unit tests; web: renderer and component tests; e2e), so a
// rule sees the same lib and types the compiler does. The plain .js/.mjs files (config, build
// scripts, the Electron stand-in) are read with tsconfig.scripts.json (allowJs, never type-checked
// by tsc) so an unawaited promise there is caught too: one program for all of them, where a
// default project per file cost about 16 CPU s of lint more (docs/decisions/suite-speed.md).
const promiseRules = {
  '@typescript-eslint/no-floating-promises': 'error',
  '@typescript-eslint/no-misused-promises': 'error',
};
// Each folder names its one program (the first of node, web, e2e that holds it, as a list of all
// three would find): typescript-eslint builds every listed program until one holds the file, so
// `npm test`'s two lint processes (scripts/run-checks.mjs) each build only the programs they need.
const typedProject = (files, tsconfig) => ({
  files,
  languageOptions: { parserOptions: { project: [tsconfig], tsconfigRootDir: import.meta.dirname } },
  rules: promiseRules,
});
const typeAwareRules = [
  typedProject(['**/*.{ts,tsx,mts}'], './tsconfig.node.json'),
  typedProject(['renderer/**/*.{ts,tsx}', 'test/component/**/*.{ts,tsx}'], './tsconfig.web.json'),
  typedProject(['test/e2e/**/*.ts'], './tsconfig.e2e.json'),
  typedProject(['**/*.{js,mjs}'], './tsconfig.scripts.json'),
];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', '.tmp/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-assertions': ['error', { assertionStyle: 'never' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'test/component/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    // Tests may assert shapes of foreign data; the production code may not.
    files: ['test/**/*.{ts,tsx}', 'bench/**/*.ts', 'scripts/**/*.{ts,mjs}'],
    rules: { '@typescript-eslint/consistent-type-assertions': 'off' },
  },
  ...layerRules,
  ...typeAwareRules,
);
