// Whether the graph is zoomed out so far that nodes are plain boxes.

import { useStore } from '@xyflow/react'
import { BOX_ZOOM } from '../graph/zoomLevels'

export function useBoxOnly(): boolean {
  return useStore((s) => s.transform[2] < BOX_ZOOM)
}
