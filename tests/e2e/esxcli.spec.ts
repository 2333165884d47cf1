// esxcli on a host, from the window: the Host menu's form offers the commands the lab's hosts answer, and the event
// shows ESXi's output (docs/vsphere-facts.md#esxcli-config-encryption).
import { expect, test } from '@playwright/test'
import { openFreshLab, runFromToolbar, watchProblems } from './ui'

test.use({ viewport: { width: 1280, height: 720 } })

test('Run esxcli: system settings encryption get prints the mode, and mode NONE is refused on a TPM host', async ({ page }) => {
  const problems = watchProblems(page)
  await openFreshLab(page, { play: false })
  await runFromToolbar(page, 'Host', 'Add host')
  await runFromToolbar(page, 'Host', 'Run esxcli', { Command: 'system settings encryption get' })
  await page.getByRole('tab', { name: 'Events' }).click()
  await expect(page.getByText(/mode TPM\. This protects the host’s configuration/).first()).toBeVisible()

  await page.getByRole('navigation', { name: 'Actions' }).getByRole('button', { name: 'Host', exact: true }).click()
  await page.getByRole('menuitem', { name: /^Run esxcli/ }).click()
  const dialog = page.getByRole('dialog', { name: 'Run esxcli' })
  await dialog.getByLabel('Command', { exact: true }).selectOption('system settings encryption set --mode=NONE')
  await expect(dialog).toContainText('once activated, mode TPM cannot be undone')
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  expect(problems).toEqual([])
})
