// The Native Key Provider in the window, driven by clicks: added with its form, refused until backed up, the backup
// saved as a real PKCS#12 file from the vCenter inspector, an encrypted VM with no KMS anywhere, and its host's KDKs.
import { spawnSync } from 'node:child_process'
import { expect, test } from '@playwright/test'
import { node, openFreshLab, runFromToolbar, shot, submitForm, watchProblems } from './ui'

test.use({ viewport: { width: 1280, height: 720 } })

test('a Native Key Provider: KDK on the hosts, backup before use, a .p12 openssl reads, a VM encrypted without a KMS', async ({ page }) => {
  const problems = watchProblems(page)
  await openFreshLab(page, { play: false })
  for (let i = 0; i < 2; i++) await runFromToolbar(page, 'Host', 'Add host')
  await runFromToolbar(page, 'vCenter & providers', 'Add key provider', { Name: 'nkp', 'Type (optional)': 'native' })
  const side = page.getByRole('complementary', { name: 'Inspector' })

  // the provider box says what it is and that it is not backed up yet
  await expect(page.locator('.group-native')).toContainText('nkp')
  await expect(page.locator('.group-native')).toContainText('Native Key Provider')
  await node(page, 'host:esx-01').click()
  await expect(side.locator('[data-key-type="kdk"]')).toContainText('nkp')

  // encryption is refused until the provider is backed up: the form says why, from the core
  await page.getByRole('navigation', { name: 'Actions' }).getByRole('button', { name: 'VM', exact: true }).click()
  await page.getByRole('menuitem', { name: /^Create VM/ }).click()
  const create = page.getByRole('dialog', { name: 'Create VM' })
  await create.getByLabel('Encrypted (VM Encryption Policy) (optional)', { exact: true }).check()
  await expect(create).toContainText('has not been backed up')
  await create.getByRole('button', { name: 'Cancel' }).click()

  await runFromToolbar(page, 'vCenter & providers', 'Back up key provider', {
    'Key provider': 'nkp',
    'Password protecting the backup file (recommended) (optional)': 'Backup-2026!'
  })
  await node(page, 'vcenter').click()
  await expect(side).toContainText('backed up')
  await expect(side).toContainText('Protected store (VECS)')
  const download = page.waitForEvent('download')
  await side.getByRole('button', { name: 'Save backup (.p12): nkp' }).click()
  const file = await (await download).path()
  const openssl = spawnSync('openssl', ['pkcs12', '-info', '-in', file!, '-passin', 'pass:Backup-2026!', '-nodes'], { encoding: 'utf8' })
  expect(openssl.status).toBe(0)
  expect(openssl.stderr).toMatch(/Secret bag/)

  await page.getByRole('navigation', { name: 'Actions' }).getByRole('button', { name: 'VM', exact: true }).click()
  await page.getByRole('menuitem', { name: /^Create VM/ }).click()
  await page.getByRole('dialog', { name: 'Create VM' }).getByLabel('Encrypted (VM Encryption Policy) (optional)', { exact: true }).check()
  await submitForm(page, 'Create VM')
  await expect(node(page, 'vm:vm-01')).not.toContainText('not encrypted', { timeout: 20_000 })
  // no KMS anywhere, and no KMIP line in the graph
  await expect(page.locator('.lab-edge.edge-kmip')).toHaveCount(0)
  await shot(page, 'native-key-provider')
  expect(problems).toEqual([])
})

test('restoring a Native Key Provider from its saved backup: the file picked in the form, a wrong password refused, the same KDK back', async ({ page }) => {
  const problems = watchProblems(page)
  await openFreshLab(page, { play: false })
  await runFromToolbar(page, 'Host', 'Add host')
  await runFromToolbar(page, 'vCenter & providers', 'Add key provider', { Name: 'nkp', 'Type (optional)': 'native' })
  await runFromToolbar(page, 'vCenter & providers', 'Back up key provider', {
    'Key provider': 'nkp',
    'Password protecting the backup file (recommended) (optional)': 'Backup-2026!'
  })
  const side = page.getByRole('complementary', { name: 'Inspector' })
  await node(page, 'vcenter').click()
  // a native-only vCenter: the IDs-only note names no KMS
  await expect(side.getByTestId('ids-only')).toContainText('there is no KMS')
  const kdkId = await side.locator('[data-key-type="kdk"]').first().textContent()
  const download = page.waitForEvent('download')
  await side.getByRole('button', { name: 'Save backup (.p12): nkp' }).click()
  const file = (await (await download).path())!
  await runFromToolbar(page, 'vCenter & providers', 'Remove key provider', { Name: 'nkp' })
  await expect(side).not.toContainText('backed up')

  await page.getByRole('navigation', { name: 'Actions' }).getByRole('button', { name: 'vCenter & providers', exact: true }).click()
  await page.getByRole('menuitem', { name: /^Restore key provider from backup/ }).click()
  const dialog = page.getByRole('dialog', { name: 'Restore key provider from backup' })
  await dialog.getByLabel('Backup file (.p12)', { exact: true }).setInputFiles(file)
  await expect(dialog).toContainText('Chosen:')
  await dialog.getByLabel('Password of the backup file (optional)', { exact: true }).fill('wrong')
  await expect(dialog).toContainText('The password does not open this backup file')
  await dialog.getByLabel('Password of the backup file (optional)', { exact: true }).fill('Backup-2026!')
  await expect(dialog.getByText('The lab would accept this.')).toBeVisible()
  await dialog.getByRole('button', { name: 'Run', exact: true }).click()
  await expect(dialog).toBeHidden()
  await node(page, 'vcenter').click()
  await expect(side).toContainText('backed up')
  expect(await side.locator('[data-key-type="kdk"]').first().textContent()).toBe(kdkId)
  await node(page, 'host:esx-01').click()
  await expect(side.locator('[data-key-type="kdk"]')).toContainText('nkp')
  expect(problems).toEqual([])
})
