// ESLint flat config. The boundary rules here are the architecture's layers
// (architecture.md §1) made executable: a wrong import fails `npm test`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const electronImports = {
  paths: [
    { name: 'electron', message: "Only src/main/electron and src/preload may import 'electron'." },
    { name: 'electron-store', message: 'electron-store imports electron: use it only in src/main/electron.' },
  ],
};

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'release/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'coverage/**',
      'reports/**',
      '.stryker-tmp/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'error',
    },
  },
  {
    files: ['src/main/core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...electronImports,
          patterns: [
            {
              group: ['**/sandbox/**', '**/renderer/**', '**/host/**', '**/cli/**', '**/electron/**'],
              message: 'The core never imports a host, the sandbox or the renderer; hosts pass sandbox URLs in.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/main/host/**', 'src/main/cli/**', 'src/main/core-process/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...electronImports,
          patterns: [{ group: ['**/renderer/**'], message: 'Hosts serve the built renderer; they do not import its source.' }],
        },
      ],
    },
  },
  {
    files: ['src/shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...electronImports,
          patterns: [
            { group: ['node:*'], message: 'src/shared runs in the renderer too: no Node built-ins.' },
            { group: ['**/main/**', '**/renderer/**', '**/preload/**'], message: 'src/shared depends on nothing but zod.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/main/sandbox/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...electronImports,
          patterns: [
            {
              group: ['**/core/**', '**/shared/**', '**/renderer/**', '**/host/**', '**/cli/**'],
              message:
                'The sandbox shares no code with the clients or the engine, so the two cannot agree on a wrong shape by construction.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          ...electronImports,
          patterns: [
            { group: ['node:*'], message: 'The renderer is a web page: no Node built-ins.' },
            {
              group: ['**/main/**', '**/preload/**'],
              message: 'The renderer talks to main only through the contract (renderer/src/bridge).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['bin/**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  {
    // CommonJS config files read by tools (electron-builder.cjs).
    files: ['*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } },
  },
  {
    files: ['src/main/cli/output.ts', 'scripts/**', 'bench/**', 'test/**', '*.config.*', 'bin/**'],
    rules: { 'no-console': 'off' },
  },
);
