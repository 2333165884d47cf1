// Keeps an element from shrinking while `steady` holds: it grows to its tallest content and stays there until
// `steady` ends. The narration strip uses it while playing, so the graph above it does not change size with every
// sentence (each change of the graph's height lays out React Flow and the stage again, many times a second at
// playing speed). A ResizeObserver reports sizes after layout, so reading them forces no extra layout.

import { useEffect, useRef, type RefObject } from 'react'

export function useSteadyHeight(ref: RefObject<HTMLElement | null>, steady: boolean): void {
  const tallest = useRef(0)
  useEffect(() => {
    const el = ref.current
    if (!el || !steady || typeof ResizeObserver !== 'function') return
    const observer = new ResizeObserver((entries) => {
      const height = entries[0]?.borderBoxSize?.[0]?.blockSize ?? el.offsetHeight
      if (height <= tallest.current) return
      tallest.current = height
      el.style.minHeight = `${height}px`
    })
    observer.observe(el, { box: 'border-box' })
    return () => {
      observer.disconnect()
      tallest.current = 0
      el.style.minHeight = ''
    }
  }, [ref, steady])
}
