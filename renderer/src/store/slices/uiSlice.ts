// Dialogs, menus, notices and settings: what only the window has. No host calls here.

import { DEFAULT_SETTINGS, readSettings } from '../settings'
import type { Notice, SliceKit, UiActions, UiSliceState } from '../types'

/** Only the latest few notices: a burst of commands should not bury the graph (the last error stays). */
export function keepNotices(notices: readonly Notice[], notice: Notice): Notice[] {
  return [...notices.filter((x) => x.kind === 'error').slice(-1), ...notices.filter((x) => x.kind !== 'error').slice(-1), notice].slice(-3)
}

export function createUiSlice({ set, get, options }: SliceKit): { state: UiSliceState; actions: UiActions } {
  let noticeId = 0
  const patchUi = (patch: Partial<UiSliceState['ui']>) => set((s) => ({ ui: { ...s.ui, ...patch } }))
  return {
    state: {
      settings: readSettings(options.settings?.load(), { ...DEFAULT_SETTINGS, language: options.defaultLanguage ?? DEFAULT_SETTINGS.language }),
      busy: null,
      notices: [],
      ui: { dialog: null, menu: null, help: false, newLab: false, fitRequest: 0 }
    },
    actions: {
      setSettings(patch) {
        const settings = { ...get().settings, ...patch }
        set({ settings })
        options.settings?.save(settings)
      },
      notify(n) {
        set((s) => ({ notices: keepNotices(s.notices, { ...n, id: ++noticeId }) }))
      },
      dismissNotice(id) {
        set((s) => ({ notices: s.notices.filter((n) => n.id !== id) }))
      },
      openDialog(op, args = {}) {
        patchUi({ dialog: { op, args }, menu: null })
      },
      closeDialog() {
        patchUi({ dialog: null })
      },
      openMenu(id, x, y) {
        patchUi({ menu: { id, x, y } })
      },
      closeMenu() {
        patchUi({ menu: null })
      },
      setHelp(open) {
        patchUi({ help: open })
      },
      setNewLabOpen(open) {
        patchUi({ newLab: open })
      },
      requestFit() {
        set((s) => ({ ui: { ...s.ui, fitRequest: s.ui.fitRequest + 1 } }))
      }
    }
  }
}
