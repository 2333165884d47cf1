// Keyboard and screen readers: axe-core scans the main views (empty lab, a full lab with an inspector open, a
// lesson, a dialog, presenter mode, the dark theme) and finds no serious or critical violation; the event list is
// one Tab stop moved with the arrow keys; after a lesson loads, Space plays it.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { expect, test, type Page } from '@playwright/test'
import { labUrl, loadLesson, node, openFreshLab, runFromToolbar, shot, watchProblems, encryptedVmLabFromToolbar } from './ui'

test.use({ viewport: { width: 1280, height: 720 } })

const require = createRequire(import.meta.url)
const AXE_SOURCE = readFileSync(require.resolve('axe-core'), 'utf8')

interface AxeViolation {
  id: string
  impact: string | null
  help: string
  nodes: { target: string[]; failureSummary?: string }[]
}

/** The serious and critical violations axe-core finds in the page as it is now, one line each. */
async function axeProblems(page: Page, view: string): Promise<string[]> {
  // The window's CSP refuses inline scripts (addScriptTag would be one); the test's own evaluate is not a page script.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE)
  const violations = (await page.evaluate(() =>
    (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: unknown[] }> } }).axe
      .run(document, { resultTypes: ['violations'] })
      .then((r) => r.violations)
  )) as AxeViolation[]
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${view}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`).join(' | ')}`)
}


test('axe-core finds no serious or critical violation in the main views', async ({ page }) => {
  test.setTimeout(180_000)
  const problems = watchProblems(page)
  const found: string[] = []
  await openFreshLab(page)
  found.push(...(await axeProblems(page, 'empty lab')))

  await encryptedVmLabFromToolbar(page)
  await node(page, 'host:esx-01').click()
  await expect(page.getByRole('heading', { name: 'esx-01', exact: true })).toBeVisible()
  found.push(...(await axeProblems(page, 'full lab, host inspector')))
  await page.getByRole('tab', { name: 'Events' }).click()
  found.push(...(await axeProblems(page, 'full lab, events')))

  await page.getByRole('navigation', { name: 'Actions' }).getByRole('button', { name: 'VM', exact: true }).click()
  await page.getByRole('menuitem', { name: /^Rekey/ }).first().click()
  await expect(page.getByRole('dialog')).toBeVisible()
  found.push(...(await axeProblems(page, 'command dialog')))
  await page.keyboard.press('Escape')

  await page.keyboard.press('?')
  await expect(page.getByRole('dialog')).toBeVisible()
  found.push(...(await axeProblems(page, 'shortcut sheet')))
  await page.keyboard.press('Escape')

  await openFreshLab(page)
  await loadLesson(page, 'Your first encrypted VM')
  found.push(...(await axeProblems(page, 'lesson')))

  await page.keyboard.press('p')
  await expect(page.locator('html')).toHaveAttribute('data-presenter', 'true')
  found.push(...(await axeProblems(page, 'presenter mode')))
  await page.keyboard.press('p')
  await expect(page.locator('html')).toHaveAttribute('data-presenter', 'false')

  await page.getByRole('button', { name: 'Settings' }).click()
  await page.getByRole('radio', { name: 'Dark', exact: true }).check()
  await page.keyboard.press('Escape')
  found.push(...(await axeProblems(page, 'dark theme, lesson')))
  await page.getByRole('button', { name: 'Jump to now' }).click()
  await node(page, 'vm:web-01').click()
  found.push(...(await axeProblems(page, 'dark theme, VM inspector')))
  await shot(page, 'a11y-dark')
  await page.getByRole('button', { name: 'Settings' }).click()
  await page.getByRole('radio', { name: 'Light', exact: true }).check()
  await page.keyboard.press('Escape')

  expect(found, found.join('\n')).toEqual([])
  expect(problems).toEqual([])
})

test('the event list is one Tab stop: arrow keys, Home and End move through the events', async ({ page }) => {
  await openFreshLab(page, { play: false })
  await runFromToolbar(page, 'KMS', 'Add KMS server')
  await runFromToolbar(page, 'vCenter & providers', 'Add key provider')
  const list = page.getByRole('treegrid', { name: 'Events' })
  await list.focus()
  await page.keyboard.press('Home')
  const selected = list.locator('[role="row"][aria-selected="true"]')
  await expect(selected).toHaveAttribute('data-seq', '1')
  await expect(list).toHaveAttribute('aria-activedescendant', 'event-row-1')
  await page.keyboard.press('ArrowDown')
  await expect(selected).toHaveAttribute('data-seq', '2')
  await expect(page.getByText(/^Step 2 of \d+$/)).toBeVisible()
  await page.keyboard.press('End')
  const last = await list.locator('[role="row"][data-seq]').last().getAttribute('data-seq')
  await expect(selected).toHaveAttribute('data-seq', last ?? '')
  await page.keyboard.press('ArrowUp')
  await expect(selected).toHaveAttribute('data-seq', String(Number(last) - 1))
  // One Tab stop: Tab leaves the list instead of walking its rows.
  await page.keyboard.press('Tab')
  await expect(list).not.toBeFocused()
  expect(await page.evaluate(() => document.activeElement?.closest('.event-list') === null)).toBe(true)
})

test('after a lesson loads, the focus is where Space plays it', async ({ page }) => {
  await openFreshLab(page)
  await loadLesson(page, 'Your first encrypted VM')
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeFocused()
  await page.keyboard.press(' ')
  await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible()
  await page.keyboard.press(' ')
})

test.describe('on a beamer (1920×1080, ?presenter=1)', () => {
  test.use({ viewport: { width: 1920, height: 1080 } })

  test('the ways in read in English and German, with no serious axe finding', async ({ page }) => {
    test.setTimeout(120_000)
    await openFreshLab(page)
    await page.goto(`${labUrl()}&presenter=1`)
    await expect(page.locator('html')).toHaveAttribute('data-presenter', 'true')
    const found = await axeProblems(page, 'presenter, empty lab')
    await shot(page, 'presenter-1920-ways-in-en')
    await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'DE' }).click()
    await expect(page.getByRole('region', { name: 'Ein leeres Labor — drei Wege hinein' })).toBeVisible()
    await shot(page, 'presenter-1920-ways-in-de')
    await page.getByRole('group', { name: /Sprache|Language/ }).getByRole('button', { name: 'EN' }).click()
    await page.keyboard.press('p')
    expect(found, found.join('\n')).toEqual([])
  })
})
