// The store itself, for reading the latest state inside event handlers without subscribing to it.

import { useContext } from 'react'
import type { LabStore } from '../store/labStore'
import { LabStoreContext } from '../store/storeContext'

export function useLabStoreApi(): LabStore {
  const stores = useContext(LabStoreContext)
  if (!stores) throw new Error('useLabStoreApi must be used inside <LabStoreProvider>')
  return stores.store
}
