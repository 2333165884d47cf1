// Whether tokens move: the setting decides, or the system's `prefers-reduced-motion` when the setting says so.

import { useSyncExternalStore } from 'react'
import { useLabStore } from './useLabStore'

const query = '(prefers-reduced-motion: reduce)'

function subscribe(cb: () => void): () => void {
  const mq = window.matchMedia(query)
  mq.addEventListener('change', cb)
  return () => mq.removeEventListener('change', cb)
}

export function useReducedMotion(): boolean {
  const choice = useLabStore((s) => s.settings.motion)
  const system = useSyncExternalStore(subscribe, () => window.matchMedia(query).matches, () => false)
  return choice === 'reduce' || (choice === 'system' && system)
}
