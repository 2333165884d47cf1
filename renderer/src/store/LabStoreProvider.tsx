// Creates the window's store once and connects it to the lab host for as long as the provider is mounted.

import { useEffect, useState, type ReactNode } from 'react'
import type { LabApi } from '../../../shared/api/contract'
import { createLabStore } from './labStore'
import { LabStoreContext } from './storeContext'

export function LabStoreProvider({ api, children }: { api: LabApi; children: ReactNode }) {
  const [store] = useState(() => createLabStore(api))
  useEffect(() => store.getState().actions.start(), [store])
  return <LabStoreContext.Provider value={store}>{children}</LabStoreContext.Provider>
}
