// Creates the window's store once and connects it to the lab host for as long as the provider is mounted.

import { useEffect, useState, type ReactNode } from 'react'
import type { LabApi } from '../../../shared/api/contract'
import { createLabStore, type LabStoreOptions } from './labStore'
import { browserScheduler } from './scheduler'
import { createStagedStore } from './stagedStore'
import { LabStoreContext } from './storeContext'

export function LabStoreProvider({ api, options, children }: { api: LabApi; options?: LabStoreOptions; children: ReactNode }) {
  const [stores] = useState(() => {
    const store = createLabStore(api, options)
    return { store, staged: createStagedStore(store, options?.scheduler ?? browserScheduler) }
  })
  useEffect(() => stores.store.getState().actions.start(), [stores])
  return <LabStoreContext.Provider value={stores}>{children}</LabStoreContext.Provider>
}
