// The window's lab store, handed down by <LabStoreProvider> (one store per window, xyflow style), with its staged
// view for the panels (./stagedStore).

import { createContext } from 'react'
import type { LabStore } from './labStore'
import type { StagedStore } from './stagedStore'

export const LabStoreContext = createContext<{ store: LabStore; staged: StagedStore } | null>(null)
