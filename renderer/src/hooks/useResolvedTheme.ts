// The theme in effect: the setting, or the system's colour scheme when the setting says so.

import { useSyncExternalStore } from 'react'
import { useLabStore } from './useLabStore'

const query = '(prefers-color-scheme: dark)'

function subscribe(cb: () => void): () => void {
  const mq = window.matchMedia(query)
  mq.addEventListener('change', cb)
  return () => mq.removeEventListener('change', cb)
}

export function useResolvedTheme(): 'light' | 'dark' {
  const choice = useLabStore((s) => s.settings.theme)
  const systemDark = useSyncExternalStore(subscribe, () => window.matchMedia(query).matches, () => false)
  return choice === 'system' ? (systemDark ? 'dark' : 'light') : choice
}
