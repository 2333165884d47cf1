// German complete: a full lab (an encrypted VM, a locked VM, a crashed host with its core dump, crypto-util output,
// a refused command), switched to German, every menu, dialog, inspector and event read for English words a German
// reader should never meet: states, KMIP names outside parentheses, library messages, op ids.
import { expect, test, type Page } from '@playwright/test'
import { contextAction, labUrl, loadLesson, node, openFreshLab, runFromToolbar, shot, watchProblems } from './ui'

test.use({ viewport: { width: 1280, height: 720 } })

/** English words that must not reach a German reader (whole words; KMIP names only count outside parentheses). */
const denied: RegExp[] = [
  // states; the vSphere name may follow the German one in parentheses, and a file keeps its own `key=value` lines
  /\b(safe|prepared|incapable|connected|running|stopped|unlocked|locked|encrypted|powered)\b(?![^(]*\))(?!=)/,
  // KMIP names count outside parentheses; `State=Active` quotes an attribute as it travels on the wire
  /(?<![=\w-])(Active|Deactivated|Compromised|Destroyed|Pre-Active)\b(?![^(]*\))/,
  /\bInvalid\b(?![^(]*\))/,
  // a fault's code only behind its German label (“Fehlercode InvalidVmState”)
  /(?<!Fehlercode )\b(Invalid|Kms|Vcenter|Vm|Host|Kmip|CryptoUtil)[A-Z][A-Za-z]+\b/,
  /no such file/i,
  /\bnot (a|found|stored|encrypted)\b/,
  /\b(key safes|key cache|refused|because|the lab|step \d)/i,
  /\b(kms|provider|vcenter|host|vm|lab)\.(add|stop|start|revokeKey|destroyKey|activateKey|trust|setDefault|reboot|crash|cryptoUtil|keyPersistence|encryptionMode|rekey|create|encrypt|decrypt|powerOn|powerOff|migrate|clone|snapshot|deleteSnapshots|unlock|advanceClock|remove)\b/,
  // the lab's own names for kinds of event (the event inspector names the kind in words)
  /\b(kmip\.(request|response)|tls\.(handshake|close)|key\.(push|generate|wrap|unwrap|discard|seal)|file\.(write|read|delete)|disk\.(encrypt|decrypt)|host\.(state|power)|vm\.state|cryptoUtil)\b/,
  // key names; “VM-Home” is vSphere's own German term for a VM's home files
  /\b(Space|End)\b|(?<!VM-)\bHome\b/,
  /\bdu\b|\bdein|\bdich\b|\bdir\b/
]

/** Every hit with a little context, so the report names what to translate. */
function englishIn(text: string, where: string): string[] {
  const hits: string[] = []
  for (const line of text.split('\n')) {
    for (const re of denied) {
      const m = re.exec(line)
      if (m) hits.push(`${where}: «${m[0]}» in “${line.trim().slice(0, 140)}”`)
    }
  }
  return hits
}

async function read(page: Page, where: string, found: string[], scope = page.locator('body')): Promise<void> {
  found.push(...englishIn(await scope.innerText(), where))
}

/** The language is a setting of the lab host, shared by every test: the walk leaves it in English. */
async function chooseLanguage(page: Page, lang: 'EN' | 'DE'): Promise<void> {
  await page.getByRole('group', { name: /^(Language|Sprache)$/ }).getByRole('button', { name: lang, exact: true }).click()
}

test.afterEach(async ({ page }) => {
  await chooseLanguage(page, 'EN')
})

/** A lab the first lesson built, shown at its last step, starting from the English window. */
async function firstLessonAtItsEnd(page: Page): Promise<void> {
  await page.goto(labUrl())
  await chooseLanguage(page, 'EN')
  await openFreshLab(page, { play: false })
  await loadLesson(page, 'Your first encrypted VM')
  await page.keyboard.press('End')
}

test('in German, no menu, dialog, inspector or event of a full lab shows an English word from the deny list', async ({ page }) => {
  test.setTimeout(240_000)
  const problems = watchProblems(page)
  await firstLessonAtItsEnd(page)
  // more of the lab's states: a host crashed with its dump read by crypto-util, a VM locked, a refusal
  await runFromToolbar(page, 'Host', 'Add host')
  await runFromToolbar(page, 'VM', 'Create VM', { Host: 'esx-03' })
  await contextAction(page, 'host:esx-02', 'Crash host (purple screen)')
  await contextAction(page, 'host:esx-02', 'Run crypto-util')
  await page.getByRole('dialog', { name: 'Run crypto-util' }).getByRole('button', { name: 'Run', exact: true }).click()
  await contextAction(page, 'kms:kms-1', 'Stop KMS')
  await contextAction(page, 'host:esx-01', 'Reboot host')
  await expect(node(page, 'vm:web-01')).toContainText('locked')
  await contextAction(page, 'vm:web-01', 'Unlock VM')
  await expect(page.getByRole('alert').filter({ hasText: /^Refused/ })).toBeVisible()

  await chooseLanguage(page, 'DE')
  await expect(page.getByRole('tab', { name: 'Ereignisse' })).toBeVisible()
  const found: string[] = []
  await read(page, 'window', found)
  await shot(page, 'de-full-lab')

  // every menu of the toolbar and every dialog behind an enabled item
  const toolbar = page.getByRole('navigation', { name: 'Aktionen' })
  const groups = await toolbar.getByRole('button').allInnerTexts()
  for (const group of groups) {
    await toolbar.getByRole('button', { name: group.trim(), exact: true }).click()
    const menu = page.getByRole('menu')
    await read(page, `menu ${group}`, found, menu)
    const items = await menu.getByRole('menuitem').all()
    for (let i = 0; i < items.length; i++) {
      const item = page.getByRole('menu').getByRole('menuitem').nth(i)
      if ((await item.getAttribute('aria-disabled')) === 'true') continue
      await item.click()
      const dialog = page.getByRole('dialog')
      await expect(dialog).toBeVisible()
      await expect(dialog.getByText('Frage das Labor…')).toHaveCount(0)
      await read(page, `dialog from ${group} #${i}`, found, dialog)
      await page.keyboard.press('Escape')
      await toolbar.getByRole('button', { name: group.trim(), exact: true }).click()
    }
    await page.keyboard.press('Escape')
  }
  for (const name of ['Lektionen', 'Datei', 'Einstellungen']) {
    await page.getByRole('button', { name, exact: true }).click()
    await read(page, `menu ${name}`, found)
    await page.keyboard.press('Escape')
  }
  await page.keyboard.press('?')
  await read(page, 'shortcuts', found, page.getByRole('dialog'))
  await shot(page, 'de-shortcuts')
  await page.keyboard.press('Escape')

  // every component: its context menu and its inspector with every section open
  const ids = await page.locator('.react-flow__node:not(.react-flow__node-labGroup)').evaluateAll((ns) => ns.map((n) => n.getAttribute('data-id')!))
  const side = page.getByRole('complementary', { name: 'Inspektor' })
  for (const id of ids) {
    await node(page, id).click({ button: 'right' })
    await read(page, `context menu ${id}`, found, page.getByRole('menu'))
    await page.keyboard.press('Escape')
    await node(page, id).click()
    await side.locator('details:not([open]) > summary').evaluateAll((ss) => ss.forEach((s) => (s.parentElement as HTMLDetailsElement).open = true))
    await read(page, `inspector ${id}`, found, side)
    if (id === 'host:esx-02') await shot(page, 'de-host-crashed')
  }

  // every event in the list, and the inspector of the KMIP ones and the refusals
  await page.getByRole('tab', { name: 'Ereignisse' }).click()
  const list = page.locator('.event-scroller')
  for (let i = 0; i < 60; i++) {
    await read(page, 'events', found, list)
    const before = await list.evaluate((e) => e.scrollTop)
    await list.evaluate((e) => (e.scrollTop -= e.clientHeight))
    if ((await list.evaluate((e) => e.scrollTop)) === before) break
  }
  for (const text of [/KMIP/]) {
    await list.locator('.event-row .event-main').filter({ hasText: text }).first().click()
    await read(page, `event ${text}`, found, side)
  }
  await shot(page, 'de-event')

  if (process.env.GERMAN_DUMP) console.log([...new Set(found)].join('\n'))
  expect([...new Set(found)], 'English words in the German window').toEqual([])
  expect(problems).toEqual([])
})

test('in German, a KMS refusal reads natively: the refused KMIP answer, the refused command and their events', async ({ page }) => {
  test.setTimeout(120_000)
  const problems = watchProblems(page)
  await firstLessonAtItsEnd(page)
  // The KMS administrator revokes and destroys the KEK of web-01: after a reboot vCenter asks the KMS for a key
  // whose material is gone, and the KMS refuses the Get.
  for (const op of ['Revoke a key', 'Destroy a key']) {
    await page.getByRole('navigation', { name: 'Actions' }).getByRole('button', { name: 'KMS', exact: true }).click()
    await page.getByRole('menuitem', { name: new RegExp(`^${op}`) }).click()
    const dialog = page.getByRole('dialog', { name: op })
    const key = dialog.getByLabel('Key', { exact: true })
    const kek = await key.locator('option').filter({ hasText: 'web-01' }).getAttribute('value')
    await key.selectOption(kek!)
    await expect(dialog.getByText('The lab would accept this.')).toBeVisible()
    await dialog.getByRole('button', { name: 'Run', exact: true }).click()
    await expect(dialog).toBeHidden()
  }
  await contextAction(page, 'host:esx-01', 'Reboot host')
  await expect(node(page, 'vm:web-01')).toContainText('locked')
  await contextAction(page, 'vm:web-01', 'Unlock VM')
  await expect(page.getByRole('alert').filter({ hasText: /^Refused/ })).toBeVisible()

  await chooseLanguage(page, 'DE')
  const destroyed = 'Der Schlüssel wurde auf dem KMS vernichtet: Sein Schlüsselmaterial gibt es nicht mehr, nur seine Attribute sind geblieben.'
  await expect(page.getByRole('alert').filter({ hasText: /^Abgelehnt/ })).toContainText(`Objekt nicht gefunden (Item Not Found). ${destroyed}`)
  const found: string[] = []
  await read(page, 'window', found)
  await page.getByRole('tab', { name: 'Ereignisse' }).click()
  const list = page.locator('.event-scroller')
  const refusedGet = list.locator('.event-row .event-main').filter({ hasText: 'lehnt die KMIP-Operation Get ab' }).first()
  await expect(refusedGet).toContainText(destroyed)
  await read(page, 'events', found, list)
  await refusedGet.click()
  await read(page, 'event of the refused Get', found, page.getByRole('complementary', { name: 'Inspektor' }))
  await shot(page, 'de-kms-refusal')
  expect([...new Set(found)], 'English words in the German window').toEqual([])
  expect(problems).toEqual([])
})
