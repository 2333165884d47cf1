// The keyboard sheet (press ?).

import { useLabActions } from '../hooks/useLabActions'
import { useT } from '../hooks/useT'
import { useUi } from '../hooks/useUi'
import { Modal } from '../ui/Modal'
import { SHORTCUT_SHEET } from '../keyboard/shortcuts'

export function ShortcutHelp() {
  const t = useT()
  const { help } = useUi()
  const { setHelp } = useLabActions()
  if (!help) return null
  return (
    <Modal title={t('keys.title')} onClose={() => setHelp(false)}>
      <table className="data-table shortcut-table">
        <tbody>
          {SHORTCUT_SHEET.map(([keys, label]) => (
            <tr key={label}>
              <th scope="row">
                {keys.map((k) => {
                  const text = typeof k === 'string' ? k : t(k.name)
                  return <kbd key={text}>{text}</kbd>
                })}
              </th>
              <td>{t(label)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Modal>
  )
}
