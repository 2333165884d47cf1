// The smaller things a person notices: crypto-util's form offers choices instead of text that breaks when edited;
// toasts name the action, not its op id; a refused connection carries a red ✗; a crash shows its purple screen;
// the datastore's "key safes" chip fits a one-host cluster; the PNG export carries legend, step and narration.
import { expect, test, type Page } from '@playwright/test'
import { node, runFromToolbar, shot, watchProblems, encryptedVmLabFromToolbar } from './ui'

test.use({ viewport: { width: 1280, height: 720 } })

const OP_ID = /\b(kms|provider|vcenter|host|vm|lab)\.[a-z][A-Za-z]+\b/


/** Walks the event list back from the end with the keyboard until the narration tells `text`. */
async function showEvent(page: Page, text: RegExp): Promise<void> {
  await page.getByRole('tab', { name: 'Events' }).click()
  await page.getByRole('radio', { name: 'Wire' }).click()
  const list = page.getByRole('treegrid', { name: 'Events' })
  await list.focus()
  await page.keyboard.press('End')
  const narration = page.getByTestId('narration')
  for (let i = 0; i < 80 && !text.test(await narration.innerText()); i++) await page.keyboard.press('ArrowUp')
  await expect(narration).toHaveText(text)
}

test('toasts name the action; the datastore chip fits; crash and crypto-util', async ({ page }) => {
  test.setTimeout(90_000)
  const problems = watchProblems(page)
  await encryptedVmLabFromToolbar(page, 1)
  const toast = page.locator('.notice').last()
  await expect(toast).toContainText('Encrypt VM: done')
  for (const text of await page.locator('.notice').allInnerTexts()) expect(text).not.toMatch(OP_ID)

  // One host, one datastore column: both chips stay inside the node.
  const ds = node(page, 'datastore:datastore-cluster-a').or(page.locator('.react-flow__node-datastore')).first()
  const chip = ds.locator('.chip').filter({ hasText: 'key safes' })
  await expect(chip).toBeVisible()
  const [outer, inner] = [await ds.boundingBox(), await chip.boundingBox()]
  expect(inner!.y + inner!.height).toBeLessThanOrEqual(outer!.y + outer!.height)
  expect(inner!.x + inner!.width).toBeLessThanOrEqual(outer!.x + outer!.width)

  await runFromToolbar(page, 'Host', 'Crash host (purple screen)')
  await showEvent(page, /crashes \(purple screen\)/)
  await expect(page.locator('.psod')).toContainText('Purple screen')
  await shot(page, 'psod')

  await page.getByRole('navigation', { name: 'Actions' }).getByRole('button', { name: 'Host', exact: true }).click()
  await page.getByRole('menuitem', { name: /^Run crypto-util/ }).click()
  const form = page.getByRole('dialog', { name: 'Run crypto-util' })
  // A choice of runs on the host's dumps, no text to edit.
  await expect(form.getByRole('textbox')).toHaveCount(0)
  const args = form.getByLabel('Arguments')
  await expect(args.locator('option')).toHaveCount(2 * (await args.locator('option', { hasText: 'envelope describe' }).count()))
  await args.selectOption({ label: (await args.locator('option', { hasText: 'envelope extract' }).first().innerText()).trim() })
  await expect(form.getByText('The lab would accept this.')).toBeVisible()
  await form.getByRole('button', { name: 'Run', exact: true }).click()
  await expect(toast).toContainText('Run crypto-util: done')
  expect(problems).toEqual([])
})

test('a refused connection is marked with a red ✗; the PNG export tells its step', async ({ page }) => {
  test.setTimeout(90_000)
  const problems = watchProblems(page)
  await encryptedVmLabFromToolbar(page, 1)
  // The KMS stopped, a host reboots: vCenter's connection to the KMS for the host's keys is refused.
  await runFromToolbar(page, 'KMS', 'Stop KMS')
  await runFromToolbar(page, 'Host', 'Reboot host')
  await showEvent(page, /^vCenter cannot connect to kms-1: connection refused/)
  await expect(page.locator('.refused-at .refused-mark')).toBeVisible()
  await expect(page.locator('.event-row.is-selected .refused-mark')).toBeVisible()
  await shot(page, 'refused')

  // The picture: the stage down to the playback bar (legend, graph, narration), with the step number drawn in.
  const pane = await page.locator('.graph .react-flow').boundingBox()
  const bar = await page.locator('.timeline-bar').boundingBox()
  const stage = await page.locator('main.stage').boundingBox()
  await page.getByRole('button', { name: 'File', exact: true }).click()
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: /^Export the graph as PNG/ }).click()])
  const png = await (await download.createReadStream()).toArray()
  const bytes = Buffer.concat(png)
  expect(bytes.subarray(1, 4).toString()).toBe('PNG')
  const [width, height] = [bytes.readUInt32BE(16), bytes.readUInt32BE(20)]
  expect(width).toBe(Math.round(stage!.width * 2))
  expect(height).toBeGreaterThan(pane!.height * 2)
  expect(Math.abs(height - (bar!.y - stage!.y) * 2)).toBeLessThanOrEqual(2)
  // The step label is there only for the picture.
  await expect(page.locator('.export-step')).toHaveCount(0)
  expect(problems).toEqual([])
})
