// scratch: start the test host, open the page, run a scenario, take screenshots
import { spawn } from 'node:child_process'
import { chromium } from '@playwright/test'

const host = spawn('node_modules/.bin/tsx', ['node/web/testHost.ts', '--seed', '7'], { stdio: ['ignore', 'pipe', 'inherit'] })
const url = await new Promise((res) => host.stdout.once('data', (d) => res(String(d).trim())))
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] })
const page = await browser.newPage({ viewport: { width: 1280, height: 720 } })
const problems = []
page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(m.type() + ': ' + m.text()) })
page.on('pageerror', (e) => problems.push('pageerror: ' + e.message))
await page.goto(url)
await page.waitForTimeout(1500)
await page.screenshot({ path: 'scratch/s1.png' })
const steps = process.argv.slice(2)
for (const s of steps) {
  if (s.startsWith('eval:')) await page.evaluate(s.slice(5))
  else if (s.startsWith('click:')) await page.click(s.slice(6))
  else if (s.startsWith('key:')) await page.keyboard.press(s.slice(4))
  else if (s.startsWith('wait:')) await page.waitForTimeout(Number(s.slice(5)))
  else if (s.startsWith('shot:')) await page.screenshot({ path: `scratch/${s.slice(5)}.png` })
  else if (s.startsWith('text:')) await page.getByText(s.slice(5), { exact: false }).first().click()
  else if (s.startsWith('role:')) { const [role, name] = s.slice(5).split('|'); await page.getByRole(role, { name }).first().click() }
}
console.log(problems.slice(0, 20).join('\n'))
await browser.close()
host.kill()
