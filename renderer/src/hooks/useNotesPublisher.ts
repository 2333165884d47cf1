// The presenter's window tells its notes view (another tab, the desktop's notes window) what it shows; a viewer's
// window has no notes to tell.

import { useEffect } from 'react'
import { openNotesPort, publishNotes } from '../notes/notesChannel'
import { useIsViewer } from './useFollow'
import { useLabStoreApi } from './useLabStoreApi'

export function useNotesPublisher(): void {
  const store = useLabStoreApi()
  const viewer = useIsViewer()
  useEffect(() => {
    if (viewer) return
    const port = openNotesPort()
    if (!port) return
    const stop = publishNotes(store, port)
    return () => {
      stop()
      port.close()
    }
  }, [store, viewer])
}
