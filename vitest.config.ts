import { defineConfig } from 'vitest/config'

// Unit and integration tests of shared/, node/ and electron/ (e2e suites run with Playwright).
export default defineConfig({
  test: {
    include: ['tests/{shared,node,electron,renderer}/**/*.test.ts', 'tests/{shared,node,electron,renderer}/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks'
  }
})
