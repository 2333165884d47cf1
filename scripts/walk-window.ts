// A newcomer's walk through the window, for a person to look at: a full lab (an encrypted VM with a snapshot, a
// crashed host with its core dump read by crypto-util, a Native Key Provider) in English and German, at 1280×720 and
// at 1920×1080 in presenter mode; every toolbar menu, the window's own menus, one form per group, the shortcut sheet,
// each component's context menu and inspector. Screenshots go to test-results/screenshots/walk-*.png and every text
// cut short on screen (an ellipsis, or text wider than its box) is listed.
//   npm run build && node --import tsx scripts/walk-window.ts [--lab my.kflab] [--only de-1280]
// Without --lab it builds the full lab with the command line (npm run lab) first.

import { execFileSync, spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { parseArgs } from 'node:util'
import { chromium, type Page } from '@playwright/test'

const { values } = parseArgs({ options: { lab: { type: 'string' }, only: { type: 'string' } } })
const OUT = 'test-results/screenshots'

const FULL_LAB = {
  seed: 21,
  steps: [
    { op: 'kms.add', name: 'kms-1', provider: 'lab-kms' },
    { op: 'provider.add', name: 'lab-kms' },
    { op: 'provider.trust', provider: 'lab-kms', mode: 'vcenter-cert' },
    { op: 'host.add', name: 'esx-01', cluster: 'cluster-a' },
    { op: 'host.add', name: 'esx-02', cluster: 'cluster-a' },
    { op: 'vm.create', name: 'web-01', host: 'esx-01', guestData: 'orders of web-01' },
    { op: 'vm.encrypt', name: 'web-01' },
    { op: 'vm.snapshot', name: 'web-01' },
    { op: 'vm.powerOn', name: 'web-01' },
    { op: 'provider.add', name: 'nkp', type: 'native' },
    { op: 'provider.backup', provider: 'nkp', password: 'Backup-2026!' },
    { op: 'provider.setDefault', name: 'nkp' },
    { op: 'vm.create', name: 'app-nkp', host: 'esx-02', guestData: 'orders of app-nkp', encrypt: true },
    { op: 'host.crash', name: 'esx-02' },
    { op: 'host.cryptoUtil', name: 'esx-02', args: ['envelope', 'describe', '--offset', '4096', '/var/core/vmkernel-zdump.1'] }
  ]
}

function fullLab(): string {
  const dir = join(tmpdir(), `keyflow-walk-${process.pid}`)
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'full-lab.json'), JSON.stringify(FULL_LAB))
  execFileSync(process.execPath, ['--import', 'tsx', 'node/cli/main.ts', 'run', join(dir, 'full-lab.json'), '--save', join(dir, 'full-lab.kflab')], { stdio: 'ignore' })
  return join(dir, 'full-lab.kflab')
}

async function startHost(): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'node/web/testHost.ts', '--seed', '7'], { stdio: ['ignore', 'pipe', 'ignore'] })
  const [first] = (await once(createInterface({ input: child.stdout }), 'line')) as [string]
  const url = first.match(/http:\/\/127\.0\.0\.1:\d+\/\S+/)?.[0]
  if (!url) throw new Error(`the test host did not print its URL (${first})`)
  return { url, stop: () => child.kill('SIGTERM') }
}

/** Visible text cut short: an ellipsis in CSS or a box narrower than its text. */
function clipped(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = []
    for (const el of document.querySelectorAll<HTMLElement>('body *')) {
      if (!el.offsetParent || el.children.length > 2 || !el.innerText?.trim()) continue
      const style = getComputedStyle(el)
      if (style.overflowX === 'visible' && style.textOverflow !== 'ellipsis') continue
      if (el.scrollWidth > el.clientWidth + 1 || (style.webkitLineClamp !== 'none' && el.scrollHeight > el.clientHeight + 1))
        out.push(`${el.className || el.tagName}: “${el.innerText.trim().replace(/\s+/g, ' ').slice(0, 80)}”`)
    }
    return out
  })
}

const words = {
  en: { toolbar: 'Actions', file: 'File', view: 'View', lessons: 'Lessons', settings: 'Settings', inspector: 'Inspector', events: 'Events' },
  de: { toolbar: 'Aktionen', file: 'Datei', view: 'Ansicht', lessons: 'Lektionen', settings: 'Einstellungen', inspector: 'Inspektor', events: 'Ereignisse' }
}

async function walk(page: Page, url: string, lab: string, lang: 'en' | 'de', presenter: boolean): Promise<string[]> {
  const tag = `walk-${lang}-${presenter ? '1920-presenter' : '1280'}`
  const w = words[lang]
  const findings: string[] = []
  const shot = async (name: string) => {
    await page.screenshot({ path: `${OUT}/${tag}-${name}.png` })
    for (const c of await clipped(page)) findings.push(`${tag}-${name}: ${c}`)
  }
  await page.goto(url)
  await page.getByRole('group', { name: /^(Language|Sprache)$/ }).getByRole('button', { name: lang.toUpperCase(), exact: true }).click()
  await page.getByLabel(lang === 'de' ? 'Zu öffnende Labordatei' : 'Lab file to open').setInputFiles(lab)
  const discard = page.getByTestId('replace-discard')
  if (await discard.isVisible({ timeout: 2000 }).catch(() => false)) await discard.click()
  await page.locator('.react-flow__node[data-id="vm:web-01"]').waitFor({ timeout: 60_000 })
  if (presenter) await page.keyboard.press('p')
  await page.waitForTimeout(800)
  await shot('lab')

  const toolbar = page.getByRole('navigation', { name: w.toolbar })
  const groups = (await toolbar.getByRole('button').allInnerTexts()).map((g) => g.trim())
  for (const [i, group] of groups.entries()) {
    await toolbar.getByRole('button', { name: group, exact: true }).click()
    await page.waitForTimeout(400)
    await shot(`menu-${i}`)
    const enabled = page.getByRole('menu').locator('[role="menuitem"]:not([aria-disabled="true"])')
    if (await enabled.count()) {
      await enabled.first().click()
      await page.getByRole('dialog').waitFor()
      await page.waitForTimeout(600)
      await shot(`form-${i}`)
    }
    await page.keyboard.press('Escape')
  }
  for (const name of [w.file, w.view, w.lessons, w.settings]) {
    await page.getByRole('button', { name, exact: true }).click()
    await shot(`menu-${name}`)
    await page.keyboard.press('Escape')
  }
  await page.keyboard.press('?')
  await shot('shortcuts')
  await page.keyboard.press('Escape')

  for (const id of ['host:esx-02', 'vm:web-01', 'kms:kms-1', 'vcenter']) {
    const node = page.locator(`.react-flow__node[data-id="${id}"]`)
    await node.click({ button: 'right' })
    await shot(`context-${id.replace(':', '-')}`)
    await page.keyboard.press('Escape')
    if (presenter) continue
    await node.click()
    const side = page.getByRole('complementary', { name: w.inspector })
    await side.locator('details:not([open]) > summary').evaluateAll((ss) => ss.forEach((s) => ((s.parentElement as HTMLDetailsElement).open = true)))
    await page.waitForTimeout(300)
    await shot(`inspector-${id.replace(':', '-')}`)
  }
  if (!presenter) {
    await page.getByRole('tab', { name: w.events }).click()
    await page.locator('.event-row .event-main').last().click()
    await page.waitForTimeout(300)
    await shot('event')
  }
  return findings
}

const host = await startHost()
const lab = values.lab ?? fullLab()
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] })
mkdirSync(OUT, { recursive: true })
try {
  for (const lang of ['en', 'de'] as const)
    for (const presenter of [false, true]) {
      if (values.only && values.only !== `${lang}-${presenter ? '1920' : '1280'}`) continue
      const page = await browser.newPage({ viewport: presenter ? { width: 1920, height: 1080 } : { width: 1280, height: 720 } })
      const findings = await walk(page, host.url, lab, lang, presenter)
      console.log([...new Set(findings)].join('\n') || `${lang} ${presenter ? 'presenter' : '1280'}: nothing cut short`)
      await page.close()
    }
} finally {
  await browser.close()
  host.stop()
}
