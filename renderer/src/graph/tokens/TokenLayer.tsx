// What moves on the graph, drawn in flow coordinates above the lines: for each event in the air a token travelling
// its route (or a pulse on the node for an event inside one component), the route highlighted, its endpoints
// ringed. With reduced motion nothing travels: the route and endpoints light up and the token waits at the
// destination. When nothing is in the air, the current event stays highlighted.
//
// Tokens are Web Animations of `transform` along their route (./travel.ts: compositor-only, so the main thread does
// not repaint fifty tokens every frame), synchronised to the store's playback clock: pausing freezes them, a speed
// change changes their playback rate, and the clock — not the animation — moves the cursor.

import { memo, useContext, useDeferredValue, useRef, useState } from 'react'
import { ViewportPortal } from '@xyflow/react'
import type { EventView } from '../../../../shared/api/contract'
import type { Flight } from '../../playback/clock'
import { toldSeq } from '../../playback/story'
import { eventAt } from '../../store/loadedTimeline'
import { useClockedAnimation } from '../../hooks/useClockedAnimation'
import { useCurrentSeq } from '../../hooks/useCurrentSeq'
import { useLabStore } from '../../hooks/useLabStore'
import { useTokenSlots } from '../../hooks/useTokenSlots'
import { useUpcomingFlights } from '../../hooks/useUpcomingFlights'
import { useReducedMotion } from '../../hooks/useReducedMotion'
import { GraphContext } from '../graphContext'
import type { Box } from '../layout'
import type { Route } from '../routing'
import { RefusedMark, TokenBody } from './TokenBody'
import { useT } from '../../hooks/useT'
import { lookOf, tokenVisual } from './tokenVisual'
import { arrivalTransform, travelKeyframes } from './travel'
import './tokens.css'

const NO_FLIGHTS: Flight[] = []
/** How many of the latest routes in the air are highlighted. */
const HIGHLIGHTED = 3

/** A pulse's badge: shown for as long as the pulse lasts. */
const SHOWN: Keyframe[] = [{ opacity: 1 }, { opacity: 1 }]
const PULSE: Keyframe[] = [
  { transform: 'scale(1)', opacity: 0.9 },
  { transform: 'scale(1.08)', opacity: 0.55, offset: 0.5 },
  { transform: 'scale(1.16)', opacity: 0 }
]

type Travel = Extract<Route, { kind: 'travel' }>

interface Shown<R> {
  flight: Flight
  event: EventView
  route: R
}

/**
 * The last token a slot showed: an empty slot keeps its face, hidden, so the next token that looks the same changes
 * nothing in the page but its animation (./slots).
 */
function useLastShown<T>(item: T | null): T | null {
  const [last, setLast] = useState(item)
  if (item !== null && item !== last) setLast(item)
  return item ?? last
}

/** A slot re-renders only when its token, its time or its way changes (the layer builds new items every time). */
function sameSlot<R>(a: { item: Shown<R> | null; reduced: boolean }, b: { item: Shown<R> | null; reduced: boolean }): boolean {
  if (a.reduced !== b.reduced) return false
  if (a.item === null || b.item === null) return a.item === b.item
  return a.item.flight.seq === b.item.flight.seq && a.item.flight.departedAt === b.item.flight.departedAt && a.item.event === b.item.event && a.item.route === b.item.route
}

const TravelToken = memo(function TravelToken({ item, reduced }: { item: Shown<Travel> | null; reduced: boolean }) {
  const ref = useRef<HTMLDivElement>(null)
  const face = useLastShown(item)
  useClockedAnimation(ref, item?.flight.departedAt ?? 0, item && !reduced ? travelKeyframes(item.route) : null, item?.route.path ?? '')
  if (!face) return null
  const still = reduced && item !== null
  return (
    <div
      ref={ref}
      className={`token-slot${item ? ' token' : ''}${still ? ' is-static' : ''}`}
      style={still ? { transform: arrivalTransform(face.route) } : undefined}
      data-seq={item?.flight.seq}
    >
      <div className="token-center">
        <TokenBody visual={tokenVisual(face.event)} />
      </div>
    </div>
  )
}, sameSlot)

const Pulse = memo(function Pulse({ item, reduced }: { item: Shown<Box> | null; reduced: boolean }) {
  const ring = useRef<HTMLDivElement>(null)
  const badge = useRef<HTMLDivElement>(null)
  const face = useLastShown(item)
  const shape = item ? `${item.route.x},${item.route.y}` : ''
  useClockedAnimation(ring, item?.flight.departedAt ?? 0, item && !reduced ? PULSE : null, shape)
  useClockedAnimation(badge, item?.flight.departedAt ?? 0, item && !reduced ? SHOWN : null, shape)
  if (!face) return null
  const box = face.route
  const still = reduced && item !== null ? ' is-static' : ''
  return (
    <>
      <div ref={ring} className={`pulse-slot${item ? ' pulse' : ''} tone-${tokenVisual(face.event).tone}${still}`} style={{ left: box.x - 6, top: box.y - 6, width: box.width + 12, height: box.height + 12 }} />
      <div ref={badge} className={`pulse-token${still}`} style={{ left: box.x + box.width - 14, top: box.y - 14 }} data-seq={item?.flight.seq}>
        <TokenBody visual={tokenVisual(face.event)} />
      </div>
    </>
  )
}, sameSlot)

/** A host's crash as it happens: its box turns purple with the purple screen's words, like ESXi's PSOD. */
function PurpleScreen({ box }: { box: Box }) {
  const t = useT()
  return (
    <div className="psod" style={{ left: box.x, top: box.y, width: box.width, height: box.height }}>
      <strong>{t('graph.psod')}</strong>
      <span>{t('graph.psodText')}</span>
    </div>
  )
}

/** The ✗ of a refused connection, where the route ends (the side that refused, or could not be reached). */
function RefusedAt({ box }: { box: Box }) {
  return (
    <div className="refused-at" style={{ left: box.x + box.width / 2 - 16, top: box.y - 30 }}>
      <RefusedMark />
    </div>
  )
}

function Ring({ box, tone }: { box: Box; tone: string }) {
  return <rect className={`endpoint-ring tone-${tone}`} x={box.x - 5} y={box.y - 5} width={box.width + 10} height={box.height + 10} rx={14} />
}

function Highlight({ route, tone, boxes, strong }: { route: Route; tone: string; boxes: (id: string) => Box | undefined; strong: boolean }) {
  if (route.kind === 'none') return null
  if (route.kind === 'local') {
    const b = boxes(route.node)
    return b ? <Ring box={b} tone={tone} /> : null
  }
  const a = boxes(route.nodes[0])
  const z = boxes(route.nodes[route.nodes.length - 1])
  return (
    <>
      <path d={route.path} className={`route-highlight tone-${tone}${strong ? ' is-strong' : ''}`} />
      {strong && a && <Ring box={a} tone={tone} />}
      {strong && z && <Ring box={z} tone={tone} />}
    </>
  )
}

export const TokenLayer = memo(function TokenLayer() {
  const graph = useContext(GraphContext)
  // The layer follows the store a moment after the panels (useDeferredValue: React draws it in the background,
  // in slices, after the urgent update): a stage's new tokens and the panels' new state are then not built in one
  // long frame. The tokens' animations are anchored to the clock, so a token mounted a frame later is still where
  // the clock says.
  const flights = useDeferredValue(useLabStore((s) => s.clock.flights) ?? NO_FLIGHTS)
  const timeline = useDeferredValue(useLabStore((s) => s.timeline))
  // At story pace a token stands for a whole step: it travels the route of the step's telling message.
  const story = useDeferredValue(useLabStore((s) => s.story))
  const pace = useDeferredValue(useLabStore((s) => s.pace))
  const current = useDeferredValue(useCurrentSeq())
  const reduced = useReducedMotion()
  const upcoming = useDeferredValue(useUpcomingFlights())
  const box = (id: string) => graph?.layout.nodes.get(id)
  const told = (seq: number) => (timeline ? eventAt(timeline, toldSeq(story, pace, seq)) : undefined)
  // Every token shown — in the air, or mounted ahead of its departure — by the way it goes: along a route or as a
  // pulse on one node.
  const travels = new Map<number, Shown<Travel>>()
  const pulses = new Map<number, Shown<Box>>()
  for (const flight of [...flights, ...upcoming]) {
    const event = graph && told(flight.seq)
    if (!event) continue
    const route = graph.router.route(event.from, event.to)
    if (route.kind === 'travel') travels.set(flight.seq, { flight, event, route })
    else if (route.kind === 'local') {
      const b = box(route.node)
      if (b) pulses.set(flight.seq, { flight, event, route: b })
    }
  }
  const look = (seq: number) => {
    const e = told(seq)
    return e ? lookOf(tokenVisual(e)) : ''
  }
  const travelSlots = useTokenSlots([...travels.keys()], look)
  const pulseSlots = useTokenSlots([...pulses.keys()], look)
  if (!graph || !timeline) return null
  const inAir = flights.map((f) => ({ flight: f, event: told(f.seq) })).filter((x): x is { flight: Flight; event: EventView } => !!x.event)
  const resting = inAir.length === 0 && current !== null ? told(current) : undefined
  const last = inAir.length - 1
  // A crash or a refusal stays marked on the graph while its event is in the air or the one shown.
  const marks = (resting ? [resting] : inAir.map((x) => x.event)).filter((e) => {
    const v = tokenVisual(e)
    return v.psod || v.refused
  })
  return (
    <ViewportPortal>
      <div className="token-layer" aria-hidden="true">
        <svg className="token-svg" width="1" height="1">
          {/* With many tokens in the air only the latest routes are drawn: fifty overlapping highlights say nothing
              more, and each costs a repaint of the layer. With reduced motion, every route lights up. */}
          {inAir.map(({ flight, event }, i) =>
            reduced || i > last - HIGHLIGHTED ? (
              <Highlight key={flight.seq} route={graph.router.route(event.from, event.to)} tone={tokenVisual(event).tone} boxes={box} strong={i === last || reduced} />
            ) : null
          )}
          {resting && <Highlight route={graph.router.route(resting.from, resting.to)} tone={tokenVisual(resting).tone} boxes={box} strong />}
        </svg>
        {marks.map((e) => {
          const v = tokenVisual(e)
          const at = box(e.to) ?? box(e.from)
          if (!at) return null
          return v.psod ? <PurpleScreen key={`psod${e.seq}`} box={at} /> : <RefusedAt key={`x${e.seq}`} box={at} />
        })}
        {travelSlots.map((seq, i) => (
          <TravelToken key={i} item={seq === null ? null : (travels.get(seq) ?? null)} reduced={reduced} />
        ))}
        {pulseSlots.map((seq, i) => (
          <Pulse key={i} item={seq === null ? null : (pulses.get(seq) ?? null)} reduced={reduced} />
        ))}
      </div>
    </ViewportPortal>
  )
})
