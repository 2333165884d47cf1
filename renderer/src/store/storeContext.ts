// The window's lab store, handed down by <LabStoreProvider> (one store per window, xyflow style).

import { createContext } from 'react'
import type { LabStore } from './labStore'

export const LabStoreContext = createContext<LabStore | null>(null)
