// Creates the window's store once and connects it to the lab host for as long as the provider is mounted.

import { useEffect, useState, type ReactNode } from 'react'
import type { LabApi } from '../../../shared/api/contract'
import { createLabStore, type LabStoreOptions } from './labStore'
import { LabStoreContext } from './storeContext'

export function LabStoreProvider({ api, options, children }: { api: LabApi; options?: LabStoreOptions; children: ReactNode }) {
  const [store] = useState(() => createLabStore(api, options))
  useEffect(() => store.getState().actions.start(), [store])
  return <LabStoreContext.Provider value={store}>{children}</LabStoreContext.Provider>
}
