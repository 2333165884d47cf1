// The objectives that have just become done (indices), for the live region that tells a screen reader. Nothing is
// "new" when `key` changes (another lesson or a new lab): the list starting over is not an achievement.

import { useEffect, useRef, useState } from 'react'

export function useNewlyDone(key: string | null, done: readonly boolean[]): number[] {
  const previous = useRef<{ key: string | null; done: readonly boolean[] }>({ key, done })
  const [fresh, setFresh] = useState<number[]>([])
  useEffect(() => {
    const before = previous.current
    previous.current = { key, done }
    if (before.key !== key) {
      setFresh([])
      return
    }
    const now = done.flatMap((d, i) => (d && !before.done[i] ? [i] : []))
    // Stepping back (something un-ticks) clears the announcement instead of repeating an old one.
    if (now.length > 0 || done.some((d, i) => !d && before.done[i])) setFresh(now)
  }, [key, done])
  return fresh
}
