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

test('when a form, a dialog or a menu closes, the focus goes back to the control that opened it (Esc, ×, Run)', async ({ page }) => {
  await openFreshLab(page, { play: false })
  const toolbar = page.getByRole('navigation', { name: 'Actions' })
  const hostMenu = toolbar.getByRole('button', { name: 'Host', exact: true })
  const dialog = page.getByRole('dialog', { name: 'Add host' })
  const openAddHost = async () => {
    await hostMenu.click()
    await page.getByRole('menuitem', { name: /^Add host/ }).click()
    await expect(dialog.getByLabel('Name', { exact: true })).toBeFocused()
  }

  // the toolbar's menu button, after Esc, after ×, and after Run
  await openAddHost()
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(hostMenu).toBeFocused()
  await openAddHost()
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(dialog).toBeHidden()
  await expect(hostMenu).toBeFocused()
  await openAddHost()
  await expect(dialog.getByText('The lab would accept this.')).toBeVisible()
  await page.keyboard.press('Enter')
  await expect(dialog).toBeHidden()
  await expect(node(page, 'host:esx-01')).toHaveCount(1)
  await expect(hostMenu).toBeFocused()

  // a node's context menu, and a form opened from it: back on the node (keyboard and right click alike)
  const host = node(page, 'host:esx-01')
  const menu = page.getByRole('menu', { name: 'Actions for esx-01' })
  await host.focus()
  await page.keyboard.press('Shift+F10')
  await expect(menu).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(menu).toHaveCount(0)
  await expect(host).toBeFocused()
  await host.click({ button: 'right' })
  const withForm = menu.locator('[role="menuitem"]:not([aria-disabled="true"])').filter({ hasText: /…$/ }).first()
  const op = (await withForm.innerText()).replace(/…$/, '').trim()
  await withForm.click()
  const form = page.getByRole('dialog', { name: op })
  await expect(form).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(form).toBeHidden()
  await expect(host).toBeFocused()

  // the inspector's Actions button opens the same menu; closing it goes back to the button
  await host.click()
  const actions = page.getByRole('complementary', { name: 'Inspector' }).getByRole('button', { name: /^Actions/ })
  await actions.click()
  await expect(menu).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(actions).toBeFocused()

  // a dialog of the window's own menus (File → New lab…), closed with ×
  const file = page.getByRole('button', { name: 'File', exact: true })
  await file.click()
  await page.getByRole('menuitem', { name: 'New lab…' }).click()
  const newLab = page.getByRole('dialog', { name: 'New lab' })
  await expect(newLab).toBeVisible()
  await newLab.getByRole('button', { name: 'Close' }).click()
  await expect(newLab).toBeHidden()
  await expect(file).toBeFocused()
})
