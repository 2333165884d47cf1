// The keyboard map: one key → one window action. Pure, so it is tested without a page; the hook only listens.

import type { StringKey } from '../i18n/strings'
import { RATES } from '../playback/clock'

export type ShortcutAction =
  | { type: 'togglePlay' }
  | { type: 'stepForward' }
  | { type: 'stepBack' }
  | { type: 'finishCommand' }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'reset' }
  | { type: 'toEnd' }
  | { type: 'checkpoint'; index: number }
  | { type: 'addCheckpoint' }
  | { type: 'fit' }
  | { type: 'toggleView' }
  | { type: 'togglePresenter' }
  | { type: 'rate'; rate: number }
  | { type: 'help' }
  | { type: 'escape' }

export interface KeyInput {
  key: string
  ctrlKey?: boolean
  metaKey?: boolean
  altKey?: boolean
  shiftKey?: boolean
}

/** The action for a key press, or null (then the page keeps the key). `rate` is the current speed. */
export function shortcutFor(e: KeyInput, rate: number): ShortcutAction | null {
  if ((e.ctrlKey || e.metaKey) && !e.altKey && (e.key === 'z' || e.key === 'Z')) return { type: e.shiftKey ? 'redo' : 'undo' }
  if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && (e.key === 'y' || e.key === 'Y')) return { type: 'redo' }
  if (e.ctrlKey || e.metaKey || e.altKey) return null
  const i = RATES.indexOf(rate as (typeof RATES)[number])
  switch (e.key) {
    case ' ':
      return { type: 'togglePlay' }
    case 'ArrowRight':
      return e.shiftKey ? { type: 'finishCommand' } : { type: 'stepForward' }
    case 'ArrowLeft':
      return { type: 'stepBack' }
    case 'r':
    case 'R':
    case 'Home':
      return { type: 'reset' }
    case 'End':
      return { type: 'toEnd' }
    case 'c':
    case 'C':
      return { type: 'addCheckpoint' }
    case 'f':
    case 'F':
      return { type: 'fit' }
    case 't':
    case 'T':
      return { type: 'toggleView' }
    case 'p':
    case 'P':
      return { type: 'togglePresenter' }
    case '+':
    case '=':
      return { type: 'rate', rate: RATES[Math.min(RATES.length - 1, (i < 0 ? 2 : i) + 1)] }
    case '-':
      return { type: 'rate', rate: RATES[Math.max(0, (i < 0 ? 2 : i) - 1)] }
    case '?':
      return { type: 'help' }
    case 'Escape':
      return { type: 'escape' }
    default:
      if (/^[1-9]$/.test(e.key)) return { type: 'checkpoint', index: Number(e.key) - 1 }
      return null
  }
}

/**
 * Keys typed into a field or a select belong to it, and so do keys that move or choose inside menus and trees.
 * Space stays play/pause even on a focused button (presenters click a button, then press Space to play; Enter
 * still activates the button).
 */
export function isTypingTarget(el: { tagName?: string; isContentEditable?: boolean; getAttribute?(n: string): string | null } | null, key: string): boolean {
  if (!el?.tagName) return false
  const tag = el.tagName.toUpperCase()
  if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || el.isContentEditable) return true
  const role = el.getAttribute?.('role')
  if ((key === ' ' || key === 'Enter' || key.startsWith('Arrow')) && (role === 'menuitem' || role === 'treeitem')) return true
  if (key === 'Enter') return true
  return false
}

/** Keys as the sheet shows them: a letter or symbol as printed on the key, a named key by its string key. */
export type SheetKey = string | { name: StringKey }

export const SHORTCUT_SHEET: [SheetKey[], StringKey][] = [
  [[{ name: 'keyName.space' }], 'keys.space'],
  [['←', '→'], 'keys.arrows'],
  [[{ name: 'keyName.shift' }, '→'], 'keys.finish'],
  [[{ name: 'keyName.ctrl' }, 'Z'], 'keys.undo'],
  [[{ name: 'keyName.ctrl' }, { name: 'keyName.shift' }, 'Z'], 'keys.redo'],
  [['R', { name: 'keyName.home' }], 'keys.reset'],
  [[{ name: 'keyName.end' }], 'keys.end'],
  [['1', '…', '9'], 'keys.digits'],
  [['C'], 'keys.checkpoint'],
  [['−', '+'], 'keys.speed'],
  [['F'], 'keys.fit'],
  [['T'], 'keys.table'],
  [['P'], 'keys.presenter'],
  [['?'], 'keys.help'],
  [[{ name: 'keyName.escape' }], 'keys.escape']
]
