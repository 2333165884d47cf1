// Follow along on loopback: a presenter's window and two viewer windows (one in German, dark) of the same lab. The
// viewers show every step the presenter shows within a second (new commands, stepping back, a rewind), cannot change
// the lab (through the page or straight over the socket), can look around on their own and rejoin, and can download
// the lab file, which opens in another lab host. This spec runs its own host (LabHost + sharing), not the config's.
import { join } from 'node:path'
import { expect, test, type Browser, type Page } from '@playwright/test'
import { WebSocket } from 'ws'
import { LabHost } from '../../node/host/labHost'
import { startWebHost, type WebHost } from '../../node/web/server'
import { Sharing } from '../../node/web/sharing'
import { node, runFromToolbar, watchProblems } from './ui'

test.use({ viewport: { width: 1280, height: 720 } })
test.describe.configure({ mode: 'serial', timeout: 90_000 })

const FOLLOW_MS = 1000
const rendererDir = join(import.meta.dirname, '../../out/renderer')

let host: WebHost
let sharing: Sharing
let presenter: Page
let viewers: Page[]
const problems: string[][] = []

async function openPage(browser: Browser, url: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage()
  problems.push(watchProblems(page))
  await page.goto(url)
  return page
}

const position = (page: Page) => page.getByText(/^(Step|Schritt) \d+ (of|von) \d+$/)
const seqOf = async (page: Page) => (await position(page).innerText()).match(/\d+/g)!.map(Number)

/** Every viewer shows the step the presenter shows (and has as many events), within FOLLOW_MS. */
async function viewersFollow(): Promise<void> {
  const [seq, end] = await seqOf(presenter)
  for (const v of viewers) await expect(position(v)).toHaveText(new RegExp(`^(Step|Schritt) ${seq} (of|von) ${end}$`), { timeout: FOLLOW_MS })
}

test.beforeAll(async ({ browser }) => {
  // Three windows on a shared 2-core machine take a while to start.
  test.setTimeout(90_000)
  const api = await LabHost.create({ seed: 7 })
  sharing = new Sharing({ api, rendererDir })
  host = await startWebHost({ api: sharing.presenterApi(), rendererDir })
  const { viewerUrl } = await sharing.start('127.0.0.1')
  presenter = await openPage(browser, host.url)
  await expect(presenter.getByText('Step 0 of 0')).toBeVisible()
  // New commands jump to their end on the presenter's screen (the viewers' timing is what is measured here).
  await presenter.getByRole('button', { name: 'Settings' }).click()
  const box = presenter.getByLabel('Play new commands step by step')
  if (await box.isChecked()) await box.uncheck()
  await presenter.keyboard.press('Escape')
  viewers = [await openPage(browser, viewerUrl!), await openPage(browser, viewerUrl!)]
  for (const v of viewers) await expect(v.getByText('Following the presenter')).toBeVisible()
  // The second viewer reads in German, in the dark: their own choice, not the presenter's.
  const de = viewers[1]
  await de.getByRole('group', { name: 'Language' }).getByRole('button', { name: /DE|Deutsch/ }).click()
  await de.getByRole('button', { name: 'Einstellungen' }).click()
  await de.getByLabel('Dunkel').check()
  await de.keyboard.press('Escape')
  await expect(de.getByText('Sie folgen der vortragenden Person')).toBeVisible()
})

test.afterAll(async () => {
  await sharing?.dispose()
  await host?.close()
})

test('viewers see each command, step and rewind of the presenter within a second', async () => {
  await expect.poll(() => sharing.status().viewers).toBe(2)
  await runFromToolbar(presenter, 'KMS', 'Add KMS server')
  await expect(node(presenter, 'kms:kms-1')).toBeVisible()
  await viewersFollow()
  for (const v of viewers) await expect(node(v, 'kms:kms-1')).toBeVisible({ timeout: FOLLOW_MS })
  await runFromToolbar(presenter, 'Host', 'Add host')
  await expect(node(presenter, 'host:esx-01')).toBeVisible()
  await viewersFollow()
  for (const v of viewers) await expect(node(v, 'host:esx-01')).toBeVisible({ timeout: FOLLOW_MS })
  await runFromToolbar(presenter, 'Host', 'Add host')
  await expect(node(presenter, 'host:esx-02')).toBeVisible()
  await viewersFollow()

  // Stepping back and forth: the viewers go with the presenter.
  await presenter.getByRole('button', { name: 'Step back' }).click()
  await presenter.getByRole('button', { name: 'Step back' }).click()
  await viewersFollow()
  await presenter.keyboard.press('Home')
  await viewersFollow()
  for (const v of viewers) await expect(node(v, 'host:esx-01')).toHaveCount(0, { timeout: FOLLOW_MS })
  await presenter.keyboard.press('End')
  await viewersFollow()

  // A rewind of the lab: the viewers' history is cut as the presenter's is.
  const [, endBefore] = await seqOf(presenter)
  await presenter.locator('.event-row').filter({ hasText: /esx-01/ }).last().click()
  presenter.once('dialog', (d) => void d.accept())
  await presenter.getByRole('button', { name: 'Rewind the lab to here' }).click()
  await expect.poll(async () => (await seqOf(presenter))[1]).toBeLessThan(endBefore)
  await viewersFollow()
  for (const v of viewers) await expect(node(v, 'host:esx-02')).toHaveCount(0, { timeout: FOLLOW_MS })
  await presenter.screenshot({ path: 'test-results/screenshots/follow-presenter.png' })
  await viewers[0].screenshot({ path: 'test-results/screenshots/follow-viewer-en.png' })
  await viewers[1].screenshot({ path: 'test-results/screenshots/follow-viewer-de-dark.png' })
})

test('a viewer can look around on their own and rejoin the presenter', async () => {
  const v = viewers[0]
  await v.getByRole('button', { name: 'Stop following' }).click()
  await expect(v.getByText('Looking around on your own')).toBeVisible()
  await v.keyboard.press('Home')
  await expect(position(v)).toHaveText(/^Step 0 of/)
  await runFromToolbar(presenter, 'VM', 'Create VM')
  await expect(node(presenter, 'vm:vm-01')).toBeVisible()
  // The other viewer follows; this one stays where it looked (and still gets the new events).
  const [seq, end] = await seqOf(presenter)
  await expect(position(viewers[1])).toHaveText(`Schritt ${seq} von ${end}`, { timeout: FOLLOW_MS })
  await expect(position(v)).toHaveText(`Step 0 of ${end}`, { timeout: FOLLOW_MS })
  await node(v, 'vcenter').click()
  await expect(v.getByRole('heading', { name: 'vCenter' }).first()).toBeVisible()
  await v.getByRole('button', { name: 'Follow the presenter' }).click()
  await viewersFollow()
})

test('a viewer cannot change the lab: the page has no way to, and the host refuses it over the socket', async () => {
  const v = viewers[0]
  await expect(v.getByRole('navigation', { name: 'Actions' })).toHaveCount(0)
  await expect(v.getByRole('button', { name: 'File', exact: true })).toHaveCount(0)
  const end = (await seqOf(presenter))[1]
  // Through the page: its own origin, its own viewer token, every changing call.
  const refusals = await v.evaluate(async () => {
    const token = new URL(location.href).searchParams.get('viewer')!
    const ws = new WebSocket(`ws://${location.host}/api?viewer=${token}`)
    await new Promise((r) => ws.addEventListener('open', r))
    const calls: [string, unknown[]][] = [
      ['runCommand', [{ op: 'host.add', name: 'esx-09', cluster: 'c' }]],
      ['rewind', [0]],
      ['newLab', [{}]],
      ['saveLab', [{}]],
      ['openLab', [{}]],
      ['importLab', ['{}']],
      ['checkCommands', [[]]],
      ['showStep', [{ labId: 'x', seq: 0 }]],
      ['setSharing', [{ address: null }]]
    ]
    const answers = new Map<number, string>()
    ws.addEventListener('message', (e) => {
      const m = JSON.parse(String(e.data))
      if ('id' in m) answers.set(m.id, m.error ? m.error.message : 'ALLOWED')
    })
    // One after another: a viewer may have only a few calls waiting.
    for (const [i, [method, args]] of calls.entries()) {
      ws.send(JSON.stringify({ id: i + 1, method, args }))
      while (!answers.has(i + 1)) await new Promise((r) => setTimeout(r, 10))
    }
    ws.close()
    return calls.map((_, i) => answers.get(i + 1)!)
  })
  for (const r of refusals) expect(r).toMatch(/refused: a viewer follows the presenter/)

  // Straight over the socket from outside a page, with the right Origin and the viewer token.
  const viewerUrl = new URL(sharing.status().viewerUrl!)
  const ws = new WebSocket(`ws://${viewerUrl.host}/api?viewer=${viewerUrl.searchParams.get('viewer')}`, { origin: viewerUrl.origin })
  await new Promise((r) => ws.once('open', r))
  const reply = new Promise<{ error?: { message: string } }>((r) => ws.on('message', (d) => (JSON.parse(String(d)).id === 7 ? r(JSON.parse(String(d))) : undefined)))
  ws.send(JSON.stringify({ id: 7, method: 'runCommand', args: [{ op: 'kms.add', name: 'kms-9', provider: 'p' }] }))
  expect((await reply).error?.message).toMatch(/^runCommand: refused/)
  ws.close()
  expect((await seqOf(presenter))[1]).toBe(end)
})

test('a viewer downloads the lab as it is now, and it opens in another KeyFlow Lab (desktop, command line)', async () => {
  const v = viewers[1]
  const [download] = await Promise.all([v.waitForEvent('download'), v.getByRole('button', { name: 'Dieses Labor herunterladen' }).click()])
  expect(download.suggestedFilename()).toMatch(/\.kflab$/)
  // Another KeyFlow Lab opens it by path, as the desktop's File → Open and the command line do.
  const other = await LabHost.create({ seed: null })
  await other.openLab({ path: (await download.path())! })
  const theirs = await other.getTimeline()
  const presenterEnd = (await seqOf(presenter))[1]
  expect(theirs.events.at(-1)?.seq).toBe(presenterEnd)
  expect(Object.keys(theirs.base).length + theirs.events.length).toBeGreaterThan(0)
})

test('stopping sharing disconnects every viewer, and they say so', async () => {
  await sharing.stop()
  for (const v of viewers.slice(0, 1)) await expect(v.getByText('The presenter stopped sharing. What you see stays as it was.')).toBeVisible()
  await expect(viewers[1].getByText('Die vortragende Person hat das Teilen beendet. Was Sie sehen, bleibt so stehen.')).toBeVisible()
  expect(sharing.status().viewers).toBe(0)
  await viewers[0].screenshot({ path: 'test-results/screenshots/follow-viewer-stopped.png' })
  for (const p of problems) expect(p.filter((line) => !/WebSocket|ERR_CONNECTION_REFUSED/.test(line))).toEqual([])
})
