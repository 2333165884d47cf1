// The live lab's names and states, for prefilling and offering choices in action forms.

import { useMemo } from 'react'
import { labFacts, type LabFacts } from '../reading/labFacts'
import { useLiveViews } from './useLiveViews'

export function useLabFacts(): LabFacts {
  const live = useLiveViews()
  return useMemo(() => labFacts(live), [live])
}
