// The desktop app end to end: the built app in a real Electron, a fresh profile per run.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test'

const executablePath = process.env.KEYFLOW_ELECTRON_PATH
test.skip(!executablePath, 'no Electron binary: run this suite through tests/electron-e2e/run.ts')

let app: ElectronApplication

test.beforeAll(async () => {
  app = await electron.launch({
    executablePath,
    args: ['.'],
    cwd: join(import.meta.dirname, '../..'),
    env: { ...process.env, KEYFLOW_USER_DATA_DIR: mkdtempSync(join(tmpdir(), 'kf-electron-')), ELECTRON_RENDERER_URL: '' }
  })
})

test.afterAll(async () => {
  await app?.close()
})

test('the window loads from app:// and the page sees only the LabApi', async () => {
  const win = await app.firstWindow()
  expect(win.url()).toBe('app://lab/index.html')
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1)
  // Named LabApi functions, and nothing of Node or Electron (sandbox + context isolation + no node integration).
  const globals = await win.evaluate(() => ({
    api: Object.keys(window.labApi ?? {}).sort(),
    require: typeof (window as unknown as { require?: unknown }).require,
    process: typeof (window as unknown as { process?: unknown }).process
  }))
  expect(globals.api).toContain('runCommand')
  expect(globals.api).not.toContain('invoke')
  expect(globals.require).toBe('undefined')
  expect(globals.process).toBe('undefined')
})

test('adding a host by clicking draws it and lists its events', async () => {
  const win = await app.firstWindow()
  await win.getByRole('navigation', { name: 'Actions' }).getByRole('button', { name: 'Host', exact: true }).click()
  await win.getByRole('menuitem', { name: /^Add host/ }).click()
  const dialog = win.getByRole('dialog', { name: 'Add host' })
  await dialog.getByLabel('Name', { exact: true }).fill('esx-01')
  await dialog.getByLabel('Cluster', { exact: true }).fill('cluster-a')
  await expect(dialog.getByText('The lab would accept this.')).toBeVisible()
  await dialog.getByRole('button', { name: 'Run', exact: true }).click()
  await win.keyboard.press('End')
  await expect(win.locator('.react-flow__node[data-id="host:esx-01"]')).toContainText('incapable')
  await expect(win.getByRole('list', { name: 'Events' }).locator('.event-row').first()).toBeVisible()
  await win.screenshot({ path: 'test-results/screenshots/electron-add-host.png' })
})

test('the window cannot navigate away or open windows', async () => {
  const win = await app.firstWindow()
  await win.evaluate(() => {
    window.open('https://example.com/')
    location.href = 'https://example.com/'
  })
  await win.waitForTimeout(500)
  expect(win.url()).toBe('app://lab/index.html')
  expect(app.windows()).toHaveLength(1)
})
