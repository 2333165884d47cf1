// A component's own actions (right-click, the context-menu key, or "Actions" in the inspector): every command that
// targets it, prefilled with its name, disabled with the core's reason when refused. Commands that need nothing
// more than the component run at once; the others open their form.

import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react'
import type { LabCommand } from '../../../shared/lab/commands/schema'
import { unavailableText } from './availability'
import { useCommandChecks } from '../hooks/useCommandChecks'
import { useLabActions } from '../hooks/useLabActions'
import { useLabFacts } from '../hooks/useLabFacts'
import { useLanguage } from '../hooks/useLanguage'
import { useLiveViews } from '../hooks/useLiveViews'
import { useT } from '../hooks/useT'
import { useReturnFocus } from '../hooks/useReturnFocus'
import { useSettings } from '../hooks/useSettings'
import { useUi } from '../hooks/useUi'
import { componentView } from '../../../shared/lab/readView'
import { MenuItem } from '../ui/Popover'
import { buildCommand, defaultArgs, opsFor } from './catalog'
import { ToldText } from '../shell/ToldText'
import '../ui/Popover.css'

export function ContextMenu() {
  const { menu } = useUi()
  if (!menu) return null
  return <ContextMenuAt id={menu.id} x={menu.x} y={menu.y} />
}

function ContextMenuAt({ id, x, y }: { id: string; x: number; y: number }) {
  const t = useT()
  const lang = useLanguage()
  const live = useLiveViews()
  const facts = useLabFacts()
  const { closeMenu, openDialog, runCommand } = useLabActions()
  const ref = useRef<HTMLDivElement>(null)
  const component = componentView(live[id])
  const kind = component?.kind
  const name = component?.name ?? id
  const items = useMemo(() => {
    if (!kind) return []
    const target = { kind, name, id }
    return opsFor(kind).map((spec) => {
      const args = defaultArgs(spec.op, facts, target)
      return { spec, args, command: buildCommand(spec.op, args) as LabCommand }
    })
  }, [kind, name, id, facts])
  const checks = useCommandChecks(items.map((i) => i.command))

  // The menu's target has the focus back when it closes (a right-click does not always focus the node first).
  useReturnFocus(() => document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`))
  useEffect(() => {
    const el = ref.current
    el?.querySelector<HTMLElement>('[role="menuitem"]')?.focus()
    const onDown = (e: MouseEvent) => {
      if (!el?.contains(e.target as Node)) closeMenu()
    }
    document.addEventListener('mousedown', onDown)
    return () => document.removeEventListener('mousedown', onDown)
  }, [closeMenu])

  // Keep the menu inside the window: measured as drawn, before it is painted (reasons make items taller, presenter
  // mode zooms it), and it scrolls if need be. The pointer and the window are in screen pixels; a zoomed element's
  // own left/top are in its zoomed pixels (Chromium draws `left: 100px` at zoom 1.3 at 130 px), so they are
  // divided by its zoom.
  const [drawn, setDrawn] = useState({ width: 290, height: 0, zoom: 1 })
  const measure = useCallback(() => {
    const el = ref.current
    if (!el) return
    const box = el.getBoundingClientRect()
    const now = { width: box.width, height: box.height, zoom: el.currentCSSZoom || 1 }
    setDrawn((was) => (was.width === now.width && was.height === now.height && was.zoom === now.zoom ? was : now))
  }, [])
  useLayoutEffect(measure, [measure, items.length, checks])
  // A disabled item shows its whole reason while pointed at: the menu grows, and moves to stay inside the window.
  useEffect(() => {
    const el = ref.current
    if (!el) return
    const observer = new ResizeObserver(measure)
    observer.observe(el)
    return () => observer.disconnect()
  }, [measure])
  // Presenter mode switched with the menu open: the document takes the mode in an effect after this component's,
  // so the new zoom is measured once the frame is drawn.
  const { presenter } = useSettings()
  useEffect(() => {
    const frame = requestAnimationFrame(measure)
    return () => cancelAnimationFrame(frame)
  }, [measure, presenter])
  const left = Math.max(4, Math.min(x, window.innerWidth - drawn.width - 8))
  const top = Math.max(4, Math.min(y, window.innerHeight - drawn.height - 8))

  return (
    <div
      ref={ref}
      className="context-menu"
      role="menu"
      aria-label={t('actions.menuFor', { name })}
      style={{ left: left / drawn.zoom, top: top / drawn.zoom }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation()
          closeMenu()
        }
        if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
          e.preventDefault()
          const all = [...(ref.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])]
          const i = all.indexOf(document.activeElement as HTMLElement)
          all[(i + (e.key === 'ArrowDown' ? 1 : -1) + all.length) % all.length]?.focus()
        }
      }}
    >
      <div className="context-menu-title">{name}</div>
      {items.map(({ spec, args, command }, i) => {
        const check = checks[i]
        const unavailable = unavailableText(spec, facts, check?.known ? check.result : null, lang)
        const direct = spec.fields.length === 0 || (spec.fields.length === 1 && spec.fields[0].name === spec.target?.field)
        return (
          <MenuItem
            key={spec.op}
            disabled={!!unavailable}
            hint={unavailable ? <ToldText text={unavailable} /> : undefined}
            title={unavailable ?? undefined}
            className={`op-${spec.op.replace('.', '-')}`}
            onSelect={() => {
              closeMenu()
              if (direct) void runCommand(command)
              else openDialog(spec.op, args)
            }}
          >
            {t(`op.${spec.op}`)}
            {!direct && '…'}
          </MenuItem>
        )
      })}
    </div>
  )
}
