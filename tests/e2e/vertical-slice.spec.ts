// The vertical slice in a browser: the real lab behind the test host, the real renderer, real clicks.
import { expect, test } from '@playwright/test'
import { labUrl, node, openFreshLab, runFromToolbar, shot, watchProblems } from './ui'

test('adding a host by clicking draws it and lists what happened', async ({ page }) => {
  const problems = watchProblems(page)
  const response = await page.goto(labUrl())
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'")
  await openFreshLab(page, { play: false })

  await runFromToolbar(page, 'Host', 'Add host', { Name: 'esx-01', Cluster: 'cluster-a' })
  await expect(node(page, 'host:esx-01')).toContainText('incapable')
  await expect(node(page, 'datastore:ds-cluster-a')).toBeVisible()
  await expect(page.locator('.react-flow__node-labGroup')).toContainText(['cluster-a'])

  const events = page.getByRole('treegrid', { name: 'Events' }).locator('.event-row')
  await expect(events.first()).toBeVisible()
  for (const text of await events.allInnerTexts()) expect(text).toMatch(/^\d+\s+\S.+/)
  await expect(page.getByRole('alert')).toHaveCount(0)
  await expect(page.getByRole('status').filter({ hasText: 'Add host: done' })).toBeVisible()
  await shot(page, 'add-host')
  expect(problems).toEqual([])
})

test('a refused command shows the fault and changes nothing', async ({ page }) => {
  await openFreshLab(page, { play: false })
  await runFromToolbar(page, 'Host', 'Add host', { Name: 'esx-dup', Cluster: 'cluster-a' })
  // The form asks the core as the values change: the same name again would be refused, and it says why.
  await page.getByRole('navigation', { name: 'Actions' }).getByRole('button', { name: 'Host', exact: true }).click()
  await page.getByRole('menuitem', { name: /^Add host/ }).click()
  const dialog = page.getByRole('dialog', { name: 'Add host' })
  await dialog.getByLabel('Name', { exact: true }).fill('esx-dup')
  await expect(dialog.getByText(/The lab would refuse this \(AlreadyExists\)/)).toBeVisible()
  await expect(dialog.getByRole('button', { name: 'Run', exact: true })).toBeDisabled()
  // Running it anyway leaves the refusal in the timeline and a clear message; the lab is unchanged.
  await dialog.getByRole('button', { name: /Run anyway/ }).click()
  await expect(page.getByRole('alert')).toContainText('Refused (AlreadyExists)')
  await expect(page.locator('.react-flow__node-host')).toHaveCount(1)
  await expect(page.locator('.event-row.is-fault')).toHaveCount(1)
})

test('the lab state survives a reload (it lives in the host, not the page)', async ({ page }) => {
  await openFreshLab(page, { play: false })
  await runFromToolbar(page, 'Host', 'Add host', { Name: 'esx-reload', Cluster: 'cluster-b' })
  await page.reload()
  await expect(node(page, 'host:esx-reload')).toBeVisible()
  await expect(node(page, 'datastore:ds-cluster-b')).toBeVisible()
})

test('without the token the page explains how to reach a lab', async ({ page }) => {
  await page.goto(new URL(labUrl()).origin + '/')
  await expect(page.getByRole('alert')).toContainText('npm run web')
  await expect(page.locator('.react-flow')).toHaveCount(0)
})

test('a wrong token cannot drive the lab', async ({ page }) => {
  const url = new URL(labUrl())
  url.searchParams.set('token', 'not-the-token')
  await page.goto(url.href)
  await expect(page.getByRole('alert')).toContainText('The lab could not be loaded')
  await expect(page.locator('.react-flow')).toHaveCount(0)
})

test('the CSP blocks inline scripts', async ({ page }) => {
  await page.goto(labUrl())
  const ran = await page.evaluate(
    () =>
      new Promise<boolean>((resolve) => {
        document.addEventListener('securitypolicyviolation', () => resolve(false), { once: true })
        const s = document.createElement('script')
        s.textContent = 'window.__inlineRan = true'
        document.head.appendChild(s)
        setTimeout(() => resolve((window as unknown as { __inlineRan?: boolean }).__inlineRan === true), 500)
      })
  )
  expect(ran).toBe(false)
})
