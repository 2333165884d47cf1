// The lesson loaded in the lab, if any.

import type { LoadedScenario } from '../store/labStore'
import { useLabStore } from './useLabStore'

export function useScenario(): LoadedScenario | null {
  return useLabStore((s) => s.scenario)
}
