// Listens for the window's keyboard shortcuts (keyboard/shortcuts.ts) while no field has the key.

import { useEffect } from 'react'
import { isTypingTarget, shortcutFor } from '../keyboard/shortcuts'
import { useLabStoreApi } from './useLabStoreApi'

export function useShortcuts(): void {
  const store = useLabStoreApi()
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || isTypingTarget(e.target as HTMLElement | null, e.key)) return
      // A modal dialog owns the keyboard.
      if (document.querySelector('dialog[open]')) return
      const s = store.getState()
      const action = shortcutFor(e, s.clock.rate)
      if (!action) return
      const a = s.actions
      e.preventDefault()
      switch (action.type) {
        case 'togglePlay':
          return a.togglePlay()
        case 'stepForward':
          return a.stepForward()
        case 'stepBack':
          return void a.stepBack()
        case 'finishCommand':
          return a.finishCommand()
        case 'undo':
          return void a.undo()
        case 'redo':
          return void a.redo()
        case 'reset':
          return void a.reset()
        case 'toEnd':
          return a.toEnd()
        case 'checkpoint':
          return void a.gotoCheckpoint(action.index)
        case 'addCheckpoint':
          return a.addCheckpoint()
        case 'fit':
          return a.requestFit()
        case 'toggleView':
          return a.setSettings({ view: s.settings.view === 'graph' ? 'table' : 'graph' })
        case 'togglePresenter':
          return a.setSettings({ presenter: !s.settings.presenter })
        case 'rate':
          return a.setRate(action.rate)
        case 'help':
          return a.setHelp(!s.ui.help)
        case 'escape':
          a.closeMenu()
          return a.setHelp(false)
      }
    }
    // A focused button would also take Space as a click on key up: the shortcut already used it.
    const onKeyUp = (e: KeyboardEvent) => {
      if (e.key === ' ' && !isTypingTarget(e.target as HTMLElement | null, e.key) && !document.querySelector('dialog[open]')) e.preventDefault()
    }
    window.addEventListener('keydown', onKey)
    window.addEventListener('keyup', onKeyUp)
    return () => {
      window.removeEventListener('keydown', onKey)
      window.removeEventListener('keyup', onKeyUp)
    }
  }, [store])
}
