// A modal dialog on the native <dialog> element: the browser traps focus and closes it on Escape; the control that
// opened it has the focus again once it is gone.

import { useEffect, useRef, type ReactNode } from 'react'
import { useReturnFocus } from '../hooks/useReturnFocus'
import { useT } from '../hooks/useT'
import './Modal.css'

export function Modal({ title, onClose, children, className }: { title: string; onClose: () => void; children: ReactNode; className?: string }) {
  const ref = useRef<HTMLDialogElement>(null)
  const t = useT()
  // Before the dialog takes the focus: who opened it gets it back when it closes (Esc, ×, Cancel, or after Run).
  useReturnFocus()
  useEffect(() => {
    const d = ref.current
    if (d && !d.open) d.showModal()
    // The browser focuses the first button (×), so Enter would cancel: start on the first field instead, or on the
    // dialog's main button, so Enter runs and Esc cancels.
    const first = d?.querySelector<HTMLElement>('.modal-content > :not(header) :is(input, select, textarea):not([disabled]), .button.primary:not([disabled])')
    first?.focus()
    return () => d?.close()
  }, [])
  return (
    <dialog
      ref={ref}
      className={`modal ${className ?? ''}`}
      aria-label={title}
      onCancel={(e) => {
        e.preventDefault()
        onClose()
      }}
      onClick={(e) => {
        // a click on the backdrop (outside the content) closes it
        if (e.target === ref.current) onClose()
      }}
    >
      <div className="modal-content">
        <header className="modal-head">
          <h2>{title}</h2>
          <button type="button" className="icon-button" aria-label={t('dialog.close')} title={t('dialog.close')} onClick={onClose}>
            ×
          </button>
        </header>
        {children}
      </div>
    </dialog>
  )
}
