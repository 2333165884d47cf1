// A guided lesson in the browser: the student does "Your first encrypted VM" by hand from the menus and watches
// the objectives tick themselves from the lab; stepping back un-ticks them; the script can also be watched step by
// step, with the presenter's notes beside the objectives.
import { expect, test, type Page } from '@playwright/test'
import { choosePlayback, labUrl, loadLesson, openFreshLab, runFromToolbar, shot, watchProblems } from './ui'

const objective = (page: Page, id: string) => page.getByRole('tabpanel').locator(`.objective[data-objective="${id}"]`)

async function expectProgress(page: Page, done: number, total = 7): Promise<void> {
  const lesson = page.getByRole('tabpanel')
  await expect(lesson.getByRole('progressbar', { name: `Objectives done: ${done} of ${total}` })).toBeVisible()
  await expect(lesson.locator('.objectives-count')).toHaveText(`${done} of ${total}`)
}

test('a student does “Your first encrypted VM” by hand: the objectives tick, step back un-ticks, progress reaches 100%', async ({ page }) => {
  const problems = watchProblems(page)
  // The lesson replaces whatever lab is open: no fresh lab first (under load that alone took a tenth of the budget).
  await page.goto(labUrl())
  await choosePlayback(page, { play: false })
  await loadLesson(page, 'Your first encrypted VM')
  const lesson = page.getByRole('tabpanel')
  await lesson.getByRole('button', { name: 'Do it yourself' }).click()
  await expect(lesson.getByRole('button', { name: 'Do it yourself' })).toHaveAttribute('aria-pressed', 'true')
  await expect(page.getByText('Step 0 of 0')).toBeVisible()
  await expect(lesson.getByRole('heading', { name: 'Objectives' })).toBeVisible()
  await expect(lesson.locator('.objective-list > li')).toHaveCount(7)
  await expectProgress(page, 0)

  // Stuck at the start: the hint says which menus and why, and offers their forms.
  await lesson.getByRole('button', { name: /^Hint: A KMS in a key provider/ }).click()
  const hint = lesson.locator('.objective-hint')
  await expect(hint).toContainText('vCenter only talks to the KMS servers of a provider it has registered')
  await hint.getByRole('button', { name: 'KMS → Add KMS server' }).click()
  await expect(page.getByRole('dialog', { name: 'Add KMS server' })).toBeVisible()
  await page.keyboard.press('Escape')

  await runFromToolbar(page, 'KMS', 'Add KMS server')
  await runFromToolbar(page, 'vCenter & providers', 'Add key provider')
  await expect(objective(page, 'provider')).toHaveClass(/is-done/)
  await expect(lesson.locator('[aria-live="polite"]')).toHaveText('Objective done: A KMS in a key provider vCenter knows.')
  await expectProgress(page, 1)

  await runFromToolbar(page, 'vCenter & providers', 'Establish trust')
  await expect(objective(page, 'trust')).toHaveClass(/is-done/)
  await runFromToolbar(page, 'Host', 'Add host')
  await expect(objective(page, 'cluster')).toHaveClass(/is-open/)
  await runFromToolbar(page, 'Host', 'Add host')
  await runFromToolbar(page, 'VM', 'Create VM')
  await expectProgress(page, 3)

  await runFromToolbar(page, 'VM', 'Encrypt VM')
  await expectProgress(page, 6)
  for (const id of ['hostsSafe', 'encrypted', 'diskCiphertext']) await expect(objective(page, id)).toHaveClass(/is-done/)
  await expect(objective(page, 'poweredOn')).toHaveClass(/is-open/)

  // Step back before vCenter recorded the key ID: the VM is not encrypted yet, and the list says so.
  // Each press is awaited before the objective is read again. A press while tokens are still in the air only lands
  // them (the step stays); reading before the window settled pressed again and again, past the moment meant here.
  const position = page.getByText(/^Step \d+ of \d+$/)
  for (let i = 0; i < 10 && (await objective(page, 'encrypted').getAttribute('class'))!.includes('is-done'); i++) {
    const before = (await position.textContent())!
    const flying = await page.locator('.token').count()
    await page.keyboard.press('ArrowLeft')
    if (flying) await expect(page.locator('.token')).toHaveCount(0)
    else await expect(position).not.toHaveText(before)
  }
  await expect(objective(page, 'encrypted')).toHaveClass(/is-open/)
  await expect(objective(page, 'diskCiphertext')).toHaveClass(/is-open/)
  await expect(objective(page, 'hostsSafe')).toHaveClass(/is-done/)
  await expectProgress(page, 4)
  await page.keyboard.press('End')
  await expectProgress(page, 6)

  await runFromToolbar(page, 'VM', 'Power on')
  await expectProgress(page, 7)
  await expect(lesson.locator('.objective.is-done')).toHaveCount(7)
  await expect(lesson.getByText('All objectives done — well done.')).toBeVisible()
  await expect(lesson.getByRole('button', { name: /^Hint/ })).toHaveCount(0)
  await shot(page, 'lesson-by-hand-done')
  expect(problems).toEqual([])
})

test('“Show me” plays the script step by step and ticks the same objectives; presenter mode keeps the notes off the beamer', async ({ page }) => {
  const problems = watchProblems(page)
  await openFreshLab(page, { play: false })
  await loadLesson(page, 'Your first encrypted VM')
  const lesson = page.getByRole('tabpanel')
  await expect(lesson.getByRole('button', { name: 'Show me' })).toHaveAttribute('aria-pressed', 'true')
  await expectProgress(page, 0)
  await page.getByLabel('Speed').selectOption('4')
  await lesson.getByRole('button', { name: 'Next step: Add KMS server' }).click()
  await expect(lesson.getByRole('button', { name: 'Next step: Add key provider' })).toBeVisible()
  await lesson.getByRole('button', { name: 'Next step: Add key provider' }).click()
  await expect(objective(page, 'provider')).toHaveClass(/is-done/)
  await expect(lesson.getByText('step 2 of 8')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible()

  // Presenter mode is what the beamer shows: the side panel with the presenter's notes collapses, and the
  // narration is large enough for the back row and never cut.
  await page.keyboard.press('p')
  await expect(page.locator('html')).toHaveAttribute('data-presenter', 'true')
  await expect(page.getByRole('complementary', { name: 'Inspector' })).toBeHidden()
  await expect(page.locator('.presenter-note').first()).toBeHidden()
  await page.keyboard.press('ArrowRight')
  const narration = page.getByTestId('narration')
  await expect(narration).toBeVisible()
  const size = await narration.evaluate((el) => ({ font: parseFloat(getComputedStyle(el).fontSize), cut: el.scrollHeight > el.clientHeight + 1 }))
  expect(size.font).toBeGreaterThanOrEqual(28)
  expect(size.cut).toBe(false)
  await shot(page, 'lesson-presenter')
  await page.keyboard.press('p')
  await expect(page.getByRole('complementary', { name: 'Inspector' })).toBeVisible()
  expect(problems).toEqual([])
})
