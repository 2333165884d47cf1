// First contact: on an empty lab every disabled action says what to do first, in English and in German, and no
// validation library's words reach the screen.
import { expect, test, type Locator, type Page } from '@playwright/test'
import { node, openFreshLab, shot, submitForm, watchProblems } from './ui'

test.use({ viewport: { width: 1280, height: 720 } })

const LIBRARY_WORDS = /Invalid input|expected|received|undefined|Not a valid command|Kein gültiger Befehl/i

/** Opens each toolbar menu and returns the reasons its disabled items give. */
async function disabledReasons(page: Page): Promise<string[]> {
  const toolbar = page.locator('nav.action-menus')
  const groups = toolbar.locator(':scope > * button')
  const reasons: string[] = []
  for (let i = 0; i < (await groups.count()); i++) {
    await groups.nth(i).click()
    // Prerequisites are known without asking the core and show at once; a refusal only once the core answered the
    // check (the item is busy until then). Reading before that counted a different number of reasons per run.
    await expect(page.locator('[role="menuitem"][aria-busy="true"]')).toHaveCount(0)
    const items = page.locator('[role="menuitem"][aria-disabled="true"]')
    for (const hint of await items.locator('.menu-item-hint').allInnerTexts()) reasons.push(hint)
    await page.keyboard.press('Escape')
  }
  return reasons
}

/** `below` lies whole inside the canvas, under `card` (no overlap), once the graph has settled on its fit. */
async function expectBelowWhole(page: Page, card: Locator, below: Locator): Promise<void> {
  const canvas = page.locator('.stage-canvas')
  await expect(async () => {
    const [c, b, pane] = await Promise.all([card.boundingBox(), below.boundingBox(), canvas.boundingBox()])
    if (!c || !b || !pane) throw new Error('card, component or canvas not laid out')
    expect(b.y).toBeGreaterThanOrEqual(c.y + c.height)
    expect(b.y + b.height).toBeLessThanOrEqual(pane.y + pane.height)
    expect(b.x).toBeGreaterThanOrEqual(pane.x)
    expect(b.x + b.width).toBeLessThanOrEqual(pane.x + pane.width)
  }).toPass()
}

test('an empty lab names what to add first, in English and German', async ({ page }) => {
  const problems = watchProblems(page)
  await openFreshLab(page)
  const en = await disabledReasons(page)
  expect(en.length).toBeGreaterThan(10)
  for (const r of en) expect(r).not.toMatch(LIBRARY_WORDS)
  expect(en).toContain('Add a host first (Host menu).')
  expect(en).toContain('Create a VM first (VM menu).')
  await shot(page, 'first-contact-en')

  await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'DE' }).click()
  const de = await disabledReasons(page)
  expect(de.length).toBe(en.length)
  for (const r of de) expect(r).not.toMatch(LIBRARY_WORDS)
  expect(de).toContain('Fügen Sie zuerst einen Host hinzu (Menü „Host“).')
  await page.getByRole('group', { name: /Sprache|Language/ }).getByRole('button', { name: 'EN' }).click()
  expect(problems).toEqual([])
})

test('an empty lab offers three ways in; building it yourself is guided step by step', async ({ page }) => {
  const problems = watchProblems(page)
  await openFreshLab(page)
  const waysIn = page.getByRole('region', { name: 'An empty lab — three ways in' })
  await expect(waysIn).toBeVisible()
  // The lab's one component stays whole in sight below the card (a card laid over the graph once hid all of
  // vCenter but its last line at 1280 × 720).
  await expectBelowWhole(page, waysIn, node(page, 'vcenter'))
  await shot(page, 'ways-in-en')

  // Build it yourself: the first step's form opens; once it ran, the guide names step 2 and offers its form.
  await waysIn.getByRole('button', { name: 'Add KMS server…' }).click()
  await submitForm(page, 'Add KMS server')
  await expect(waysIn).toBeHidden()
  const guide = page.getByRole('complementary', { name: 'Build it yourself' })
  await expect(guide).toContainText('Step 2 of 6:')
  await guide.getByRole('button', { name: 'Add key provider…' }).click()
  await expect(page.getByRole('dialog', { name: 'Add key provider' })).toBeVisible()
  await page.keyboard.press('Escape')
  expect(problems).toEqual([])
})

test('the example lab opens finished, and the lesson opens paused at its start', async ({ page }) => {
  const problems = watchProblems(page)
  // The example: a finished lab, shown at its end, no lesson panel.
  await openFreshLab(page)
  // A fresh lab has nothing unsaved: the window replaces it without asking.
  await page.getByRole('button', { name: 'Open the example' }).click()
  await expect(page.getByText(/^Step (\d+) of \1$/)).toBeVisible()
  await expect(page.getByRole('tab', { name: 'Lesson' })).toHaveCount(0)
  await expect(node(page, 'vm:web-01')).toBeVisible()

  // A lesson: loaded paused at its start.
  await openFreshLab(page)
  await page.getByRole('button', { name: 'Start the lesson' }).click()
  await expect(page.getByRole('tab', { name: 'Lesson' })).toBeVisible()
  await expect(page.getByText(/^Step 0 of [1-9]\d*$/)).toBeVisible()
  expect(problems).toEqual([])
})

test('the three ways in speak German', async ({ page }) => {
  const problems = watchProblems(page)
  await openFreshLab(page)
  await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'DE' }).click()
  const de = page.getByRole('region', { name: 'Ein leeres Labor — drei Wege hinein' })
  await expect(de.getByRole('button', { name: 'Lektion starten' })).toBeVisible()
  await expect(de.getByRole('button', { name: 'KMS-Server hinzufügen…' })).toBeVisible()
  await expect(de.getByRole('button', { name: 'Beispiel öffnen' })).toBeVisible()
  await expectBelowWhole(page, de, node(page, 'vcenter'))
  await shot(page, 'ways-in-de')
  await page.getByRole('group', { name: /Sprache|Language/ }).getByRole('button', { name: 'EN' }).click()
  expect(problems).toEqual([])
})
