// Renderer end-to-end tests in Debian's Chromium (never a downloaded browser) against the test host, which runs a
// real LabHost. The host picks a free port and a fresh token; Playwright reads its URL from the host's first line
// of output into KEYFLOW_URL. Needs a built renderer (npm run build; npm test builds when stale).
import { defineConfig } from '@playwright/test'

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/e2e',
  // One lab behind one host: the tests share it, so they run one after another.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 30_000,
  reporter: [['list'], ['json', { outputFile: 'test-results/reports/e2e.json' }]],
  webServer: {
    command: 'node_modules/.bin/tsx node/web/testHost.ts --seed 7',
    wait: { stdout: /(?<keyflow_url>http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+)/ },
    stdout: 'ignore',
    stderr: 'pipe',
    timeout: 60_000,
    gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 }
  },
  use: {
    browserName: 'chromium',
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic']
    },
    trace: 'retain-on-failure'
  }
})
