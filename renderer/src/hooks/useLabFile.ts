// The open lab's file: name, path and whether it has unsaved changes.

import type { LabFileInfo } from '../../../shared/api/contract'
import { useLabStore } from './useLabStore'

export function useLabFile(): LabFileInfo | null {
  return useLabStore((s) => s.timeline?.file ?? null)
}
