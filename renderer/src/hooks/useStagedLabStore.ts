// The staged store itself (store/stagedStore), for reading in a memo the same state the panels' selectors saw.

import { useContext } from 'react'
import type { StagedStore } from '../store/stagedStore'
import { LabStoreContext } from '../store/storeContext'

export function useStagedLabStore(): StagedStore {
  const stores = useContext(LabStoreContext)
  if (!stores) throw new Error('useStagedLabStore must be used inside <LabStoreProvider>')
  return stores.staged
}
