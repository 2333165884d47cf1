// Whether the window is connected to the lab host and has its timeline.

import type { LabStatus } from '../store/labStore'
import { useLabStore } from './useLabStore'

export function useLabStatus(): LabStatus {
  return useLabStore((s) => s.status)
}
