// Lint rules, including the import boundaries from ARCHITECTURE.md convention 6:
// shared <- server <- console <- main; the renderer sees only shared; server never imports electron.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const restrict = (...groups) => ({
  'no-restricted-imports': ['error', { patterns: groups }],
});

const electron = {
  group: ['electron', 'electron/*'],
  message: 'Only src/main and src/preload may import electron.',
};
const node = {
  group: ['node:*', 'better-sqlite3', 'kysely', 'argon2', 'hono', 'hono/*', '@hono/*'],
  message: 'The renderer runs in a browser sandbox: talk to the console backend over HTTP instead.',
};
const layer = (name, why) => ({ group: [`**/${name}/**`, `**/${name}`], message: why });

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'resources/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use node:crypto (CSPRNG) for anything random.' },
      ],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    files: ['src/shared/**'],
    rules: restrict(
      electron,
      layer('server', 'shared imports nothing else in src/.'),
      layer('console', 'shared imports nothing else in src/.'),
      layer('main', 'shared imports nothing else in src/.'),
      layer('renderer', 'shared imports nothing else in src/.'),
      layer('cli', 'shared imports nothing else in src/.'),
    ),
  },
  {
    files: ['src/server/**'],
    rules: restrict(
      electron,
      layer('console', 'The server never depends on the console backend.'),
      layer('main', 'The server never depends on the Electron main process.'),
      layer('renderer', 'The server never depends on the renderer.'),
      layer('cli', 'The server never depends on the CLI.'),
    ),
  },
  {
    files: ['src/console/**'],
    rules: restrict(
      electron,
      layer('main', 'The console backend runs without Electron.'),
      layer('renderer', 'The console backend never imports renderer code.'),
    ),
  },
  {
    files: ['src/cli/**'],
    rules: restrict(
      electron,
      layer('main', 'The CLI runs without Electron.'),
      layer('renderer', 'No renderer code in the CLI.'),
    ),
  },
  {
    files: ['src/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: restrict(
      electron,
      node,
      layer('server', 'The renderer talks to the console backend over HTTP, never to server modules.'),
      layer('console', 'The renderer talks to the console backend over HTTP.'),
      layer('main', 'Use the preload bridge (window.gatehouse) for desktop matters.'),
      layer('cli', 'The renderer never imports the CLI.'),
    ),
  },
  {
    files: ['src/preload/**'],
    rules: restrict(
      layer('server', 'Preload exposes only a minimal desktop API.'),
      layer('renderer', 'Preload never imports renderer code.'),
    ),
  },
  {
    files: ['test/**', 'bench/**', '**/*.test.ts', '**/*.test.tsx'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
