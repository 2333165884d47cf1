// At the desk (1280×720, not presenter mode), as a student reads the window: node text large enough to read at the
// fit zoom of a lesson's lab, short key IDs in the event list as in the narration, one step number for the step
// counter, the narration and the event list while a key is in the air, and a Native Key Provider's box no bigger
// than what it holds.
import { expect, test, type Page } from '@playwright/test'
import { loadLesson, nodeTextSizes, openFreshLab, runFromToolbar, shot, watchProblems } from './ui'

test.use({ viewport: { width: 1280, height: 720 } })

const LESSON = 'Your first encrypted VM'
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i

/** Waits until the graph's zoom has not changed for 600 ms (a fit glides for 250 ms after the pane settles). */
async function settle(page: Page): Promise<void> {
  let last = -1
  for (let same = 0, i = 0; same < 4 && i < 60; i++) {
    await page.waitForTimeout(150)
    const zoom = await page.evaluate(() => new DOMMatrixReadOnly(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform).a)
    same = Math.abs(zoom - last) < 1e-4 ? same + 1 : 0
    last = zoom
  }
}

test('at 1280×720 a lesson lab’s node names read at 12 px or more, and its badges and counters stay legible', async ({ page }) => {
  const problems = watchProblems(page)
  await openFreshLab(page, { play: false })
  await loadLesson(page, LESSON)
  await page.keyboard.press('End')
  await expect(page.locator('html')).toHaveAttribute('data-presenter', 'false')
  await settle(page)
  const m = await nodeTextSizes(page)
  test.info().annotations.push({ type: 'node text at 1280×720 (px on screen)', description: JSON.stringify(m) })
  expect(m.components).toBeGreaterThanOrEqual(5)
  expect(m.components).toBeLessThanOrEqual(12)
  expect(m.name, 'node names').toBeGreaterThanOrEqual(12)
  // smaller than the names, as on the beamer, and about a quarter larger than before (7.2 and 7.6 px)
  expect(m.badge, 'state badges').toBeGreaterThanOrEqual(9)
  expect(m.counter, 'key counters and chips').toBeGreaterThanOrEqual(9)
  expect(m.group, 'group titles').toBeGreaterThanOrEqual(11)
  await shot(page, 'desk-1280-lesson')
  expect(problems).toEqual([])
})

test('event rows tell key IDs short, as the narration does, with the whole ID on hover', async ({ page }) => {
  await openFreshLab(page, { play: false })
  await loadLesson(page, LESSON)
  await page.keyboard.press('End')
  await page.getByRole('tab', { name: 'Events' }).click()
  const rows = page.locator('.event-row')
  await expect(rows.first()).toBeVisible()
  // The list is virtualised: walk it from the end to the start, reading the rows drawn on the way.
  const list = page.locator('.event-scroller')
  const seen = new Map<string, { text: string; ids: [string, string][]; title: string }>()
  for (let i = 0; i < 40; i++) {
    for (const r of await rows.evaluateAll((els) =>
      els.map((el) => ({
        seq: el.getAttribute('data-seq') ?? '',
        text: el.querySelector('.event-text')?.textContent ?? '',
        ids: [...el.querySelectorAll<HTMLElement>('.event-text .told-key-id')].map((k) => [k.textContent ?? '', k.title] as [string, string]),
        title: el.querySelector('.event-main')?.getAttribute('title') ?? ''
      }))
    ))
      seen.set(r.seq, r)
    const top = await list.evaluate((el) => el.scrollTop)
    if (top === 0) break
    await list.evaluate((el) => el.scrollBy(0, -el.clientHeight))
  }
  const withIds = [...seen.values()].filter((r) => r.ids.length > 0)
  expect(withIds.length, 'rows whose sentence names a key ID').toBeGreaterThan(3)
  for (const r of seen.values()) expect(r.text, r.title).not.toMatch(UUID)
  for (const r of withIds)
    for (const [short, full] of r.ids) {
      expect(full).toMatch(UUID)
      expect(short).toBe(`${full.slice(0, 8)}…${full.slice(-4)}`)
      // the row's own tooltip still tells the whole sentence, IDs and all
      expect(r.title).toContain(full)
    }
})

test('while a key is in the air, the step counter, the narration’s number and the flying event row agree', async ({ page }) => {
  await openFreshLab(page, { play: false })
  await loadLesson(page, LESSON)
  await page.getByLabel('Speed').selectOption('0.25')
  for (const pace of ['Wire', 'Story'] as const) {
    await page.getByRole('radio', { name: pace }).click()
    await page.getByRole('tab', { name: 'Events' }).click()
    // the keys go to the playback, not to the tab list
    await page.locator('#playback-play').focus()
    await page.keyboard.press('Home')
    await expect(page.locator('.position')).toHaveText(/^Step 0 of \d+$/)
    for (let step = 0; step < 3; step++) {
      await page.keyboard.press('ArrowRight')
      // All three read in one frame, taken while the event is in the air (an event that stays inside one component
      // flies no token, but is in the air all the same).
      const read = () =>
        page.evaluate(() => ({
          flights: document.querySelectorAll('.event-row.is-flying').length,
          counter: document.querySelector('.position')?.textContent?.match(/^Step (\d+) of/)?.[1] ?? '',
          narration: document.querySelector('.narration-seq')?.textContent ?? '',
          flying: document.querySelector('.event-row.is-flying')?.getAttribute('data-seq') ?? ''
        }))
      let now = await read()
      await expect.poll(async () => (now = await read()).flights, { intervals: [20] }).toBe(1)
      expect(now.counter, `${pace}: the counter tells the event in the air`).toBe(now.narration)
      expect(now.flying, `${pace}: the event list marks the same one`).toBe(now.narration)
      // → again lands it at once; the counter stays on the step now shown
      await page.keyboard.press('ArrowRight')
      await expect(page.locator('.event-row.is-flying')).toHaveCount(0)
      await expect(page.locator('.position')).toHaveText(new RegExp(`^Step ${now.counter} of`))
      await expect(page.locator('.narration-seq')).toHaveText(now.counter)
    }
  }
})

test('a Native Key Provider with no keys yet has a box the size of its title', async ({ page }) => {
  await openFreshLab(page, { play: false })
  await runFromToolbar(page, 'Host', 'Add host')
  await runFromToolbar(page, 'vCenter & providers', 'Add key provider', { Name: 'nkp', 'Type (optional)': 'native' })
  const box = page.locator('.react-flow__node-labGroup[data-id="provider:nkp"]')
  await expect(box).toContainText('Native Key Provider')
  const size = await box.evaluate((el) => {
    const group = el.querySelector<HTMLElement>('.group')!
    const content = [...group.children].reduce((bottom, c) => Math.max(bottom, c.getBoundingClientRect().bottom), 0) - group.getBoundingClientRect().top
    return { box: group.getBoundingClientRect().height, content, cut: group.scrollHeight > group.clientHeight + 1 }
  })
  test.info().annotations.push({ type: 'native provider box (px on screen)', description: JSON.stringify(size) })
  expect(size.cut, 'its title fits').toBe(false)
  // room for its title and a margin, no empty slot for a KMS server it will never have
  expect(size.box).toBeLessThan(size.content * 1.6)
  await shot(page, 'desk-native-provider')
})

test('in German the playback bar keeps to one line, and a toast never covers the narration, at the desk or on the beamer', async ({ page }) => {
  await openFreshLab(page, { play: false })
  // a lesson's lab: three-digit step numbers and two-line sentences, as a student sees them
  await loadLesson(page, LESSON)
  await page.keyboard.press('End')
  await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'DE' }).click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'de')
  for (const presenter of [false, true]) {
    if (presenter) await page.keyboard.press('p')
    await page.getByRole('navigation', { name: 'Aktionen' }).getByRole('button', { name: 'Host', exact: true }).click()
    await page.getByRole('menuitem', { name: /^Host hinzufügen/ }).click()
    const form = page.getByRole('dialog', { name: 'Host hinzufügen' })
    await expect(form.getByText('Das Labor würde das annehmen.')).toBeVisible()
    await form.getByRole('button', { name: 'Ausführen', exact: true }).click()
    const toast = page.locator('.notice').last()
    await expect(toast).toBeVisible()
    const boxes = await page.evaluate(() => {
      const rect = (s: string) => document.querySelector(s)!.getBoundingClientRect().toJSON() as DOMRect
      const bar = document.querySelector<HTMLElement>('.timeline-bar')!
      const kids = [...bar.children].map((c) => c.getBoundingClientRect())
      return { toast: rect('.notices'), narration: rect('.narration'), rows: new Set(kids.map((k) => Math.round(k.top + k.height / 2))).size, barKids: kids.length }
    })
    const overlaps = boxes.toast.bottom > boxes.narration.top && boxes.toast.top < boxes.narration.bottom && boxes.toast.right > boxes.narration.left
    expect(overlaps, `${presenter ? 'presenter' : 'desk'}: toast ${JSON.stringify(boxes.toast)} over narration ${JSON.stringify(boxes.narration)}`).toBe(false)
    if (!presenter) expect(boxes.rows, 'the playback bar’s controls sit on one line').toBe(1)
    await shot(page, `desk-de-toast${presenter ? '-presenter' : ''}`)
  }
})

test('the vCenter inspector names a provider’s trust by its words, not the mode’s id', async ({ page }) => {
  await openFreshLab(page, { play: false })
  await runFromToolbar(page, 'KMS', 'Add KMS server')
  await runFromToolbar(page, 'vCenter & providers', 'Add key provider')
  await runFromToolbar(page, 'vCenter & providers', 'Establish trust')
  await page.locator('.react-flow__node[data-id="vcenter"]').click()
  const side = page.getByRole('complementary', { name: 'Inspector' })
  await expect(side).toContainText('trusted (vCenter certificate)')
  await expect(side).not.toContainText('vcenter-cert')
})
