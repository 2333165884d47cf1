// A button that opens a panel under it (menus, filters, settings). Closes on Escape, on a click outside, and when
// an item asks it to; the opening button gets focus back. Arrow keys move between the panel's menu items.

import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
import './Popover.css'

export interface PopoverProps {
  label: ReactNode
  /** The accessible name of the button when `label` is an icon. */
  ariaLabel?: string
  title?: string
  className?: string
  align?: 'start' | 'end'
  /** 'menu': items are menuitems navigated with arrows; 'dialog': a panel with form controls. */
  role?: 'menu' | 'dialog'
  children: (close: () => void) => ReactNode
}

export function Popover({ label, ariaLabel, title, className, align = 'start', role = 'menu', children }: PopoverProps) {
  const [open, setOpen] = useState(false)
  const button = useRef<HTMLButtonElement>(null)
  const panel = useRef<HTMLDivElement>(null)
  const id = useId()
  const close = () => {
    setOpen(false)
    button.current?.focus()
  }

  useEffect(() => {
    if (!open) return
    const onDown = (e: MouseEvent) => {
      const t = e.target as Node
      if (!panel.current?.contains(t) && !button.current?.contains(t)) setOpen(false)
    }
    // Escape closes it even when the focus left the panel (e.g. the button clicked in it became disabled).
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false)
    }
    document.addEventListener('mousedown', onDown)
    document.addEventListener('keydown', onKey)
    // Focus the first item so the keyboard can go on from there.
    requestAnimationFrame(() => panel.current?.querySelector<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"]), input, select, button')?.focus())
    return () => {
      document.removeEventListener('mousedown', onDown)
      document.removeEventListener('keydown', onKey)
    }
  }, [open])

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape') {
      e.stopPropagation()
      close()
      return
    }
    if (role !== 'menu' || (e.key !== 'ArrowDown' && e.key !== 'ArrowUp' && e.key !== 'Home' && e.key !== 'End')) return
    e.preventDefault()
    e.stopPropagation()
    const items = [...(panel.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])]
    const i = items.indexOf(document.activeElement as HTMLElement)
    const next = e.key === 'Home' ? 0 : e.key === 'End' ? items.length - 1 : (i + (e.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length
    items[next]?.focus()
  }

  return (
    <div className={`popover ${className ?? ''}`}>
      <button
        ref={button}
        type="button"
        className={`toolbar-button${open ? ' is-open' : ''}`}
        aria-haspopup={role === 'menu' ? 'menu' : 'dialog'}
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        aria-label={ariaLabel}
        title={title}
        onClick={() => setOpen((o) => !o)}
      >
        {label}
      </button>
      {open && (
        <div ref={panel} id={id} className={`popover-panel align-${align}`} role={role} aria-label={ariaLabel ?? (typeof label === 'string' ? label : undefined)} onKeyDown={onKeyDown}>
          {children(close)}
        </div>
      )}
    </div>
  )
}

export function MenuItem(props: {
  onSelect: () => void
  disabled?: boolean
  /** The core has not answered yet whether it would run this (the item may still become disabled, with its reason). */
  busy?: boolean
  children: ReactNode
  hint?: ReactNode
  title?: string
  className?: string
}) {
  const activate = () => {
    if (!props.disabled) props.onSelect()
  }
  return (
    <div
      role="menuitem"
      tabIndex={-1}
      aria-disabled={props.disabled || undefined}
      aria-busy={props.busy || undefined}
      title={props.title}
      className={`menu-item${props.disabled ? ' is-disabled' : ''} ${props.className ?? ''}`}
      onClick={activate}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault()
          activate()
        }
      }}
    >
      <span className="menu-item-label">{props.children}</span>
      {props.hint && <span className="menu-item-hint">{props.hint}</span>}
    </div>
  )
}
