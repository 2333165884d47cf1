// The lab end to end, driven by clicks: build an encrypted VM, lose the KMS and get the VM locked, bring it back,
// crash a host and open its core dump with crypto-util in the inspector, and step back through the history.
import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import { contextAction, loadLesson, node, openFreshLab, runFromToolbar, shot, submitForm, watchProblems } from './ui'

test.use({ viewport: { width: 1280, height: 720 } })

test('a KMS, a provider with trust, three hosts, an encrypted VM: locked without its KMS, unlocked with it', async ({ page }) => {
  const problems = watchProblems(page)
  await openFreshLab(page, { play: false })

  await runFromToolbar(page, 'KMS', 'Add KMS server')
  await expect(node(page, 'kms:kms-1')).toContainText('running')
  await runFromToolbar(page, 'vCenter & providers', 'Add key provider')
  // the line to the KMS is there but without trust: open lock
  await expect(page.locator('.lab-edge.edge-kmip.lock-open')).toHaveCount(1)
  await runFromToolbar(page, 'vCenter & providers', 'Establish trust', { 'Trust mode': 'csr' })
  await expect(page.locator('.lab-edge.edge-kmip.lock-closed')).toHaveCount(1)
  for (let i = 0; i < 3; i++) await runFromToolbar(page, 'Host', 'Add host')
  for (const h of ['esx-01', 'esx-02', 'esx-03']) await expect(node(page, `host:${h}`)).toContainText('incapable')

  await runFromToolbar(page, 'VM', 'Create VM', { 'Guest data (written at the start of the disk) (optional)': 'salary list 2026' })
  await expect(node(page, 'vm:vm-01')).toContainText('not encrypted')
  // Encrypt VM has a form now (which disks): the whole VM is the default
  await contextAction(page, 'vm:vm-01', 'Encrypt VM')
  await submitForm(page, 'Encrypt VM')
  // “not encrypted” contains “encrypted”: wait until the whole command has been shown
  await expect(node(page, 'vm:vm-01')).not.toContainText('not encrypted', { timeout: 20_000 })
  // every host of the cluster became crypto safe and got the KEK
  await expect(node(page, 'host:esx-02')).toContainText('safe')
  await contextAction(page, 'vm:vm-01', 'Power on')
  await expect(node(page, 'vm:vm-01')).toContainText('on')

  // vCenter's database: key IDs only
  await node(page, 'vcenter').click()
  const side = page.getByRole('complementary', { name: 'Inspector' })
  await expect(side.getByTestId('ids-only')).toContainText('keeps key IDs only')
  await expect(side.getByTestId('ids-only')).toContainText('can fetch every KEK')
  await expect(side.getByRole('table', { name: 'VM keys (KEK IDs)' })).toContainText('not stored')

  // The KMS goes away; nothing is locked until the host reboots and needs its keys again.
  await contextAction(page, 'kms:kms-1', 'Stop KMS')
  await expect(node(page, 'kms:kms-1')).toContainText('stopped')
  await expect(node(page, 'vm:vm-01')).not.toContainText('locked')
  await contextAction(page, 'host:esx-01', 'Reboot host')
  await expect(node(page, 'vm:vm-01')).toContainText('locked')
  await node(page, 'vm:vm-01').click()
  await expect(side.locator('[data-vm-crypto]')).toHaveText('locked')
  // powering it on is refused (the menu says why, from the core); unlocking while the KMS is away fails too
  await node(page, 'vm:vm-01').click({ button: 'right' })
  const powerOn = page.getByRole('menu', { name: 'Actions for vm-01' }).getByRole('menuitem', { name: /^Power on/ })
  await expect(powerOn).toHaveAttribute('aria-disabled', 'true')
  await expect(powerOn).toContainText(/locked/)
  await page.getByRole('menu', { name: 'Actions for vm-01' }).getByRole('menuitem', { name: /^Unlock VM/ }).click()
  await expect(page.getByRole('alert').filter({ hasText: /^Refused/ })).toBeVisible()
  await expect(node(page, 'vm:vm-01')).toContainText('locked')
  await shot(page, 'vm-locked')

  await contextAction(page, 'kms:kms-1', 'Start KMS')
  await contextAction(page, 'vm:vm-01', 'Unlock VM')
  await expect(node(page, 'vm:vm-01')).not.toContainText('locked')
  await expect(side.locator('[data-vm-crypto]')).toHaveText('unlocked')
  await shot(page, 'vm-unlocked')
  expect(problems).toEqual([])
})

test('a crash leaves an encrypted core dump that crypto-util opens in the inspector', async ({ page }) => {
  await openFreshLab(page, { play: false })
  await loadLesson(page, 'Your first encrypted VM')
  await page.keyboard.press('End')
  const host = page.locator('.react-flow__node-host').first()
  const hostId = await host.getAttribute('data-id')
  await host.click({ button: 'right' })
  await page.getByRole('menu').getByRole('menuitem', { name: /^Crash host/ }).click()
  await expect(host).toContainText('1')
  await host.click()
  const side = page.getByRole('complementary', { name: 'Inspector' })
  const dump = side.locator('.core-dump').first()
  await expect(dump).toContainText('/var/core/vmkernel-zdump.1')
  await expect(dump).toContainText('encrypted=yes')
  // the envelope names the host key that wraps the one-time key
  await expect(dump.locator('dt', { hasText: 'keyID' })).toBeVisible()
  await dump.getByRole('button', { name: 'crypto-util extract' }).click()
  const output = dump.locator('.crypto-util-output')
  await expect(output).toContainText('decrypted with the host key')
  await expect(output).toContainText('key cache:')
  await expect(output).toContainText(/kek\s+\S+/)
  await shot(page, 'crypto-util-extract')
  expect(hostId).toMatch(/^host:/)

  // Out of the lab: the dump from the host, the host key from the KMS (as its administrator would hand it out), and
  // the command-line crypto-util opens the dump as support would.
  const keyId = (await dump.locator('dt', { hasText: 'keyID' }).locator('xpath=following-sibling::dd[1]').locator('code.key-id').getAttribute('title'))!
  const [dumpFile] = await Promise.all([page.waitForEvent('download'), dump.getByRole('button', { name: 'Download' }).click()])
  await node(page, 'kms:kms-1').click()
  const [keyFile] = await Promise.all([page.waitForEvent('download'), side.getByRole('button', { name: `Save key file: ${keyId}` }).click()])
  expect(readFileSync((await keyFile.path())!, 'utf8')).toMatch(/^[0-9a-f]{64}\n$/)
  const cli = (...args: string[]) => execFileSync('node_modules/.bin/tsx', ['node/cli/main.ts', ...args], { encoding: 'utf8' })
  expect(cli('crypto-util', 'envelope', 'describe', '--offset', '4096', (await dumpFile.path())!)).toContain(`keyID '${keyId}'`)
  mkdirSync(test.info().outputDir, { recursive: true })
  const out = `${test.info().outputDir}/zdump.plain`
  cli('crypto-util', 'envelope', 'extract', '--offset', '4096', '--keyfile', (await keyFile.path())!, (await dumpFile.path())!, out)
  expect(readFileSync(out, 'utf8')).toContain('Customer database: alice@example.com')
})

test('stepping back shows the earlier state everywhere: the VM unlocked again, the disk in clear', async ({ page }) => {
  await openFreshLab(page, { play: false })
  await loadLesson(page, 'KMS outage and locked VMs')
  const lesson = page.getByRole('tabpanel')
  const vm = node(page, 'vm:db-01')
  const side = page.getByRole('complementary', { name: 'Inspector' })

  // To the end of the host reboot (step 10): the KMS is away, the VM locked.
  await lesson.getByRole('button', { name: /^Reboot host/ }).click()
  await expect(vm).toContainText('locked')
  await vm.click()
  await expect(side.locator('[data-vm-crypto]')).toHaveText('locked')

  // Step back event by event: the VM is unlocked again before the reboot took its keys.
  for (let i = 0; i < 60 && (await vm.innerText()).includes('locked'); i++) await page.keyboard.press('ArrowLeft')
  await expect(vm).not.toContainText('locked')
  await expect(side.locator('[data-vm-crypto]')).toHaveText('unlocked')
  await expect(page.locator('.position')).toHaveClass(/is-past/)
  await shot(page, 'step-back-unlocked')

  // Back to right after "Create VM": the disk holds the guest's data in clear.
  await page.getByRole('tab', { name: 'Lesson' }).click()
  await lesson.getByRole('button', { name: /^Create VM/ }).click()
  await page.getByRole('tab', { name: 'Component' }).click()
  await expect(vm).toContainText('not encrypted')
  await expect(side.locator('[data-vm-crypto]')).toHaveCount(0)
  const disk = side.locator('.disk-compare figure').first()
  await expect(disk).toContainText('db-01-flat.vmdk')
  await expect(disk.locator('.hex-ascii').first()).toHaveText('orders t')
  await shot(page, 'step-back-clear-disk')

  // And to now: the disk is another file, encrypted, shown beside the clear one it replaced.
  await page.keyboard.press('End')
  await expect(vm).toContainText('encrypted')
  await expect(disk).toContainText('db-01_1-flat.vmdk')
  await expect(disk.locator('.hex-ascii').first()).not.toHaveText('orders t')
  await expect(side.locator('.compare-other')).toContainText('db-01-flat.vmdk')
  await expect(side.getByText(/of the first 64 bytes differ/)).toBeVisible()
})
