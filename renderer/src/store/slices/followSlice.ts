// Follow along (../follow): a presenter's window reports the step it shows and shows the sharing status; a viewer's
// window goes to the presenter's step whenever it has that step's events, until the viewer looks around on their
// own. Following reacts to the store itself (a new timeline, new events, a new presenter step), so the timeline
// slice stays unaware of it.

import type { LabPush } from '../../../../shared/api/contract'
import { connectionClosedRef } from '../../../../shared/api/wire'
import { initialFollow, publishShownSteps } from '../follow'
import { errorNotice } from '../errorNotice'
import { lastSeq } from '../loadedTimeline'
import type { FollowActions, FollowSliceState, LabActions, LabStore, SliceKit } from '../types'

export interface FollowSlice {
  state: FollowSliceState
  actions: FollowActions
  /** Listens for follow along's pushes and starts publishing or following; returns the function that stops. */
  start(): () => void
  /** A viewer who steps, plays or jumps through the history on their own stops following (wraps those actions). */
  detachOnOwnSteps(actions: LabActions): LabActions
}

export function createFollowSlice(kit: SliceKit, store: Pick<LabStore, 'subscribe'>): FollowSlice {
  const { api, set, get, scheduler, options } = kit
  const role = options.role ?? 'presenter'
  /** The timeline's own setCursor: following moves the cursor without counting as the viewer's own step. */
  let seek: LabActions['setCursor'] = (seq) => get().actions.setCursor(seq)

  /** A following viewer goes to the presenter's step once it has that step's events (they come with a push). */
  function goToPresenter(): void {
    const s = get()
    const t = s.timeline
    const step = s.follow.presenter
    if (role !== 'viewer' || !s.follow.following || !step || !t || step.labId !== t.labId || step.seq > lastSeq(t)) return
    if (step.seq < t.baseSeq) {
      void s.actions.loadEarlier()
      return
    }
    if (t.cursor !== step.seq || s.clock.playing || s.clock.flights.length > 0) seek(step.seq)
  }

  function onPush(push: LabPush): void {
    if (push.type === 'sharing') set((s) => ({ sharing: push.status, sharePanel: push.open ? true : s.sharePanel }))
    else if (push.type === 'shown') set((s) => ({ follow: { ...s.follow, presenter: { labId: push.labId, seq: push.seq } } }))
    else if (push.type === 'closed' && role === 'viewer') set((s) => ({ follow: { ...s.follow, closed: { code: push.code, reason: push.reason } } }))
    // A presenter's window hears at once that its host is gone, not at the next click (a viewer's bar says it).
    else if (push.type === 'closed') get().actions.notify({ kind: 'error', message: connectionClosedRef(push.code) })
  }

  const actions: FollowActions = {
    followPresenter() {
      set((s) => ({ follow: { ...s.follow, following: true } }))
    },
    stopFollowing() {
      if (get().follow.following) set((s) => ({ follow: { ...s.follow, following: false } }))
    },
    async setSharing(address) {
      if (!api.setSharing) return
      try {
        set({ sharing: await api.setSharing({ address }) })
      } catch (e) {
        get().actions.notify(errorNotice(e))
      }
    },
    setSharePanel(open) {
      set({ sharePanel: open })
    }
  }

  return {
    state: { follow: initialFollow(role), sharing: null, sharePanel: false },
    actions,
    start() {
      const stops = [api.subscribe(onPush)]
      if (role === 'viewer') {
        // Re-entrant calls (setCursor notifies again) find the cursor in place and stop there.
        let going = false
        stops.push(
          store.subscribe(() => {
            if (going) return
            going = true
            try {
              goToPresenter()
            } finally {
              going = false
            }
          })
        )
      }
      if (role === 'presenter' && api.showStep) {
        const showStep = api.showStep.bind(api)
        const shown = () => {
          const t = get().timeline
          return t ? { labId: t.labId, seq: t.cursor } : null
        }
        stops.push(publishShownSteps(shown, (l) => store.subscribe(l), showStep, scheduler))
      }
      if (role === 'presenter' && api.getSharing) {
        api.getSharing().then(
          (sharing) => set({ sharing }),
          () => set({ sharing: null })
        )
      }
      return () => {
        for (const stop of stops) stop()
      }
    },
    detachOnOwnSteps(all) {
      if (role !== 'viewer') return all
      seek = all.setCursor
      const detach = () => all.stopFollowing()
      const wrapped: LabActions = { ...all }
      const own = ['setCursor', 'play', 'togglePlay', 'stepForward', 'stepBack', 'reset', 'toEnd', 'gotoCheckpoint', 'nextLessonStep'] as const
      for (const name of own) {
        const original = all[name] as (...args: unknown[]) => unknown
        ;(wrapped as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => {
          detach()
          return original(...args)
        }
      }
      wrapped.selectEvent = (seq) => {
        if (seq !== null) detach()
        all.selectEvent(seq)
      }
      return wrapped
    }
  }
}
