// End-to-end tests of the desktop app itself (Playwright's _electron). They need an Electron binary; run them
// through tests/electron-e2e/run.ts, which finds one or prints why the suite is skipped.
import { defineConfig } from '@playwright/test'

export default defineConfig({
  testDir: 'tests/electron-e2e',
  testMatch: '*.spec.ts',
  outputDir: 'test-results/electron-e2e',
  workers: 1,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  reporter: [['list'], ['json', { outputFile: 'test-results/reports/electron-e2e.json' }]]
})
