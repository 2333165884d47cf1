// Reads the window's lab store with a selector; components re-render only when the selected value changes. Panels
// read it staged: while a stream of tokens plays they follow the lab a few times a second (store/stagedStore).

import { useContext } from 'react'
import { useStore } from 'zustand'
import type { LabState } from '../store/labStore'
import { LabStoreContext } from '../store/storeContext'

export function useLabStore<T>(selector: (state: LabState) => T): T {
  const stores = useContext(LabStoreContext)
  if (!stores) throw new Error('useLabStore must be used inside <LabStoreProvider>')
  return useStore(stores.staged, selector)
}
