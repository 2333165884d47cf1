// Presenter mode from the address (`?presenter=1`, for a beamer's bookmark), and a graph that fits itself again
// whenever the space it has changes: the window resized or moved to the beamer, full screen, presenter mode on or off.

import { useEffect, useRef } from 'react'
import { useLabStoreApi } from './useLabStoreApi'
import { useSettings } from './useSettings'

const REFIT_AFTER_MS = 150

export function usePresenterView(): void {
  const store = useLabStoreApi()
  const { presenter } = useSettings()

  useEffect(() => {
    const p = new URLSearchParams(window.location.search).get('presenter')
    if (p === '1' || p === 'true') store.getState().actions.setSettings({ presenter: true })
    else if (p === '0' || p === 'false') store.getState().actions.setSettings({ presenter: false })
  }, [store])

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null
    const refit = () => {
      if (timer !== null) clearTimeout(timer)
      timer = setTimeout(() => store.getState().actions.requestFit(), REFIT_AFTER_MS)
    }
    window.addEventListener('resize', refit)
    document.addEventListener('fullscreenchange', refit)
    return () => {
      if (timer !== null) clearTimeout(timer)
      window.removeEventListener('resize', refit)
      document.removeEventListener('fullscreenchange', refit)
    }
  }, [store])

  // The side panel collapses or returns with presenter mode: the graph's pane changes size.
  const shown = useRef(presenter)
  useEffect(() => {
    if (shown.current === presenter) return
    shown.current = presenter
    const id = setTimeout(() => store.getState().actions.requestFit(), REFIT_AFTER_MS)
    return () => clearTimeout(id)
  }, [presenter, store])
}
