import { describe, expect, it } from 'vitest'
import type { MenuItemConstructorOptions } from 'electron'
import { menuTemplate } from '../../electron/menu'

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flatten(i.submenu) : [])])
}

describe('the native menu', () => {
  const calls: string[] = []
  const actions = {
    newLab: () => calls.push('new'),
    openLab: () => calls.push('open'),
    saveLab: () => calls.push('save'),
    saveLabAs: () => calls.push('saveAs'),
    shareWithRoom: () => calls.push('share'),
    togglePresenter: () => calls.push('presenter'),
    openNotes: () => calls.push('notes')
  }

  it('has the zoom roles', () => {
    const roles = flatten(menuTemplate(actions, { isMac: false, devTools: false })).map((i) => i.role)
    expect(roles).toEqual(expect.arrayContaining(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen', 'quit', 'editMenu']))
  })

  it('wires the file items to the actions', () => {
    const items = flatten(menuTemplate(actions, { isMac: false, devTools: false }))
    for (const label of ['New Lab', 'Open Lab…', 'Save Lab', 'Save Lab As…', 'Share with the Room…']) {
      const item = items.find((i) => i.label === label)
      ;(item?.click as () => void)()
    }
    expect(calls).toEqual(['new', 'open', 'save', 'saveAs', 'share'])
  })

  it('switches presenter mode and opens the notes window from the View menu, with no bare-key accelerator', () => {
    calls.length = 0
    const view = menuTemplate(actions, { isMac: false, devTools: false }).find((m) => m.label === '&View')!
    const items = flatten([view])
    const presenter = items.find((i) => i.label === 'Presenter Mode (P)')!
    const notes = items.find((i) => i.label === 'Presenter Notes Window')!
    ;(presenter.click as () => void)()
    ;(notes.click as () => void)()
    expect(calls).toEqual(['presenter', 'notes'])
    expect(presenter.accelerator).toBeUndefined()
  })

  it('offers developer tools only when asked (unpackaged runs)', () => {
    const roles = (devTools: boolean) => flatten(menuTemplate(actions, { isMac: false, devTools })).map((i) => i.role)
    expect(roles(false)).not.toContain('toggleDevTools')
    expect(roles(true)).toContain('toggleDevTools')
    expect(flatten(menuTemplate(actions, { isMac: true, devTools: false })).map((i) => i.role)).toContain('appMenu')
  })
})
