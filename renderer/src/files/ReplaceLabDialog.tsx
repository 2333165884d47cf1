// "Replace the lab with unsaved changes?": asked before a new lab, an opened or imported file or a lesson takes the
// place of a lab with unsaved changes (the store waits for the answer, store/slices/uiSlice mayReplace).

import { useLabActions } from '../hooks/useLabActions'
import { useT } from '../hooks/useT'
import { useUi } from '../hooks/useUi'
import { Modal } from '../ui/Modal'

export function ReplaceLabDialog() {
  const t = useT()
  const { replaceAsk } = useUi()
  const { answerReplace } = useLabActions()
  if (!replaceAsk) return null
  return (
    <Modal title={t('replace.title')} onClose={() => answerReplace('cancel')}>
      <p>{t('replace.body')}</p>
      <div className="form-actions">
        <button type="button" className="text-button" onClick={() => answerReplace('cancel')}>
          {t('replace.cancel')}
        </button>
        <button type="button" className="button" onClick={() => answerReplace('discard')} data-testid="replace-discard">
          {t('replace.discard')}
        </button>
        <button type="button" className="button primary" autoFocus onClick={() => answerReplace('save')}>
          {t('replace.save')}
        </button>
      </div>
    </Modal>
  )
}
