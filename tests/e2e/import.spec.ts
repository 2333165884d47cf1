// Opening lab files through the window of the browser build (File → Open… picks a file, the window sends it to the
// test host in parts): a file larger than the 64 MB a single call could carry, a file saved by format 1, a damaged one.
// Saving goes the other way in parts too (File → Save downloads the lab file the host writes).

import { bytesOf, StoredBytes } from '../../shared/lab/files/storedBytes'
import { randomFillSync } from 'node:crypto'
import { mkdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { labDeps } from '../../node/host/labHost'
import { openLabPath, writeLab } from '../../node/labFile/labFileIo'
import { Lab } from '../../shared/lab/lab'
import type { LabCommand } from '../../shared/lab/commands/schema'
import { CONTAINER_MAGIC } from '../../shared/labFile/container'
import { labFileData } from '../../shared/labFile/kflab'
import type { LabFileData } from '../../shared/labFile/schema'
import { node, openFreshLab, shot, watchProblems } from './ui'

const dir = join('test-results', 'import')

// A trace records every WebSocket frame: a hundred frames of a MiB each would make the import several times slower.
test.use({ trace: 'off' })

test('a lab file over 64 MB opens in the window: sent in parts, opened as Open opens it, and downloads again in parts', async ({ page }) => {
  // Under a load of 18 on two cores the import took 55 s; on a quiet machine a fraction of that.
  test.setTimeout(150_000)
  const problems = watchProblems(page)
  // An unseeded lab (restored from its saved state) whose VM disk holds 65 MiB of random bytes, as an encrypted disk
  // would (nothing to compress), so the file is over 64 MB; random bytes instead of encryption keep the test short.
  const lab = await Lab.create(labDeps(null), { seed: null })
  const commands: LabCommand[] = [
    { op: 'host.add', name: 'esx-01', cluster: 'c1' },
    { op: 'vm.create', name: 'big-01', host: 'esx-01', diskMiB: 65 }
  ]
  for (const c of commands) expect((await lab.run(c)).fault ?? null).toBeNull()
  const data = labFileData(lab)
  for (const e of Object.values(data.entities))
    if (e.kind === 'datastore') for (const f of Object.values(e.persisted.files)) if (f.kind === 'flat' && f.data instanceof Uint8Array) f.data = randomFillSync(new Uint8Array(f.data.length))
  mkdirSync(dir, { recursive: true })
  const file = join(dir, 'big-disk.kflab')
  await writeLab(data, file)
  // Over the 64 MiB the one-call import could carry at most (as base64, even less).
  expect(statSync(file).size).toBeGreaterThan(64 * 1024 * 1024)

  await openFreshLab(page, { play: false })
  await page.locator('input[type="file"]').setInputFiles(file)
  // A big file takes seconds: the window says what it is doing meanwhile, and stops saying it when done.
  const opening = page.getByRole('status').filter({ hasText: 'Opening the lab…' })
  await expect(opening).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: /^Opened big-disk\.kflab/ })).toBeVisible({ timeout: 70_000 })
  await expect(opening).toBeHidden()
  await expect(node(page, 'vm:big-01')).toBeVisible()

  // File → Save in the browser: the host writes the lab file and the window fetches it in parts of under 1 MiB.
  await page.getByRole('button', { name: 'File', exact: true }).click()
  const downloading = page.getByRole('status').filter({ hasText: 'Preparing the lab file for download…' })
  const [saved] = await Promise.all([
    page.waitForEvent('download', { timeout: 70_000 }),
    page.getByRole('menuitem', { name: 'Save' }).click(),
    expect(downloading).toBeVisible()
  ])
  await expect(downloading).toBeHidden()
  const downloaded = (await saved.path())!
  expect(statSync(downloaded).size).toBeGreaterThan(64 * 1024 * 1024)
  const reopened = await openLabPath(downloaded, labDeps)
  const [mine, sent] = [flatDisk(labFileData(reopened)), flatDisk(data)]
  expect(mine && sent && Buffer.from(mine).equals(sent)).toBe(true)
  expect(problems).toEqual([])
})

/** The flat disk's bytes (a reopened lab's are still in its file: read here). */
function flatDisk(data: LabFileData): Uint8Array | undefined {
  for (const e of Object.values(data.entities))
    if (e.kind === 'datastore') for (const f of Object.values(e.persisted.files)) if (f.kind === 'flat' && (f.data instanceof Uint8Array || f.data instanceof StoredBytes)) return bytesOf(f.data)
  return undefined
}

test('a format-1 lab file opens in the window with its history', async ({ page }) => {
  await openFreshLab(page, { play: false })
  await page.locator('input[type="file"]').setInputFiles('tests/fixtures/labfiles/v1-encrypted-snapshot-coredump.kflab')
  await expect(page.getByRole('status').filter({ hasText: /^Opened v1-encrypted-snapshot-coredump\.kflab/ })).toBeVisible({ timeout: 30_000 })
  await expect(node(page, 'vm:hr-01')).toBeVisible()
  // Replayed, not restored: every step is there, the host's crash with its core dump among them.
  await expect(page.locator('.position')).toHaveText(/^Step (\d+) of \1$/)
  await expect(page.locator('.position')).not.toHaveText('Step 0 of 0')
  await page.getByRole('tab', { name: 'Events' }).click()
  await expect(page.locator('.event-row').filter({ hasText: /core dump/i }).first()).toBeAttached()
})

test('a damaged file is refused with its name and the reason, and the open lab stays', async ({ page }) => {
  await openFreshLab(page, { play: false })
  await page.locator('input[type="file"]').setInputFiles({ name: 'broken.kflab', mimeType: 'application/octet-stream', buffer: Buffer.concat([CONTAINER_MAGIC, Uint8Array.of(0, 0, 0, 2), Buffer.from('and no more')]) })
  await expect(page.getByRole('alert').filter({ hasText: /^broken\.kflab could not be opened\. The lab file is damaged: it is cut short.*The open lab is unchanged\.$/ })).toBeVisible()
  await expect(page.getByText('Step 0 of 0')).toBeVisible()
})

test('a damaged file is refused in German when the window speaks German, and the open lab stays', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 })
  await openFreshLab(page, { play: false })
  const language = page.getByRole('group', { name: /^(Language|Sprache)$/ })
  await language.getByRole('button', { name: 'DE', exact: true }).click()
  try {
    await page.locator('input[type="file"]').setInputFiles({ name: 'kaputt.kflab', mimeType: 'application/octet-stream', buffer: Buffer.concat([CONTAINER_MAGIC, Uint8Array.of(0, 0, 0, 2), Buffer.from('und nichts mehr')]) })
    const notice = page.getByRole('alert')
    await expect(notice).toHaveText(
      'kaputt.kflab konnte nicht geöffnet werden. Die Labordatei ist beschädigt: Die Datei ist abgeschnitten (keine Endmarke) und wurde nicht vollständig geschrieben. Das geöffnete Labor bleibt unverändert.'
    )
    await expect(page.getByText('Schritt 0 von 0')).toBeVisible()
    // The whole notice is on screen, nothing cut off at the window's edge.
    const box = (await notice.boundingBox())!
    expect(box.x >= 0 && box.y >= 0 && box.x + box.width <= 1280 && box.y + box.height <= 720).toBe(true)
    await shot(page, 'import-damaged-de')
  } finally {
    await language.getByRole('button', { name: 'EN', exact: true }).click()
  }
})
