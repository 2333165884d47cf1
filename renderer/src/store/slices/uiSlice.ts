// Dialogs, menus, notices and settings: what only the window has. No host calls here.

import { DEFAULT_SETTINGS, readSettings } from '../settings'
import { lastSeq } from '../loadedTimeline'
import type { Language } from '../../../../shared/i18n/message'
import type { FileWork } from '../../../../shared/api/contract'
import type { BusyKey, Notice, ReplaceChoice, SliceKit, UiActions, UiSliceState } from '../types'

/** What the window says while the host reads or writes a lab file the person chose. */
const FILE_WORK_BUSY: Record<FileWork, BusyKey> = { opening: 'busy.opening', saving: 'busy.saving' }

/** The same words as another notice (its place in the list aside). */
const saysTheSame = (a: Notice, b: Notice) => JSON.stringify({ ...a, id: 0 }) === JSON.stringify({ ...b, id: 0 })

/**
 * Only the latest few notices: a burst of commands should not bury the graph (the last error stays). A notice that
 * says again what one on screen says replaces it: a lost host refuses every call in the same words, once is enough.
 */
export function keepNotices(notices: readonly Notice[], notice: Notice): Notice[] {
  const others = notices.filter((x) => !saysTheSame(x, notice))
  return [...others.filter((x) => x.kind === 'error').slice(-1), ...others.filter((x) => x.kind !== 'error').slice(-1), notice].slice(-3)
}

export interface UiSlice {
  state: UiSliceState
  actions: UiActions
  /**
   * Carries out the desktop's native menu items (presenter mode, New, Open: the last two ask about unsaved changes as
   * the window's own do), shows the host's work on a lab file as busy, and tells the native menu the window's
   * language; returns the function that stops.
   */
  start(): () => void
  /**
   * Before a lab is replaced (new lab, open, import, a lesson): true when it may go — nothing unsaved, or the person
   * saved it or chose to discard the changes; false when they kept it.
   */
  mayReplace(): Promise<boolean>
}

export function createUiSlice({ api, set, get, options }: SliceKit): UiSlice {
  let noticeId = 0
  let answer: ((choice: ReplaceChoice) => void) | null = null
  const patchUi = (patch: Partial<UiSliceState['ui']>) => set((s) => ({ ui: { ...s.ui, ...patch } }))
  /** The desktop's native menu speaks the window's language; a menu that stays as it was is no reason to bother the person. */
  const tellMenuLanguage = (language: Language) => {
    if (options.nativeMenu && api.setMenuLanguage) api.setMenuLanguage({ language }).catch(() => {})
  }
  return {
    state: {
      settings: readSettings(options.settings?.load(), { ...DEFAULT_SETTINGS, language: options.defaultLanguage ?? DEFAULT_SETTINGS.language }),
      busy: null,
      notices: [],
      ui: { dialog: null, menu: null, help: false, newLab: false, fitRequest: 0, replaceAsk: false }
    },
    start() {
      tellMenuLanguage(get().settings.language)
      return api.subscribe((push) => {
        if (push.type === 'fileWork') {
          set({ busy: push.work && FILE_WORK_BUSY[push.work] })
          return
        }
        if (push.type !== 'menu') return
        const a = get().actions
        if (push.item === 'presenter') a.setSettings({ presenter: !get().settings.presenter })
        else if (push.item === 'newLab') a.setNewLabOpen(true)
        else void a.openLab().then((f) => f && a.notify({ kind: 'ok', key: 'file.opened', params: { name: f.name } }))
      })
    },
    async mayReplace() {
      const t = get().timeline
      // A lab with nothing in it, or saved as it is, goes without a question.
      if (!t || !t.file.dirty || lastSeq(t) === 0) return true
      // A lesson as its script left it is made again by choosing the lesson: nothing of the person's own is lost.
      const lesson = get().scenario
      if (lesson?.mode === 'watch' && t.commands.length <= lesson.commandIndex.length) return true
      // One question at a time: a second replace while it is open waits for nothing and does not happen.
      if (get().ui.replaceAsk) return false
      patchUi({ replaceAsk: true })
      for (;;) {
        const choice = await new Promise<ReplaceChoice>((resolve) => (answer = resolve))
        if (choice === 'cancel') break
        if (choice === 'discard') return (patchUi({ replaceAsk: false }), true)
        // Saved: go on. Not saved (no file chosen, a write error): the question stays.
        if (await get().actions.saveLab()) return (patchUi({ replaceAsk: false }), true)
      }
      patchUi({ replaceAsk: false })
      return false
    },
    actions: {
      setSettings(patch) {
        const before = get().settings
        const settings = { ...before, ...patch }
        set({ settings })
        if (settings.language !== before.language) tellMenuLanguage(settings.language)
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
      answerReplace(choice) {
        const a = answer
        answer = null
        a?.(choice)
      },
      requestFit() {
        set((s) => ({ ui: { ...s.ui, fitRequest: s.ui.fitRequest + 1 } }))
      }
    }
  }
}
