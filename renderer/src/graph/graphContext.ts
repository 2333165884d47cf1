// The layout and router of the graph being drawn, for edges and the token overlay (changes only with structure).

import { createContext } from 'react'
import type { Layout } from './layout'
import type { RouteGraph } from './routing'

export interface GraphContextValue {
  layout: Layout
  router: RouteGraph
}

export const GraphContext = createContext<GraphContextValue | null>(null)
