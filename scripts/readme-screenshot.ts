// Refreshes the README's picture (docs/screenshot.png): the lesson "Your first encrypted VM" in presenter mode at
// 1920×1080, a KEK in flight from vCenter to the hosts while the VM is being encrypted, the narration below.
//   npm run build && node --import tsx scripts/readme-screenshot.ts [--out docs/screenshot.png] [--lang de]
// It starts its own test host (127.0.0.1, a free port) and Debian's Chromium (CHROMIUM_PATH to use another).

import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { createInterface } from 'node:readline'
import { parseArgs } from 'node:util'
import { chromium, type Page } from '@playwright/test'
import { scenarios } from '../shared/scenarios'

const { values } = parseArgs({ options: { out: { type: 'string', default: 'docs/screenshot.png' }, lang: { type: 'string', default: 'en' } } })
const lang = values.lang === 'de' ? 'de' : 'en'
const lesson = scenarios.find((s) => s.id === 'first-encrypted-vm')!.title[lang]

/** Starts the test host and resolves with the URL it prints first. */
async function startHost(): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'node/web/testHost.ts', '--seed', '7'], { stdio: ['ignore', 'pipe', 'inherit'] })
  const lines = createInterface({ input: child.stdout })
  const [first] = (await Promise.race([once(lines, 'line'), once(child, 'exit').then(() => [null])])) as [string | null]
  const url = first?.match(/http:\/\/127\.0\.0\.1:\d+\/\S+/)?.[0]
  if (!url) throw new Error(`the test host did not print its URL (first line: ${first ?? 'none'})`)
  return { url, stop: () => child.kill('SIGTERM') }
}

/**
 * Tells the lesson with its own "Next step" button up to Encrypt VM, plays that step in presenter mode and pauses
 * while a KEK travels.
 */
async function catchKekInFlight(page: Page, encryptStep: string): Promise<void> {
  await page.getByLabel(lang === 'de' ? 'Tempo' : 'Speed').selectOption('4')
  const next = page.locator('.lesson-script .next-step')
  for (let i = 0; i < 12 && (await next.innerText()).trim() !== encryptStep; i++) {
    const position = page.locator('.lesson-script .lesson-subhead .small')
    const before = await position.innerText()
    await next.click()
    // The step has played when the script's position moves on.
    await page.waitForFunction((b) => document.querySelector('.lesson-script .lesson-subhead .small')?.textContent !== b, before, { timeout: 60_000 })
  }
  await page.getByLabel(lang === 'de' ? 'Tempo' : 'Speed').selectOption('1')
  await next.click()
  await page.keyboard.press('p')
  const kek = page.locator('.token').filter({ has: page.locator('.glyph-material.kt-kek') })
  await kek.first().waitFor({ timeout: 60_000 })
  await page.waitForFunction(() => {
    const token = [...document.querySelectorAll('.token')].find((t) => t.querySelector('.glyph-material.kt-kek'))
    // past 40 % of its way: the progress of its animation along the route
    return (token?.getAnimations()[0]?.effect?.getComputedTiming().progress ?? 0) > 0.4
  })
  await page.keyboard.press('Space')
}

const host = await startHost()
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] })
try {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } })
  await page.goto(host.url)
  await page.getByRole('group', { name: /^(Language|Sprache)$/ }).getByRole('button', { name: lang.toUpperCase(), exact: true }).click()
  await page.getByRole('button', { name: lang === 'de' ? 'Lektionen' : 'Lessons' }).click()
  await page.getByRole('menuitem', { name: new RegExp(`^${lesson}`) }).click()
  await page.locator('.lesson-script .next-step').waitFor({ timeout: 60_000 })
  await catchKekInFlight(page, lang === 'de' ? 'Nächster Schritt: VM verschlüsseln' : 'Next step: Encrypt VM')
  await page.waitForTimeout(300)
  await page.screenshot({ path: values.out })
  console.log(`wrote ${values.out}`)
} finally {
  await browser.close()
  host.stop()
}
