// The vertical slice in a browser: the real lab behind the test host, the real renderer, real clicks.
import { expect, test, type Page } from '@playwright/test'

function labUrl(): string {
  const url = process.env.KEYFLOW_URL
  if (!url) throw new Error('KEYFLOW_URL is not set: run these tests through playwright.config.ts (it starts the test host)')
  return url
}

/** Console errors, page errors and CSP violations: a clean page has none. */
function watchProblems(page: Page): string[] {
  const problems: string[] = []
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`)
  })
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`))
  return problems
}

test('adding a host by clicking lists it and shows what happened', async ({ page }) => {
  const problems = watchProblems(page)
  const response = await page.goto(labUrl())
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'")

  const components = page.getByRole('table')
  await expect(components.getByRole('row', { name: /vcenter/ })).toBeVisible()

  await page.getByLabel('Host name').fill('esx-01')
  await page.getByLabel('Cluster').fill('cluster-a')
  await page.getByRole('button', { name: 'Add host' }).click()

  const row = components.getByRole('row', { name: /esx-01/ })
  await expect(row).toContainText('host')
  await expect(row).toContainText('cluster-a')
  await expect(row).toContainText('incapable')

  const events = page.getByRole('list', { name: 'Events of the last command' }).getByRole('listitem')
  await expect(events.first()).toBeVisible()
  for (const text of await events.allInnerTexts()) expect(text).toMatch(/^#\d+ \S+ \S.+/)
  await expect(page.getByRole('alert')).toHaveCount(0)
  // The form is ready for the next host.
  await expect(page.getByLabel('Host name')).toHaveValue('')

  await page.screenshot({ path: 'test-results/screenshots/add-host.png', fullPage: true })
  expect(problems).toEqual([])
})

test('a refused command shows the fault and changes nothing', async ({ page }) => {
  await page.goto(labUrl())
  const add = async () => {
    await page.getByLabel('Host name').fill('esx-dup')
    await page.getByLabel('Cluster').fill('cluster-a')
    await page.getByRole('button', { name: 'Add host' }).click()
  }
  await add()
  await expect(page.getByRole('table').getByRole('row', { name: /esx-dup/ })).toHaveCount(1)
  await add()
  await expect(page.getByRole('alert')).toBeVisible()
  await expect(page.getByRole('table').getByRole('row', { name: /esx-dup/ })).toHaveCount(1)
})

test('the lab state survives a reload (it lives in the host, not the page)', async ({ page }) => {
  await page.goto(labUrl())
  await page.getByLabel('Host name').fill('esx-reload')
  await page.getByLabel('Cluster').fill('cluster-b')
  await page.getByRole('button', { name: 'Add host' }).click()
  await expect(page.getByRole('table').getByRole('row', { name: /esx-reload/ })).toBeVisible()
  await page.reload()
  await expect(page.getByRole('table').getByRole('row', { name: /esx-reload/ })).toContainText('cluster-b')
  await expect(page.getByRole('table').getByRole('row', { name: /ds-cluster-b/ })).toBeVisible()
})

test('without the token the page explains how to reach a lab', async ({ page }) => {
  await page.goto(new URL(labUrl()).origin + '/')
  await expect(page.getByRole('alert')).toContainText('npm run web')
  await expect(page.getByRole('table')).toHaveCount(0)
})

test('a wrong token cannot drive the lab', async ({ page }) => {
  const url = new URL(labUrl())
  url.searchParams.set('token', 'not-the-token')
  await page.goto(url.href)
  await expect(page.getByRole('alert')).toContainText('The lab could not be loaded')
  await expect(page.getByRole('table')).toHaveCount(0)
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
