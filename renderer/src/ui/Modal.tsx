// A modal dialog on the native <dialog> element: the browser traps focus and closes it on Escape.

import { useEffect, useRef, type ReactNode } from 'react'
import './Modal.css'

export function Modal({ title, onClose, children, className }: { title: string; onClose: () => void; children: ReactNode; className?: string }) {
  const ref = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const d = ref.current
    if (d && !d.open) d.showModal()
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
          <button type="button" className="icon-button" aria-label="×" onClick={onClose}>
            ×
          </button>
        </header>
        {children}
      </div>
    </dialog>
  )
}
