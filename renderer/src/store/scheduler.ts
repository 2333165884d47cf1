// Time for the store's playback clock, injected so tests can drive it without waiting.

export interface Scheduler {
  now(): number
  setTimeout(fn: () => void, ms: number): unknown
  /**
   * Like setTimeout, but runs `fn` at the start of the first animation frame after `ms` (when the page draws
   * frames), so what it changes is drawn in that frame: tokens that land and leave together make one store update
   * and one React commit per frame, instead of commits between frames that the browser lays out twice. Cancelled
   * with `clearTimeout`. Optional: without it, `setTimeout` serves.
   */
  atFrame?(fn: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

/** A hidden page draws no frames: a frame-aligned task then runs this long after its time anyway. */
const NO_FRAME_FALLBACK_MS = 100

interface FrameTask {
  timer?: ReturnType<typeof setTimeout>
  frame?: number
  fallback?: ReturnType<typeof setTimeout>
}

export const browserScheduler: Scheduler = {
  now: () => performance.now(),
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  atFrame(fn, ms) {
    const task: FrameTask = {}
    const run = () => {
      if (task.frame !== undefined) cancelAnimationFrame(task.frame)
      globalThis.clearTimeout(task.fallback)
      fn()
    }
    task.timer = globalThis.setTimeout(() => {
      task.frame = requestAnimationFrame(run)
      task.fallback = globalThis.setTimeout(run, NO_FRAME_FALLBACK_MS)
    }, ms)
    return task
  },
  clearTimeout(h) {
    if (typeof h !== 'object' || h === null) return globalThis.clearTimeout(h as ReturnType<typeof setTimeout>)
    const task = h as FrameTask
    globalThis.clearTimeout(task.timer)
    globalThis.clearTimeout(task.fallback)
    if (task.frame !== undefined) cancelAnimationFrame(task.frame)
  }
}
