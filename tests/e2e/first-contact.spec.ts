// First contact: on an empty lab every disabled action says what to do first, in English and in German, and no
// validation library's words reach the screen.
import { expect, test, type Page } from '@playwright/test'
import { openFreshLab, shot, watchProblems } from './ui'

test.use({ viewport: { width: 1280, height: 720 } })

const LIBRARY_WORDS = /Invalid input|expected|received|undefined|Not a valid command|Kein gültiger Befehl/i

/** Opens each toolbar menu and returns the reasons its disabled items give. */
async function disabledReasons(page: Page): Promise<string[]> {
  const toolbar = page.locator('nav.action-menus')
  const groups = toolbar.locator(':scope > * button')
  const reasons: string[] = []
  for (let i = 0; i < (await groups.count()); i++) {
    await groups.nth(i).click()
    const items = page.locator('[role="menuitem"][aria-disabled="true"]')
    // Prerequisites are known without asking the core: they show at once.
    for (const hint of await items.locator('.menu-item-hint').allInnerTexts()) reasons.push(hint)
    await page.keyboard.press('Escape')
  }
  return reasons
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
