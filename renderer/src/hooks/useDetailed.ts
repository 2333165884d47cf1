// Whether the graph is zoomed in enough for nodes to show their details (re-renders only when that flips).

import { useStore } from '@xyflow/react'
import { DETAIL_ZOOM } from '../graph/zoomLevels'

export function useDetailed(): boolean {
  return useStore((s) => s.transform[2] >= DETAIL_ZOOM)
}
