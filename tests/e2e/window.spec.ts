// The window's own features: keys flying (and not, with reduced motion), the KMIP message as linked tree and bytes,
// languages, the table view, keyboard, checkpoints and exports.
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs'
import { expect, test, type Page } from '@playwright/test'
import { loadLesson, node, openFreshLab, runFromToolbar, shot, watchProblems } from './ui'

test.use({ viewport: { width: 1280, height: 720 } })

/** Selects an event by its sentence, with the list filtered so the row is on screen, then shows everything again. */
async function selectEvent(page: Page, text: RegExp, filter: { kinds?: string[]; keyTypes?: string[] } = {}) {
  await page.getByRole('tab', { name: 'Events' }).click()
  await page.getByRole('button', { name: /^Filters/ }).click()
  const panel = page.getByRole('dialog', { name: 'Filters' })
  for (const kind of ['KMIP messages', 'TLS sessions', 'Trust', 'Keys', 'Files and disks', 'States', 'Refusals'])
    if (filter.kinds && !filter.kinds.includes(kind)) await panel.getByLabel(kind, { exact: true }).uncheck()
  for (const k of ['Host key', 'KEK', 'DEK', 'One-time key', 'No key'])
    if (filter.keyTypes && !filter.keyTypes.includes(k)) await panel.getByLabel(k, { exact: true }).uncheck()
  await page.keyboard.press('Escape')
  await page.locator('.event-row').filter({ hasText: text }).first().click()
  await page.getByRole('button', { name: /^Filters/ }).click()
  await page.getByRole('dialog', { name: 'Filters' }).getByRole('button', { name: 'Show everything' }).click()
  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog', { name: 'Filters' })).toHaveCount(0)
}

test('a key flies along its line, pauses mid-way, and the KMIP message shows as linked tree and bytes ', async ({ page }) => {
  const problems = watchProblems(page)
  await openFreshLab(page)
  await loadLesson(page, 'Your first encrypted VM')
  // At a quarter of the speed a token's flight lasts 4.4 s: long enough to catch it on its way on a busy machine.
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('0.25')
  // The KMS sends the KEK's material to vCenter inside a KMIP Get response.
  await selectEvent(page, /sends the key material of/, { kinds: ['KMIP messages'], keyTypes: ['KEK'] })
  const detail = page.getByRole('region', { name: 'Event' })
  await expect(detail).toContainText('KMIP Get response')
  await expect(detail).toContainText('key material')

  // one step back, then forward: the token flies from the KMS to vCenter; pause it half-way
  await page.keyboard.press('ArrowLeft')
  await page.keyboard.press('ArrowRight')
  const token = page.locator('.token').filter({ has: page.locator('.glyph-material.kt-kek') })
  await expect(token).toHaveCount(1)
  // pause as soon as it is on its way (a fixed wait overshoots on a busy machine)
  // How far along its way it is (%), and where it is drawn.
  const progress = () => token.evaluate((el) => 100 * (el.getAnimations()[0]?.effect?.getComputedTiming().progress ?? 0))
  const place = () => token.evaluate((el) => getComputedStyle(el).transform)
  await expect.poll(progress, { intervals: [10], timeout: 5_000 }).toBeGreaterThan(10)
  await page.keyboard.press('Space')
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible()
  const at = await progress()
  const drawnAt = await place()
  await page.waitForTimeout(300)
  // paused: it does not move, and the state is still before the event (vCenter has no key yet)
  expect(await progress()).toBe(at)
  expect(await place()).toBe(drawnAt)
  expect(drawnAt).not.toBe('none')
  expect(at).toBeGreaterThan(10)
  expect(at).toBeLessThan(90)
  await expect(page.locator('.event-row.is-flying')).toContainText('sends the key material')

  // Hover the key material in the tree: its bytes light up; hover a byte: its field lights up.
  await detail.getByRole('heading', { name: /KMIP Get response/ }).scrollIntoViewIfNeeded()
  await detail.getByRole('treeitem').filter({ hasText: /^Key Material/ }).hover()
  expect(await detail.locator('.hex-byte.is-hl, .hex-byte.is-hl-head').count()).toBeGreaterThan(32)
  await shot(page, 'kek-in-flight')
  await detail.locator('.hex-byte').nth(3).hover()
  await expect(detail.getByRole('treeitem', { selected: true })).toHaveText(/^Response Message/)

  // Step forward: the token in the air lands at once, and its event is the current step.
  await page.keyboard.press('ArrowRight')
  await expect(token).toHaveCount(0)
  await expect(page.locator('.event-row.is-current')).toContainText('sends the key material')
  expect(problems).toEqual([])
})

test('with reduced motion the line and its ends light up instead of a moving token', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' })
  await openFreshLab(page)
  await runFromToolbar(page, 'KMS', 'Add KMS server')
  await runFromToolbar(page, 'vCenter & providers', 'Add key provider')
  await runFromToolbar(page, 'vCenter & providers', 'Establish trust')
  // the trust events play; a travelling event draws its route and rings both ends, and nothing animates
  await expect(page.locator('.route-highlight.is-strong')).toHaveCount(1)
  await expect(page.locator('.endpoint-ring')).toHaveCount(2)
  await expect(page.locator('.token.is-static')).toHaveCount(1)
  expect(await page.evaluate(() => document.getAnimations().filter((a) => a.playState === 'running').length)).toBe(0)
  await shot(page, 'reduced-motion')
})

test('German at the flick of a switch: menus, narration and inspector', async ({ page }) => {
  await openFreshLab(page, { play: false })
  await runFromToolbar(page, 'Host', 'Add host')
  await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'DE' }).click()
  await expect(page.getByRole('navigation', { name: 'Aktionen' }).getByRole('button', { name: 'Host', exact: true })).toBeVisible()
  await expect(page.locator('.narration-text')).toContainText('tritt Cluster')
  await expect(page.getByRole('tab', { name: 'Ereignisse' })).toBeVisible()
  // The crowded German header still shows the whole "Unbenannt" and the mark of unsaved changes after it.
  const fileName = page.locator('.file-name-text')
  await expect(fileName).toHaveText('Unbenannt')
  expect(await fileName.evaluate((e) => e.scrollWidth <= e.clientWidth), 'the file name is not cut').toBe(true)
  const unsaved = page.getByLabel('Ungespeicherte Änderungen')
  await expect(unsaved).toBeVisible()
  const menus = (await page.getByRole('navigation', { name: 'Aktionen' }).boundingBox())!
  const mark = (await unsaved.boundingBox())!
  expect(mark.x + mark.width, 'the unsaved mark ends before the command menus').toBeLessThanOrEqual(menus.x)
  await node(page, 'host:esx-01').click()
  await expect(page.getByRole('complementary', { name: 'Inspektor' })).toContainText('Arbeitsspeicher')
  await shot(page, 'german')
  await page.getByRole('group', { name: 'Sprache' }).getByRole('button', { name: 'EN' }).click()
  await expect(page.locator('.narration-text')).toContainText('joins cluster')
})

test('in German at 1280×720 the timeline bar keeps one row when the playback steps back from the end', async ({ page }) => {
  await openFreshLab(page, { play: false })
  await loadLesson(page, 'Your first encrypted VM')
  await page.keyboard.press('End')
  await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'DE' }).click()
  const bar = page.locator('.timeline-bar')
  const filters = page.getByRole('button', { name: /^Filter/ })
  // Three-digit steps (the lesson has more than a hundred events), the longest German labels.
  await expect(page.getByText(/^Schritt \d{3} von \d{3}$/)).toBeVisible()
  const position = page.locator('.position')
  const rows = async () => ({
    bar: (await bar.boundingBox())!.height,
    filtersTop: (await filters.boundingBox())!.y - (await bar.boundingBox())!.y,
    position: Math.round((await position.boundingBox())!.width)
  })
  const atEnd = await rows()
  // One step back: as many digits as at the end, so the counter is as wide as before unless its badge takes room.
  await page.keyboard.press('ArrowLeft')
  await expect(page.locator('.position.is-past')).toBeVisible()
  const inThePast = await rows()
  expect(inThePast).toEqual(atEnd)
  expect(atEnd.bar, 'one row').toBeLessThan(50)
  await shot(page, 'german-timeline-past')
  await page.getByRole('group', { name: 'Sprache' }).getByRole('button', { name: 'EN' }).click()
})

test('the table view lists every component and line, and inspects from there', async ({ page }) => {
  await openFreshLab(page, { play: false })
  await loadLesson(page, 'Host reboot: where do the keys come from?')
  await page.keyboard.press('End')
  await page.getByRole('button', { name: 'Table' }).click()
  const components = page.getByRole('table', { name: 'Components' })
  await expect(components.getByRole('row', { name: /vcenter/ })).toContainText('key IDs')
  const host = components.getByRole('row').filter({ hasText: 'ESXi host' }).first()
  await expect(host).toContainText('safe')
  await host.getByRole('button', { name: 'Inspect' }).click()
  await expect(page.getByRole('complementary', { name: 'Inspector' }).getByRole('table', { name: 'key cache' })).toBeVisible()
  await expect(page.getByRole('table', { name: 'Lines' })).toContainText('KMIP over TLS')
  await shot(page, 'table-view')
  await page.keyboard.press('t')
  await expect(page.locator('.react-flow')).toBeVisible()
})

test('the keyboard drives the playback: checkpoints, reset, steps, presenter mode', async ({ page }) => {
  await openFreshLab(page, { play: false })
  await runFromToolbar(page, 'Host', 'Add host')
  await runFromToolbar(page, 'Host', 'Add host')
  const position = page.locator('.position')
  await expect(position).toHaveText('Step 3 of 3')
  await page.keyboard.press('ArrowLeft')
  await expect(position).toHaveText('Step 2 of 3')
  await expect(node(page, 'host:esx-02')).toHaveCount(0)
  await expect(node(page, 'host:esx-01')).toBeVisible()
  await page.keyboard.press('c')
  await page.keyboard.press('r')
  await expect(position).toHaveText('Step 0 of 3')
  await expect(node(page, 'host:esx-01')).toHaveCount(0)
  await page.keyboard.press('1')
  await expect(position).toHaveText('Step 2 of 3')
  await page.keyboard.press('ArrowRight')
  await expect(position).toHaveText('Step 3 of 3')
  await page.keyboard.press('End')
  await expect(node(page, 'host:esx-02')).toBeVisible()
  // a focused node opens its actions with Shift+F10, like a right click
  await node(page, 'host:esx-02').focus()
  await page.keyboard.press('Shift+F10')
  await expect(page.getByRole('menu', { name: 'Actions for esx-02' })).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(page.getByRole('menu', { name: 'Actions for esx-02' })).toHaveCount(0)
  await page.keyboard.press('p')
  await expect(page.locator('html')).toHaveAttribute('data-presenter', 'true')
  await expect(page.getByText('Presenting')).toBeVisible()
  await shot(page, 'presenter')
  await page.keyboard.press('?')
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible()
  await page.keyboard.press('Escape')
  await page.keyboard.press('p')
})

test('the event log exports as Markdown and JSON, the graph as PNG, the lab saves and opens again, and rewinds to an earlier step', async ({ page }) => {
  await openFreshLab(page, { play: false })
  await runFromToolbar(page, 'Host', 'Add host')
  await runFromToolbar(page, 'Host', 'Add host')
  await page.getByRole('button', { name: 'File', exact: true }).click()
  const [md] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'Export the log as Markdown' }).click()])
  const text = readFileSync((await md.path())!, 'utf8')
  expect(text).toContain('# KeyFlow Lab event log')
  expect(text).toContain('## 2. Add host — `host.add` esx-02 · cluster-a')
  await page.getByRole('button', { name: 'File', exact: true }).click()
  const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'Export the log as JSON' }).click()])
  expect(JSON.parse(readFileSync((await json.path())!, 'utf8')).events).toHaveLength(3)

  // The graph as shown, as a PNG at twice the pane's size (sharp on a projector), without the zoom buttons.
  await page.getByRole('button', { name: 'File', exact: true }).click()
  const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'Export the graph as PNG (as shown)' }).click()])
  expect(png.suggestedFilename()).toMatch(/-graph\.png$/)
  const picture = readFileSync((await png.path())!)
  expect(picture.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a')
  const pane = (await page.locator('.graph .react-flow').boundingBox())!
  expect(Math.abs(picture.readUInt32BE(16) - pane.width * 2)).toBeLessThanOrEqual(4)
  // The graph as shown, with the step, narration and legend added around it (marks.spec.ts checks those).
  expect(picture.readUInt32BE(20)).toBeGreaterThan(pane.height * 2)
  expect(picture.length).toBeGreaterThan(20_000)
  // Drawn as on screen: lines and highlight rings keep their look (unstyled SVG would fill them black).
  const darkShare = await page.evaluate(async (b64) => {
    const img = new Image()
    img.src = `data:image/png;base64,${b64}`
    await img.decode()
    const canvas = document.createElement('canvas')
    canvas.width = img.width
    canvas.height = img.height
    const g = canvas.getContext('2d')!
    g.drawImage(img, 0, 0)
    const px = g.getImageData(0, 0, img.width, img.height).data
    let dark = 0
    for (let i = 0; i < px.length; i += 4) if (px[i] < 40 && px[i + 1] < 40 && px[i + 2] < 40) dark++
    return dark / (px.length / 4)
  }, picture.toString('base64'))
  expect(darkShare).toBeLessThan(0.03)
  // page.screenshot makes its folder; a plain copy does not, and this spec may run first or alone.
  mkdirSync('test-results/screenshots', { recursive: true })
  copyFileSync((await png.path())!, 'test-results/screenshots/graph-export.png')
  // In the table view there is no graph to draw: the item says why it is off.
  await page.getByRole('button', { name: 'Table' }).click()
  await page.getByRole('button', { name: 'File', exact: true }).click()
  await expect(page.getByRole('menuitem', { name: /Export the graph as PNG/ })).toHaveAttribute('aria-disabled', 'true')
  await page.keyboard.press('Escape')
  await page.getByRole('button', { name: 'Graph' }).click()

  // Save downloads the lab file; opening it brings the same lab back.
  await page.getByRole('button', { name: 'File', exact: true }).click()
  const [saved] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'Save' }).click()])
  const file = (await saved.path())!
  // The same container the desktop saves (not base64 text): its first bytes are the lab file's signature.
  expect(readFileSync(file).subarray(0, 6).toString('latin1')).toBe('\x89KFLAB')
  await openFreshLab(page, { play: false })
  await expect(node(page, 'host:esx-02')).toHaveCount(0)
  await page.locator('input[type="file"]').setInputFiles(file)
  await expect(node(page, 'host:esx-02')).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: /^Opened/ })).toBeVisible()

  // Undo: the lab itself goes back to step 2 (the second host never happened).
  await page.getByRole('tab', { name: 'Events' }).click()
  await page.locator('.event-row[data-seq="2"]').click()
  page.once('dialog', (d) => void d.accept())
  await page.getByRole('button', { name: 'Rewind the lab to here' }).click()
  await expect(page.locator('.position')).toHaveText('Step 2 of 2')
  await expect(node(page, 'host:esx-02')).toHaveCount(0)
})
