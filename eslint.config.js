// Lint: errors that matter (bugs, hooks misuse, layer breaches), not style. Layers (docs/architecture.md):
//   shared/    the lab core: imports only shared/ and pure libraries (no Node, no DOM, no Electron, no React)
//   renderer/  the window: only renderer/ and shared/
//   node/      Node-side hosts: no renderer/ or electron/
//   electron/  the desktop shell: no renderer/ (it loads the built window, never its modules)
// Import cycles are checked by dpdm (scripts/check-cycles.mjs); type-level layer rules by the per-layer tsconfigs.
import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import tseslint from 'typescript-eslint'

const nodeBuiltins = ['node:*', 'fs', 'fs/promises', 'path', 'os', 'crypto', 'child_process', 'net', 'tls', 'http', 'https', 'stream', 'url', 'util', 'worker_threads']

// A no-restricted-imports rule for one layer: `forbidden` holds [pattern, reason] pairs, where a pattern is a path
// glob (gitignore style: `**/renderer/**`, `node:*`) and a bare module name is matched exactly.
function layer(name, forbidden) {
  const message = (why) => `${name} must not import this: ${why}`
  const isGlob = (p) => p.includes('/') || p.includes('*')
  return {
    'no-restricted-imports': [
      'error',
      {
        paths: forbidden.filter(([p]) => !isGlob(p)).map(([p, why]) => ({ name: p, message: message(why) })),
        patterns: forbidden.filter(([p]) => isGlob(p)).map(([p, why]) => ({ group: [p], message: message(why) }))
      }
    ]
  }
}

const fromRenderer = [['**/renderer/**', 'the window is a client of the lab, never a dependency of it']]
const fromElectron = [['**/electron/**', 'electron/ is the desktop shell; share code through shared/ or node/'], ['electron', 'Electron APIs live in electron/ only']]
const fromNode = [['**/node/**', 'node/ holds Node-side hosts; the window reaches them only through LabApi']]
// The KMIP package is used through its public surface (shared/kmip/index.ts); only it and its own tests read its files.
const kmipFiles = (pattern) => [[pattern, 'import the KMIP package from shared/kmip (its index.ts), not its files']]

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Style or deliberate in this codebase (tests build hostile values; `any` appears only at typed seams).
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-control-regex': 'off',
      'no-empty': ['error', { allowEmptyCatch: true }],
      // TypeScript checks these itself, and better (scripts/*.mjs are plain Node, checked by running them).
      'no-undef': 'off',
      'no-redeclare': 'off',
      // Helpful, but a style of error reporting rather than a bug.
      'preserve-caught-error': 'off'
    }
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error'
    }
  },
  {
    files: ['shared/**/*.ts'],
    rules: layer('shared/ (the lab core)', [
      ...fromRenderer,
      ...fromElectron,
      ...fromNode,
      ...nodeBuiltins.map((m) => [m, 'shared/ runs in the window too: no Node APIs']),
      ['react', 'shared/ has no UI'],
      ['react-dom', 'shared/ has no UI'],
      ['ws', 'transports live in node/ and renderer/'],
      ...kmipFiles('**/kmip/*')
    ])
  },
  {
    // One import style in shared/: a module is imported once; a type-only import says `import type`, and a mixed one
    // marks its types inline (`import { a, type B }`).
    files: ['shared/**/*.ts'],
    rules: {
      'no-duplicate-imports': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports', fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-import-type-side-effects': 'error'
    }
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: layer('renderer/ (the window)', [
      ...fromElectron,
      ...fromNode,
      ...nodeBuiltins.map((m) => [m, 'the window runs in a browser: no Node APIs']),
      ...kmipFiles('**/shared/kmip/*')
    ])
  },
  { files: ['node/**/*.ts'], rules: layer('node/ (Node-side hosts)', [...fromRenderer, ...fromElectron, ...kmipFiles('**/shared/kmip/*')]) },
  { files: ['electron/**/*.ts'], rules: layer('electron/ (the desktop shell)', [...fromRenderer, ...kmipFiles('**/shared/kmip/*')]) },
  { files: ['tests/**/*.ts', 'bench/**/*.ts'], ignores: ['tests/shared/kmip/**'], rules: layer('tests and benchmarks', kmipFiles('**/shared/kmip/*')) }
)
