// The chosen language, for the lab's own narration (`formatMessage`).

import type { Language } from '../../../shared/i18n/format'
import { useLabStore } from './useLabStore'

export function useLanguage(): Language {
  return useLabStore((s) => s.settings.language)
}
