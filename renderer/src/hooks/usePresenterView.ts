// Presenter mode from the address (`?presenter=1`, for a beamer's bookmark). The graph fits itself again when its
// pane changes size (graph/TopologyGraph.tsx), so moving to the beamer, full screen and the mode itself need
// nothing here.

import { useEffect } from 'react'
import { useLabStoreApi } from './useLabStoreApi'

export function usePresenterView(): void {
  const store = useLabStoreApi()
  useEffect(() => {
    const p = new URLSearchParams(window.location.search).get('presenter')
    if (p === '1' || p === 'true') store.getState().actions.setSettings({ presenter: true })
    else if (p === '0' || p === 'false') store.getState().actions.setSettings({ presenter: false })
  }, [store])
}
