// Keyboard: a dialog opens on its first field, Enter runs it, Esc cancels it.
import { expect, test } from '@playwright/test'
import { node, openFreshLab } from './ui'

test.use({ viewport: { width: 1280, height: 720 } })

test('a command dialog starts on its first field: Esc cancels, Enter runs', async ({ page }) => {
  await openFreshLab(page, { play: false })
  const toolbar = page.getByRole('navigation', { name: 'Actions' })
  await toolbar.getByRole('button', { name: 'Host', exact: true }).click()
  await page.getByRole('menuitem', { name: /^Add host/ }).click()
  const dialog = page.getByRole('dialog', { name: 'Add host' })
  await expect(dialog.getByLabel('Name', { exact: true })).toBeFocused()
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(node(page, 'host:esx-01')).toHaveCount(0)

  await toolbar.getByRole('button', { name: 'Host', exact: true }).click()
  await page.getByRole('menuitem', { name: /^Add host/ }).click()
  await expect(dialog.getByText('The lab would accept this.')).toBeVisible()
  await page.keyboard.press('Enter')
  await expect(dialog).toBeHidden()
  await expect(node(page, 'host:esx-01')).toHaveCount(1)
})
