// The translator for the chosen language (re-renders only when the language changes).

import { useMemo } from 'react'
import { translator, type Translate } from '../i18n/translate'
import { useLabStore } from './useLabStore'

export function useT(): Translate {
  const lang = useLabStore((s) => s.settings.language)
  return useMemo(() => translator(lang), [lang])
}
