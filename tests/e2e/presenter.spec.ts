// The presenter in front of a room: at 1920×1080 in presenter mode a lesson's lab reads from the back row (sizes
// measured as seen on screen: computed font size × React Flow's zoom), the graph fits again after the window
// changes size, focusing an event keeps the whole lab in view, the narration tells short key IDs and is never
// cut at 1280×720, and the speaker notes live in a second view (/notes) that follows the step, never in the
// projected window.
import { expect, test, type Locator, type Page } from '@playwright/test'
import { labUrl, loadLesson, node, nodeTextSizes, openFreshLab, shot, watchProblems } from './ui'

const LESSON = 'Your first encrypted VM'
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i

interface Sizes {
  zoom: number
  /** Smallest on-screen size (px) of each kind of text in the graph's nodes. */
  name: number
  badge: number
  counter: number
  narration: number
  narrationCut: boolean
  /** Components drawn (React Flow nodes that are not groups) and how many lie wholly inside the graph's pane. */
  components: number
  inView: number
}

/** What a person sees: every size is the computed font size times the zoom of React Flow's viewport. */
async function measure(page: Page): Promise<Sizes> {
  const { zoom, name, badge, counter } = await nodeTextSizes(page)
  const strip = await page.evaluate(() => {
    const narration = document.querySelector<HTMLElement>('[data-testid="narration"]')!
    const pane = document.querySelector('.graph')!.getBoundingClientRect()
    const nodes = [...document.querySelectorAll<HTMLElement>('.react-flow__node:not(.react-flow__node-labGroup)')].map((n) => n.getBoundingClientRect())
    const inside = (r: DOMRect) => r.left >= pane.left - 0.5 && r.top >= pane.top - 0.5 && r.right <= pane.right + 0.5 && r.bottom <= pane.bottom + 0.5
    const box = narration.getBoundingClientRect()
    return {
      narration: parseFloat(getComputedStyle(narration).fontSize),
      narrationCut: narration.scrollHeight > narration.clientHeight + 1 || narration.scrollWidth > narration.clientWidth + 1 || box.bottom > window.innerHeight,
      components: nodes.length,
      inView: nodes.filter(inside).length
    }
  })
  return { zoom, name, badge, counter, ...strip }
}

/** Node names shown cut with an ellipsis: the visible text ends before the name does. */
function cutNames(page: Page): Promise<string[]> {
  return page.locator('.react-flow__node .node-name').evaluateAll((els) =>
    els
      .filter((e) => {
        const text = [...e.childNodes].find((n) => n.nodeType === Node.TEXT_NODE)
        if (!text) return false
        const range = document.createRange()
        range.selectNodeContents(text)
        return range.getBoundingClientRect().right > e.getBoundingClientRect().right + 0.5
      })
      .map((e) => e.textContent ?? '')
  )
}

/** Waits until the graph's fit has settled (the refit waits for the resize to end, then glides for 250 ms). */
async function settledZoom(page: Page): Promise<number> {
  let last = -1
  let same = 0
  for (let i = 0; i < 60; i++) {
    await page.waitForTimeout(150)
    const zoom = await page.evaluate(() => new DOMMatrixReadOnly(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform).a)
    same = Math.abs(zoom - last) < 1e-4 ? same + 1 : 0
    // Unchanged for 600 ms: longer than the wait for the resize to end and the glide together.
    if (same >= 4) return zoom
    last = zoom
  }
  throw new Error('the graph never settled')
}

/** Goes to step `target` with ← from the end (each ← lands at once), in the page. */
async function stepTo(page: Page, target: number, total: number): Promise<void> {
  await page.keyboard.press('End')
  await expect(page.getByText(`Step ${total} of ${total}`, { exact: true })).toBeVisible()
  await page.evaluate(
    async ([target, total]) => {
      const frame = () => new Promise((r) => requestAnimationFrame(() => r(null)))
      const cursor = () => Number(document.querySelector('.position')?.textContent?.match(/^Step (\d+) of/)?.[1] ?? -1)
      for (let guard = 0; cursor() > target && guard < 2 * total; guard++) {
        const before = cursor()
        window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true }))
        for (let i = 0; i < 120 && cursor() === before; i++) await frame()
      }
    },
    [target, total]
  )
  await expect(page.getByText(`Step ${target} of ${total}`, { exact: true })).toBeVisible()
}

async function expectWholeLabInView(page: Page): Promise<Sizes> {
  await settledZoom(page)
  const m = await measure(page)
  expect(m.components).toBeGreaterThanOrEqual(5)
  expect(m.inView, 'every component inside the graph pane').toBe(m.components)
  return m
}

/** At 1920×1080, the lesson's lab at its last step, in presenter mode. */
async function lessonLabOnABeamer(page: Page): Promise<void> {
  await page.setViewportSize({ width: 1920, height: 1080 })
  await openFreshLab(page, { play: false })
  await loadLesson(page, LESSON)
  await page.keyboard.press('End')
  await page.keyboard.press('p')
  await expect(page.locator('html')).toHaveAttribute('data-presenter', 'true')
}

test('in presenter mode the menus and dialogs read from the back row too, and stay inside the window', async ({ page }) => {
  const problems = watchProblems(page)
  await page.setViewportSize({ width: 1920, height: 1080 })
  await openFreshLab(page, { play: false })
  await loadLesson(page, LESSON)
  await page.keyboard.press('p')
  await expect(page.locator('html')).toHaveAttribute('data-presenter', 'true')
  // Text size as drawn: the computed font size times the zoom that applies to the element.
  const drawn = (l: Locator) => l.evaluate((e) => parseFloat(getComputedStyle(e).fontSize) * ((e as Element & { currentCSSZoom?: number }).currentCSSZoom ?? 1))
  await page.getByRole('navigation', { name: 'Actions' }).getByRole('button', { name: 'VM', exact: true }).click()
  const item = page.getByRole('menuitem', { name: /^Create VM/ })
  expect(await drawn(item), 'a menu item').toBeGreaterThanOrEqual(20)
  const menu = await page.locator('.popover-panel').boundingBox()
  expect(menu!.y + menu!.height, 'the longest menu ends inside the window').toBeLessThanOrEqual(1080)
  await item.click()
  const dialog = page.getByRole('dialog', { name: 'Create VM' })
  await expect(dialog).toBeVisible()
  expect(await drawn(dialog.getByText('Name', { exact: true })), 'a field label').toBeGreaterThanOrEqual(18)
  const box = await dialog.boundingBox()
  expect(box!.y >= 0 && box!.y + box!.height <= 1080, 'the dialog inside the window').toBe(true)
  await shot(page, 'presenter-1920-dialog')
  await page.keyboard.press('Escape')
  expect(problems).toEqual([])
})

test('in presenter mode a node’s context menu is as large as the toolbar’s menus, opens at the pointer and stays inside the window', async ({ page }) => {
  const problems = watchProblems(page)
  await lessonLabOnABeamer(page)
  await settledZoom(page)
  const drawn = (l: Locator) => l.evaluate((e) => parseFloat(getComputedStyle(e).fontSize) * ((e as Element & { currentCSSZoom?: number }).currentCSSZoom ?? 1))
  await page.getByRole('navigation', { name: 'Actions' }).getByRole('button', { name: 'VM', exact: true }).click()
  const toolbarItem = await drawn(page.getByRole('menuitem', { name: /^Create VM/ }))
  await page.keyboard.press('Escape')

  // The topmost component, right-clicked in its middle: the menu has room below, so it opens where the pointer is.
  const ids = await page.locator('.react-flow__node:not(.react-flow__node-labGroup)').evaluateAll((ns) =>
    ns.map((n) => ({ id: n.getAttribute('data-id')!, top: n.getBoundingClientRect().top })).sort((a, b) => a.top - b.top)
  )
  const target = node(page, ids[0].id)
  const box = (await target.boundingBox())!
  const at = { x: Math.round(box.x + box.width / 2), y: Math.round(box.y + box.height / 2) }
  await page.mouse.click(at.x, at.y, { button: 'right' })
  const menu = page.locator('.context-menu')
  await expect(menu).toBeVisible()
  expect(await drawn(menu.getByRole('menuitem').first()), 'a context menu item as drawn').toBeGreaterThanOrEqual(toolbarItem)
  const opened = (await menu.boundingBox())!
  expect(at.y + opened.height, 'room below the pointer').toBeLessThan(1080 - 8)
  expect(Math.abs(opened.x - at.x), 'left edge at the pointer').toBeLessThanOrEqual(1)
  expect(Math.abs(opened.y - at.y), 'top edge at the pointer').toBeLessThanOrEqual(1)
  await shot(page, 'presenter-1920-context-menu')
  // A reason longer than two lines is cut in the list; pointed at, the item shows all of it, inside the window.
  const cut = (l: Locator) => l.evaluate((e) => e.scrollHeight > e.clientHeight + 1)
  const hints = menu.locator('.menu-item.is-disabled .menu-item-hint')
  let long = -1
  for (let i = 0; i < (await hints.count()) && long < 0; i++) if (await cut(hints.nth(i))) long = i
  expect(long, 'a disabled item whose reason is cut').toBeGreaterThanOrEqual(0)
  await hints.nth(long).hover()
  await expect.poll(() => cut(hints.nth(long)), 'the reason pointed at is shown whole').toBe(false)
  const grown = (await menu.boundingBox())!
  expect(grown.y + grown.height, 'the grown menu inside the window').toBeLessThanOrEqual(1080)
  await page.keyboard.press('Escape')
  await expect(menu).toBeHidden()

  // Opened near the bottom-right corner of the window (a right-click there, as the node would get it), the menu
  // moves just so far that all of it is inside the window, 8 px from its edges.
  await target.evaluate((n) => n.dispatchEvent(new MouseEvent('contextmenu', { clientX: 1915, clientY: 1075, button: 2, bubbles: true, cancelable: true })))
  await expect(menu).toBeVisible()
  const corner = (await menu.boundingBox())!
  expect(corner.width, 'zoomed as the toolbar’s menus').toBeCloseTo(opened.width, 0)
  expect(corner.x + corner.width, 'right edge inside the window, near the pointer').toBeCloseTo(1920 - 8, 0)
  expect(corner.y + corner.height, 'bottom edge inside the window, near the pointer').toBeCloseTo(1080 - 8, 0)
  await shot(page, 'presenter-1920-context-menu-corner')
  await page.keyboard.press('Escape')
  await page.keyboard.press('p')
  expect(problems).toEqual([])
})

test('at 1920×1080 in presenter mode a lesson lab reads from the back row, and the graph fits again after every resize', async ({ page }) => {
  test.setTimeout(180_000)
  const problems = watchProblems(page)
  await lessonLabOnABeamer(page)
  await expect(page.getByRole('complementary', { name: 'Inspector' })).toBeHidden()

  const big = await expectWholeLabInView(page)
  test.info().annotations.push({ type: 'sizes at 1920×1080 (px on screen)', description: JSON.stringify(big) })
  expect(big.name, 'node names').toBeGreaterThanOrEqual(24)
  expect(big.badge, 'state badges').toBeGreaterThanOrEqual(18)
  expect(big.counter, 'key counters and chips').toBeGreaterThanOrEqual(18)
  expect(big.narration).toBeGreaterThanOrEqual(28)
  expect(big.narrationCut).toBe(false)
  // No node's name is cut with an ellipsis.
  expect(await cutNames(page)).toEqual([])
  await shot(page, 'presenter-1920-lesson')

  // The window moves to a smaller screen and back (or leaves full screen): the lab fits each time, without F.
  await page.setViewportSize({ width: 1280, height: 720 })
  const small = await expectWholeLabInView(page)
  expect(small.zoom).toBeLessThan(big.zoom)
  await shot(page, 'presenter-resized-1280')
  await page.setViewportSize({ width: 1920, height: 1080 })
  const again = await expectWholeLabInView(page)
  expect(again.zoom).toBeCloseTo(big.zoom, 2)
  await shot(page, 'presenter-resized-back-1920')

  // German reads natively at the same sizes (state badges and names are not cut).
  await page.getByRole('button', { name: 'DE', exact: true }).click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'de')
  const german = await expectWholeLabInView(page)
  expect(german.badge).toBeGreaterThanOrEqual(18)
  expect(await cutNames(page)).toEqual([])
  await shot(page, 'presenter-1920-de')
  await page.getByRole('button', { name: 'EN', exact: true }).click()

  // Leaving presenter mode: the side panel returns and the lab fits beside it; choosing an event or focusing a
  // node keeps the whole lab in view (nothing hidden behind the side panel).
  await page.keyboard.press('p')
  await expect(page.getByRole('complementary', { name: 'Inspector' })).toBeVisible()
  await expectWholeLabInView(page)
  await page.getByRole('tab', { name: 'Events' }).click()
  await page.locator('.event-row .event-main').nth(3).click()
  await expectWholeLabInView(page)
  await page.locator('.react-flow__node[data-id]').last().focus()
  await expectWholeLabInView(page)
  await shot(page, 'desk-1920-event-focused')
  expect(problems).toEqual([])
})

test('presenter mode switches by P, by the View menu and by ?presenter=1', async ({ page }) => {
  test.setTimeout(60_000)
  const problems = watchProblems(page)
  await openFreshLab(page, { play: false })
  const html = page.locator('html')
  await expect(html).toHaveAttribute('data-presenter', 'false')
  await page.keyboard.press('p')
  await expect(html).toHaveAttribute('data-presenter', 'true')
  await page.keyboard.press('P')
  await expect(html).toHaveAttribute('data-presenter', 'false')

  await page.getByRole('button', { name: 'View', exact: true }).click()
  await page.getByRole('menuitem', { name: /Presenter mode/ }).click()
  await expect(html).toHaveAttribute('data-presenter', 'true')
  await page.getByRole('button', { name: 'View', exact: true }).click()
  await page.getByRole('menuitem', { name: /Presenter mode/ }).click()
  await expect(html).toHaveAttribute('data-presenter', 'false')

  await page.goto(`${labUrl()}&presenter=1`)
  await expect(html).toHaveAttribute('data-presenter', 'true')
  await page.goto(`${labUrl()}&presenter=0`)
  await expect(html).toHaveAttribute('data-presenter', 'false')
  expect(problems).toEqual([])
})

test('at 1280×720 the narration tells short key IDs (the whole ID on hover) and is never cut, at the desk and in presenter mode', async ({ page }) => {
  test.setTimeout(240_000)
  const problems = watchProblems(page)
  await page.setViewportSize({ width: 1280, height: 720 })
  await openFreshLab(page, { play: false })
  await loadLesson(page, LESSON)
  const total = Number((await page.getByText(/^Step 0 of \d+$/).textContent())!.match(/of (\d+)/)![1])
  for (const presenter of [false, true]) {
    if (presenter) await page.keyboard.press('p')
    await page.keyboard.press('End')
    await expect(page.getByText(`Step ${total} of ${total}`, { exact: true })).toBeVisible()
    // Every shown step, from the end back to the first (← lands at once; → would fly a token each time, minutes on
    // a busy machine), read in the page.
    const steps = await page.evaluate(async (total) => {
      const frame = () => new Promise((r) => requestAnimationFrame(() => r(null)))
      const seen: { step: number; text: string; cut: boolean; ids: [string, string][] }[] = []
      const back = () => window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true }))
      const seq = () => Number(document.querySelector('.narration-seq')?.textContent ?? 0)
      const cursor = () => Number(document.querySelector('.position')?.textContent?.match(/^Step (\d+) of/)?.[1] ?? -1)
      const until = async (done: () => boolean) => {
        for (let i = 0; i < 120 && !done(); i++) await frame()
      }
      for (let guard = 0; guard < 2 * total; guard++) {
        const step = cursor()
        await until(() => seq() === step)
        await frame()
        const el = document.querySelector<HTMLElement>('[data-testid="narration"]')!
        seen.push({
          step,
          text: `${seq()}: ${el.textContent ?? ''}`,
          cut: el.scrollHeight > el.clientHeight + 1 || el.getBoundingClientRect().bottom > window.innerHeight || getComputedStyle(el).textOverflow === 'ellipsis',
          ids: [...el.querySelectorAll<HTMLElement>('.told-key-id')].map((k) => [k.textContent ?? '', k.title] as [string, string])
        })
        if (step <= 1) break
        back()
        await until(() => cursor() < step)
      }
      return seen
    }, total)
    expect(steps.length).toBeGreaterThan(total / 2)
    expect(steps.map((s) => s.text.split(':')[0])).toEqual(steps.map((s) => String(s.step)))
    for (const s of steps) {
      expect(s.cut, s.text).toBe(false)
      expect(s.text).not.toMatch(UUID)
      for (const [short, full] of s.ids) {
        expect(full).toMatch(UUID)
        expect(short).toBe(`${full.slice(0, 8)}…${full.slice(-4)}`)
      }
    }
    expect(steps.filter((s) => s.ids.length > 0).length, 'steps whose narration names a key ID').toBeGreaterThan(5)
    // The longest sentence with a key ID, as the room sees it.
    const longest = steps.filter((s) => s.ids.length > 0).sort((a, b) => b.text.length - a.text.length)[0]
    await stepTo(page, longest.step, total)
    await expect(page.locator('.narration-seq')).toHaveText(String(longest.step))
    await shot(page, `narration-1280${presenter ? '-presenter' : ''}-short-ids`)
  }
  expect(problems).toEqual([])
})

test('the speaker notes are never projected: they live at /notes, with the step now, the next step and a clock, following the presenter’s window', async ({ page, context }) => {
  test.setTimeout(90_000)
  const problems = watchProblems(page)
  await page.setViewportSize({ width: 1920, height: 1080 })
  await openFreshLab(page, { play: false })
  await loadLesson(page, LESSON)
  await page.keyboard.press('p')

  // View → Presenter notes opens the notes in a new tab of the same origin, carrying the page's token.
  await page.getByRole('button', { name: 'View', exact: true }).click()
  const [notesPage] = await Promise.all([context.waitForEvent('page'), page.getByRole('menuitem', { name: 'Presenter notes in a new tab' }).click()])
  const notesProblems = watchProblems(notesPage)
  await notesPage.setViewportSize({ width: 1280, height: 800 })
  expect(new URL(notesPage.url()).pathname).toBe('/notes')
  expect(new URL(notesPage.url()).searchParams.get('token')).toBe(new URL(labUrl()).searchParams.get('token'))
  const notes = notesPage.getByTestId('presenter-notes')
  await expect(notes).toBeVisible()
  await expect(notes.getByRole('heading', { name: new RegExp(LESSON) })).toBeVisible()
  await expect(notes.getByText('The projected window is in presenter mode.')).toBeVisible()
  await expect(notes.getByRole('timer')).toContainText(/\d{2}:\d{2}/)
  await expect(notes.locator('.notes-command')).toHaveText(/^Add KMS server/)
  await expect(notes.locator('.notes-now .notes-sentence')).toHaveText('The start: nothing has happened yet.')
  const sayFirst = 'Say: every key you will see is real'
  await expect(notes.getByText(sayFirst, { exact: false })).toBeVisible()

  // The projected window shows none of it.
  await expect(page.locator('body')).not.toContainText(sayFirst)
  await expect(page.locator('.presenter-note')).toHaveCount(0)

  // The notes follow the presenter's step and lesson script.
  await page.bringToFront()
  await page.keyboard.press('ArrowRight')
  await expect(page.getByText(/^Step 1 of \d+$/)).toBeVisible()
  await expect(notes.locator('.notes-now h2')).toContainText('step 1 of')
  const told = await page.getByTestId('narration').textContent()
  await expect(notes.locator('.notes-now .notes-sentence')).toHaveText(told!)
  await page.keyboard.press('End')
  await expect(notes.locator('.notes-next .notes-sentence')).toHaveText('The end of the lab’s history.')
  await expect(notes.locator('.notes-list li.is-done').first()).toBeVisible()
  await page.keyboard.press('Home')
  await page.keyboard.press('ArrowRight')
  await expect(page.getByText(/^Step 1 of \d+$/)).toBeVisible()
  // The counter (and the notes) tell step 1 while it is still in the air; → again would only land it: wait until
  // it has (the playback stops once the step has landed).
  await expect(notes.locator('.notes-now h2')).toContainText('step 1 of')
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible()
  await page.keyboard.press('ArrowRight')
  await expect(page.getByText(/^Step 2 of \d+$/)).toBeVisible()
  await expect(notes.locator('.notes-now h2')).toContainText('step 2 of')
  await shot(notesPage, 'presenter-notes-en')

  // In German, as the presenter's window is.
  await page.getByRole('button', { name: 'DE', exact: true }).click()
  await expect(notes.getByRole('heading', { name: /Vortragsnotizen/ })).toBeVisible()
  await expect(notes.getByText('Das projizierte Fenster ist im Präsentationsmodus.')).toBeVisible()
  await expect(notes.getByRole('heading', { name: /Ihre erste verschlüsselte VM/ })).toBeVisible()
  await shot(notesPage, 'presenter-notes-de')
  await page.getByRole('button', { name: 'EN', exact: true }).click()
  await page.keyboard.press('p')
  await expect(notes.getByText('The projected window is not in presenter mode: press P there.')).toBeVisible()

  // A notes tab opened on its own (a bookmark) asks for the presenter's window until one answers.
  await page.close()
  const lone = await context.newPage()
  await lone.goto(new URL('/notes', labUrl()).href)
  await expect(lone.getByTestId('presenter-notes')).toContainText('Waiting for the presenter’s window')
  expect(problems).toEqual([])
  expect(notesProblems).toEqual([])
})
