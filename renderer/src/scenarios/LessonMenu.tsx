// The built-in lessons (shared/scenarios): loading one starts a new seeded lab, runs its script, and leaves the
// playback at the start for the presenter to play.

import { focusPlay } from '../timeline/focusPlay'
import { scenarios } from '../../../shared/scenarios'
import { useLabActions } from '../hooks/useLabActions'
import { useLanguage } from '../hooks/useLanguage'
import { useT } from '../hooks/useT'
import { BookIcon, ChevronIcon } from '../theme/icons'
import { MenuItem, Popover } from '../ui/Popover'

export function LessonMenu() {
  const t = useT()
  const lang = useLanguage()
  const { loadScenario } = useLabActions()
  return (
    <Popover
      className="lesson-menu"
      label={
        <>
          <BookIcon size={16} />
          <span>{t('scenario.menu')}</span>
          <ChevronIcon size={12} />
        </>
      }
      ariaLabel={t('scenario.menu')}
    >
      {(close) =>
        scenarios.map((s) => (
          <MenuItem
            key={s.id}
            onSelect={() => {
              close()
              void loadScenario(s).then(focusPlay)
            }}
            hint={s.lesson[lang].slice(0, 110) + (s.lesson[lang].length > 110 ? '…' : '')}
            className={`lesson-${s.id}`}
          >
            {s.title[lang]}
          </MenuItem>
        ))
      }
    </Popover>
  )
}
