// A German window that cannot reach its lab host, or loses it, says so in German only: the load that fails
// (app.loadFailed with the connection's reason), the moment the host goes away and a call made after it (notices). This spec runs
// its own hosts (LabHost behind the test host's server), so it can refuse and stop them without touching the
// config's host that the other specs share.
import { join } from 'node:path'
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test'
import { LabHost } from '../../node/host/labHost'
import { startWebHost, type WebHost } from '../../node/web/server'
import { shot, watchProblems } from './ui'

const rendererDir = join(import.meta.dirname, '../../out/renderer')

/** English a German reader must not meet in these sentences (the connection's old English reason among them). */
const ENGLISH = /\b(the|connection|lab host|refused|lost|closed|could not|reload|page|running)\b/i

async function germanPage(browser: Browser): Promise<Page> {
  // A German browser: the window starts in German without anyone choosing it.
  const context = await browser.newContext({ locale: 'de-DE', viewport: { width: 1280, height: 720 } })
  return context.newPage()
}

async function germanOnly(alert: Locator): Promise<string> {
  const text = await alert.innerText()
  expect(text).not.toMatch(ENGLISH)
  return text
}

let host: WebHost

test.beforeEach(async () => {
  host = await startWebHost({ api: await LabHost.create({ seed: 7 }), rendererDir })
})

test.afterEach(async () => {
  await host.close()
})

test('a German window the lab host refuses says why in German', async ({ browser }) => {
  const page = await germanPage(browser)
  // The page comes from the host, but its socket presents a wrong token: the host refuses the connection.
  await page.goto(host.url.replace(/token=\w+/, 'token=0000'))
  const alert = page.getByRole('alert')
  await expect(alert).toHaveText(
    'Das Labor konnte nicht geladen werden. Die Verbindung zum Labor-Host wurde abgelehnt oder ist abgebrochen. Prüfen Sie, ob der Labor-Host läuft, und laden Sie die Seite dann neu.'
  )
  await germanOnly(alert)
  await expect(page.locator('html')).toHaveAttribute('lang', 'de')
  // The whole message is in the window: nothing cut off at its top edge.
  const box = (await alert.boundingBox())!
  expect(box.y).toBeGreaterThanOrEqual(0)
  expect(box.y + box.height).toBeLessThanOrEqual(720)
  await shot(page, 'connection-refused-de')
})

test('a German window whose lab host went away says so at once, and tells a failed action, in German', async ({ browser }) => {
  const page = await germanPage(browser)
  const problems = watchProblems(page)
  await page.goto(host.url)
  await expect(page.getByText('Schritt 0 von 0')).toBeVisible()
  await host.close()
  // The window says so at once, before anyone clicks…
  const lost = page.getByRole('alert').filter({ hasText: 'Die Verbindung zum Labor-Host wurde abgelehnt oder ist abgebrochen.' })
  await expect(lost).toHaveCount(1)
  // …and an action after it fails in the same words.
  await page.getByRole('button', { name: 'Datei', exact: true }).click()
  await page.getByRole('menuitem', { name: 'Neues Labor…' }).click()
  await page.getByRole('dialog', { name: 'Neues Labor' }).getByRole('button', { name: 'Anlegen' }).click()
  await expect(lost).toHaveCount(2)
  for (const alert of await page.getByRole('alert').all()) await germanOnly(alert)
  await shot(page, 'connection-lost-de')
  expect(problems).toEqual([])
})
