// Sets theme, presenter mode, motion and language on the document, so CSS and screen readers follow them.

import { useEffect } from 'react'
import { useReducedMotion } from './useReducedMotion'
import { useResolvedTheme } from './useResolvedTheme'
import { useSettings } from './useSettings'

export function useDocumentSettings() {
  const theme = useResolvedTheme()
  const reduced = useReducedMotion()
  const { presenter, language } = useSettings()
  useEffect(() => {
    const root = document.documentElement
    root.dataset.theme = theme
    root.dataset.presenter = String(presenter)
    root.dataset.motion = reduced ? 'reduce' : 'full'
    root.lang = language
  }, [theme, presenter, reduced, language])
}
