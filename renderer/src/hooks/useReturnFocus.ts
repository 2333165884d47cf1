// WAI-ARIA's dialog and menu pattern: when a dialog or a menu closes, the keyboard goes back to the control that
// opened it (the toolbar button, the node whose menu it was, the inspector's Actions button). Without this the
// closed element takes the focus with it and the browser drops it on <body>: the next Tab starts over at the top.

import { useEffect } from 'react'

/**
 * Remembers what had the focus when the calling component mounted (or, if nothing had, what `fallback` names) and
 * gives it the focus back when the component unmounts — unless the focus has meanwhile gone somewhere on purpose.
 * Call it before any effect that moves the focus into the component.
 */
export function useReturnFocus(fallback?: () => HTMLElement | null): void {
  useEffect(() => {
    const active = document.activeElement
    const opener = active instanceof HTMLElement && active !== document.body ? active : (fallback?.() ?? null)
    return () => {
      const now = document.activeElement
      const lost = now === null || now === document.body || !now.isConnected
      if (lost && opener?.isConnected) opener.focus({ preventScroll: true })
    }
  }, []) // eslint-disable-line react-hooks/exhaustive-deps -- the opener is the one of the moment it opened
}
