// Driving the window like a user: menus, forms, the graph, the timeline. Shared by the e2e specs.
import { expect, type Locator, type Page } from '@playwright/test'

export function labUrl(): string {
  const url = process.env.KEYFLOW_URL
  if (!url) throw new Error('KEYFLOW_URL is not set: run these tests through playwright.config.ts (it starts the test host)')
  return url
}

/** Console errors, page errors and CSP violations: a clean page has none. */
export function watchProblems(page: Page): string[] {
  const problems: string[] = []
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`)
  })
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`))
  return problems
}

/**
 * Opens the lab with a fresh, seeded lab; `play` false: new commands jump to their end instead of playing. The
 * timeline is at wire pace (every message) unless `pace` says story. The lab a previous test left is discarded.
 */
export async function openFreshLab(page: Page, opts: { seed?: number; play?: boolean; pace?: 'story' | 'wire' } = {}): Promise<void> {
  await page.goto(labUrl())
  await expect(page.getByRole('tab', { name: 'Events' })).toBeVisible()
  await page.getByRole('button', { name: 'File', exact: true }).click()
  await page.getByRole('menuitem', { name: 'New lab…' }).click()
  const dialog = page.getByRole('dialog', { name: 'New lab' })
  await dialog.getByLabel(/^Seed/).fill(String(opts.seed ?? 7))
  await dialog.getByRole('button', { name: 'Create' }).click()
  await discardUnsaved(page)
  await expect(page.getByText('Step 0 of 0')).toBeVisible()
  await choosePlayback(page, opts)
}

/** The timeline's pace (wire unless said) and, with `play` false, new commands jump to their end instead of playing. */
export async function choosePlayback(page: Page, opts: { play?: boolean; pace?: 'story' | 'wire' } = {}): Promise<void> {
  if ((opts.pace ?? 'wire') === 'wire') await page.getByRole('radio', { name: 'Wire' }).click()
  if (opts.play === false) {
    await page.getByRole('button', { name: 'Settings' }).click()
    const box = page.getByLabel('Play new commands step by step')
    if (await box.isChecked()) await box.uncheck()
    await page.keyboard.press('Escape')
  }
}

/** When the window asks before replacing a lab with unsaved changes: discard them. */
export async function discardUnsaved(page: Page): Promise<void> {
  const discard = page.getByTestId('replace-discard')
  await expect(discard.or(page.getByText('Step 0 of 0'))).toBeVisible()
  if (await discard.isVisible()) await discard.click()
}

/** Toolbar → group → command → its form (prefilled) → optional edits → Run. */
export async function runFromToolbar(page: Page, group: string, op: string, fill: Record<string, string> = {}): Promise<void> {
  await page.getByRole('navigation', { name: 'Actions' }).getByRole('button', { name: group, exact: true }).click()
  await page.getByRole('menuitem', { name: new RegExp(`^${escape(op)}`) }).click()
  await submitForm(page, op, fill)
}

export async function submitForm(page: Page, op: string, fill: Record<string, string> = {}): Promise<void> {
  const dialog = page.getByRole('dialog', { name: op })
  await expect(dialog).toBeVisible()
  for (const [label, value] of Object.entries(fill)) {
    const field = dialog.getByLabel(label, { exact: true })
    if ((await field.evaluate((e) => e.tagName)) === 'SELECT') await field.selectOption(value)
    else await field.fill(value)
  }
  await expect(dialog.getByText('The lab would accept this.')).toBeVisible()
  await dialog.getByRole('button', { name: 'Run', exact: true }).click()
  await expect(dialog).toBeHidden()
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

export function node(page: Page, id: string): Locator {
  return page.locator(`.react-flow__node[data-id="${id}"]`)
}

/** Right-click a component in the graph and choose one of its actions. */
export async function contextAction(page: Page, id: string, op: string): Promise<void> {
  await node(page, id).click({ button: 'right' })
  const menu = page.getByRole('menu', { name: /^Actions for / })
  await menu.getByRole('menuitem', { name: new RegExp(`^${escape(op)}`) }).click()
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screenshots/${name}.png` })
}

/** Lessons → a built-in lesson: a new seeded lab with the lesson's commands run, the playback at its start. */
export async function loadLesson(page: Page, title: string): Promise<void> {
  await page.getByRole('button', { name: 'Lessons' }).click()
  await page.getByRole('menuitem', { name: new RegExp(`^${escape(title)}`) }).click()
  // A lab with unsaved changes (a previous test's) is let go when the window asks.
  const discard = page.getByTestId('replace-discard')
  const lessonTab = page.getByRole('tab', { name: 'Lesson' })
  await expect(discard.or(lessonTab)).toBeVisible({ timeout: 20_000 })
  if (await discard.isVisible()) await discard.click()
  // Running the lesson's script takes a while on a busy machine.
  await expect(lessonTab).toBeVisible({ timeout: 20_000 })
  await expect(page.getByRole('status').filter({ hasText: 'Loading the lesson' })).toHaveCount(0, { timeout: 20_000 })
  await expect(page.getByText(/^Step 0 of [1-9]\d*$/)).toBeVisible()
}

/** A trusted lab built from the toolbar as a person would: KMS, provider, trust, hosts, and an encrypted VM. */
export async function encryptedVmLabFromToolbar(page: Page, hosts = 2): Promise<void> {
  await openFreshLab(page, { play: false })
  await runFromToolbar(page, 'KMS', 'Add KMS server')
  await runFromToolbar(page, 'vCenter & providers', 'Add key provider')
  await runFromToolbar(page, 'vCenter & providers', 'Establish trust')
  for (let i = 0; i < hosts; i++) await runFromToolbar(page, 'Host', 'Add host')
  await runFromToolbar(page, 'VM', 'Create VM')
  await runFromToolbar(page, 'VM', 'Encrypt VM')
}

/** Smallest on-screen size (px: computed font size × React Flow's zoom) of each kind of node text, and the nodes. */
export function nodeTextSizes(page: Page): Promise<{ zoom: number; components: number; name: number; badge: number; counter: number; group: number }> {
  return page.evaluate(() => {
    const viewport = document.querySelector('.react-flow__viewport') as HTMLElement
    const zoom = new DOMMatrixReadOnly(getComputedStyle(viewport).transform).a
    const onScreen = (selector: string) => {
      const sizes = [...document.querySelectorAll<HTMLElement>(`.react-flow__node ${selector}`)].map((e) => parseFloat(getComputedStyle(e).fontSize) * zoom)
      return sizes.length ? Math.min(...sizes) : 0
    }
    return {
      zoom,
      components: document.querySelectorAll('.react-flow__node:not(.react-flow__node-labGroup)').length,
      name: onScreen('.node-name'),
      badge: onScreen('.badge'),
      counter: Math.min(onScreen('.key-count'), onScreen('.chip')),
      group: onScreen('.group-label')
    }
  })
}
