// Keeps one Web Animation in step with the store's playback clock: created when the element's path (`shape`)
// appears, its time and rate set from the clock whenever the clock is paused, resumed or re-timed. The clock moves
// the cursor; the animation only shows where the token is.

import { useLayoutEffect, useRef, type RefObject } from 'react'
import { FLIGHT_MS, playbackTime } from '../playback/clock'
import { browserScheduler } from '../store/scheduler'
import { useLabStore } from './useLabStore'

/**
 * One parsed effect per set of keyframes, copied for each token: copying an effect skips parsing its keyframes,
 * which costs more than the rest of starting a token. No fill: before it leaves and after it lands the element shows
 * its own style (hidden), so a token mounted ahead of its departure (hooks/useUpcomingFlights) waits unseen.
 */
const templates = new WeakMap<Keyframe[], KeyframeEffect>()
function templateOf(keyframes: Keyframe[]): KeyframeEffect {
  let t = templates.get(keyframes)
  if (!t) templates.set(keyframes, (t = new KeyframeEffect(null, keyframes, { duration: FLIGHT_MS, easing: 'ease-in-out' })))
  return t
}

export function useClockedAnimation(ref: RefObject<HTMLElement | null>, departedAt: number, keyframes: Keyframe[] | null, shape: string) {
  const playing = useLabStore((s) => s.clock.playing)
  const rate = useLabStore((s) => s.clock.rate)
  const anchorVirtual = useLabStore((s) => s.clock.anchorVirtual)
  const anchorReal = useLabStore((s) => s.clock.anchorReal)
  const anim = useRef<Animation | null>(null)
  useLayoutEffect(() => {
    const el = ref.current
    if (!el || !keyframes) return
    const effect = new KeyframeEffect(templateOf(keyframes))
    effect.target = el
    const a = new Animation(effect, document.timeline)
    anim.current = a
    return () => {
      a.cancel()
      anim.current = null
    }
  }, [shape, keyframes]) // eslint-disable-line react-hooks/exhaustive-deps
  useLayoutEffect(() => {
    const a = anim.current
    if (!a) return
    a.playbackRate = rate
    if (playing) {
      // Anchored to the clock, not to when the browser gets round to starting it: playback time is anchorVirtual +
      // (t − anchorReal) × rate, and the animation's time (t − startTime) × rate must equal playback time less the
      // departure, at every t. (Setting the current time instead would shift each token by the frames it waited to
      // start, and a token mounted before it leaves would be rewound to its start by play().) The page's timeline
      // and the clock both count from the page's time origin (performance.now()).
      a.play()
      a.startTime = anchorReal + (departedAt - anchorVirtual) / rate
    } else {
      a.pause()
      a.currentTime = Math.min(FLIGHT_MS, playbackTime({ playing, rate, anchorVirtual, anchorReal }, browserScheduler.now()) - departedAt)
    }
  }, [playing, rate, anchorVirtual, anchorReal, departedAt, shape, keyframes])
}

