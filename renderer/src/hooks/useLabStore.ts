// Reads the window's lab store with a selector; components re-render only when the selected value changes.

import { useContext } from 'react'
import { useStore } from 'zustand'
import type { LabState } from '../store/labStore'
import { LabStoreContext } from '../store/storeContext'

export function useLabStore<T>(selector: (state: LabState) => T): T {
  const store = useContext(LabStoreContext)
  if (!store) throw new Error('useLabStore must be used inside <LabStoreProvider>')
  return useStore(store, selector)
}
