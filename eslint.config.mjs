import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'out',
      'dist',
      'build',
      'drizzle',
      'tests/e2e/artifacts',
      'tests/bench/tmp',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['error'] }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'tests/component/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
    },
  },
  {
    // The renderer knows nothing of Node, Electron, the database or core: only the API contract.
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'The renderer talks to main only through window.quanlian.',
            },
          ],
          patterns: [
            { group: ['node:*'], message: 'The renderer runs without Node.' },
            {
              group: ['better-sqlite3', 'drizzle-orm', 'drizzle-orm/*'],
              message: 'Data access lives in electron/core.',
            },
            {
              group: ['**/electron/core/**', '**/electron/main/**', '**/electron/cli/**'],
              message: 'Import only from electron/api.',
            },
          ],
        },
      ],
    },
  },
  {
    // Core is plain Node: never Electron, so it runs in tests, the CLI and the browser host.
    // Words shared with the UI live in electron/api/i18n: nothing here reaches up into renderer/.
    files: ['electron/core/**/*.{ts,tsx}', 'electron/cli/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'core/ knows nothing of Electron; pass dependencies in.' },
          ],
          patterns: [
            {
              group: ['**/renderer/**'],
              message: 'Shared words and types live in electron/api (i18n, domain, schemas).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/main/**/*.{ts,tsx}', 'electron/preload/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/renderer/**'],
              message:
                'Main and preload never import the renderer; shared code is in electron/api.',
            },
          ],
        },
      ],
    },
  },
  {
    // The contract is shared with the renderer: no Node, no Electron, no core.
    files: ['electron/api/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'electron/api is shared with the renderer.' }],
          patterns: [
            {
              group: ['node:*', 'better-sqlite3', 'drizzle-orm', 'drizzle-orm/*'],
              message: 'electron/api is shared with the renderer.',
            },
            {
              group: ['**/core/**', '**/main/**', '**/renderer/**', '**/cli/**'],
              message: 'electron/api depends on nothing else.',
            },
          ],
        },
      ],
    },
  },
  {
    files: [
      'electron/cli/**/*.ts',
      'tests/bench/**/*.ts',
      'tests/crash/**/*.ts',
      'tests/e2e/host/serve.ts',
      'scripts/**',
    ],
    rules: { 'no-console': 'off' },
  },
);
