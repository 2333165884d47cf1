// Every test suite `npm test` runs, in order. To add one, append an entry:
//   name      short name (also selects it: `npm test -- <name> ...`)
//   command   argv, run from the repo root (no shell)
//   counts    how to read its result:
//               { kind: 'vitest-json', file }      vitest --reporter=json output
//               { kind: 'playwright-json', file }  Playwright json reporter output
//               { kind: 'summary-line' }           the suite prints "N passed, N failed" as a line of stdout
//               { kind: 'exit-code' }              one check: passed when it exits 0
//   needsBuild  true: the built app (out/) must be current first (scripts/ensure-build.mjs runs once)
//   skipLine    a line the suite prints, exiting 0, when it cannot run on this machine (counted as skipped)
//   timeoutMin  minutes before the suite is stopped and counted as failed (default 20)
//   env         extra environment variables
export const suites = [
  {
    name: 'typecheck',
    command: ['node', 'scripts/typecheck.mjs'],
    counts: { kind: 'summary-line' },
    timeoutMin: 10
  },
  {
    // Bugs, hooks misuse and layer breaches (eslint.config.js); no style rules.
    name: 'lint',
    command: ['node_modules/.bin/eslint', '.', '--max-warnings', '0'],
    counts: { kind: 'exit-code' },
    timeoutMin: 10
  },
  {
    // No import cycle anywhere, type-only imports included.
    name: 'cycles',
    command: ['node_modules/.bin/dpdm', '--no-warning', '--no-tree', '--exit-code', 'circular:1', 'shared/**/*.ts', 'node/**/*.ts', 'electron/**/*.ts', 'renderer/src/**/*.ts', 'renderer/src/**/*.tsx'],
    counts: { kind: 'exit-code' },
    timeoutMin: 5
  },
  {
    name: 'unit',
    command: ['node_modules/.bin/vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/reports/vitest.json'],
    counts: { kind: 'vitest-json', file: 'test-results/reports/vitest.json' }
  },
  {
    name: 'e2e',
    command: ['node_modules/.bin/playwright', 'test', '-c', 'playwright.config.ts'],
    counts: { kind: 'playwright-json', file: 'test-results/reports/e2e.json' },
    needsBuild: true
  },
  {
    name: 'electron-e2e',
    command: ['node_modules/.bin/tsx', 'tests/electron-e2e/run.ts'],
    counts: { kind: 'playwright-json', file: 'test-results/reports/electron-e2e.json' },
    skipLine: /^electron e2e skipped: .+$/m,
    needsBuild: true
  },
  {
    name: 'electronegativity',
    command: ['node', 'scripts/electronegativity.mjs'],
    counts: { kind: 'summary-line' },
    needsBuild: true,
    timeoutMin: 5
  }
]
