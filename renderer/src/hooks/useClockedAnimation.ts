// Keeps one Web Animation in step with the store's playback clock: created when the element's path (`shape`)
// appears, its time and rate set from the clock whenever the clock is paused, resumed or re-timed. The clock moves
// the cursor; the animation only shows where the token is.

import { useLayoutEffect, useRef, type RefObject } from 'react'
import { FLIGHT_MS, playbackTime } from '../playback/clock'
import { browserScheduler } from '../store/scheduler'
import { useLabStore } from './useLabStore'

export function useClockedAnimation(ref: RefObject<HTMLElement | null>, departedAt: number, keyframes: Keyframe[] | null, shape: string) {
  const playing = useLabStore((s) => s.clock.playing)
  const rate = useLabStore((s) => s.clock.rate)
  const anchorVirtual = useLabStore((s) => s.clock.anchorVirtual)
  const anchorReal = useLabStore((s) => s.clock.anchorReal)
  const anim = useRef<Animation | null>(null)
  useLayoutEffect(() => {
    const el = ref.current
    if (!el || !keyframes) return
    const a = el.animate(keyframes, { duration: FLIGHT_MS, fill: 'both', easing: 'ease-in-out' })
    anim.current = a
    return () => {
      a.cancel()
      anim.current = null
    }
  }, [shape, keyframes]) // eslint-disable-line react-hooks/exhaustive-deps
  useLayoutEffect(() => {
    const a = anim.current
    if (!a) return
    const now = playbackTime({ playing, rate, anchorVirtual, anchorReal }, browserScheduler.now())
    a.playbackRate = rate
    a.currentTime = Math.min(FLIGHT_MS, Math.max(0, now - departedAt))
    if (playing) a.play()
    else a.pause()
  }, [playing, rate, anchorVirtual, anchorReal, departedAt, shape, keyframes])
}

