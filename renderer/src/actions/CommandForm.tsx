// The small form of one command: its fields prefilled, the core's verdict on exactly these values as they change
// (the Run button is disabled with the reason when the core would refuse), and the result once it ran.

import { useMemo, useState, type FormEvent } from 'react'
import type { CommandOp } from '../../../shared/lab/commands/schema'
import { refusalText } from './availability'
import { useCommandChecks } from '../hooks/useCommandChecks'
import { useCursor } from '../hooks/useCursor'
import { useDebounced } from '../hooks/useDebounced'
import { useIsRunning } from '../hooks/useIsRunning'
import { useLabActions } from '../hooks/useLabActions'
import { useLabFacts } from '../hooks/useLabFacts'
import { useLanguage } from '../hooks/useLanguage'
import { useLiveEnd } from '../hooks/useLiveEnd'
import { useT } from '../hooks/useT'
import { useUi } from '../hooks/useUi'
import { isStringKey } from '../i18n/translate'
import { Modal } from '../ui/Modal'
import { pickedFileBase64 } from '../files/pickedFile'
import { OPS, buildCommand, cryptoUtilChoices, optionsFor, type Args, type FieldSpec } from './catalog'

const FREE_TEXT_WITH_SUGGESTIONS = new Set(['kms.add:provider', 'host.add:cluster'])

export function CommandForm({ op, initial, onClose }: { op: CommandOp; initial: Args; onClose: () => void }) {
  const t = useT()
  const lang = useLanguage()
  const facts = useLabFacts()
  const running = useIsRunning()
  const cursor = useCursor()
  const end = useLiveEnd()
  const { runCommand } = useLabActions()
  // A new VM's disk starts with example guest data, so a student can find it again in the ciphertext; it is words,
  // so it is written in the reader's language.
  const [values, setValues] = useState<Args>(() =>
    op === 'vm.create' && initial.guestData === undefined && typeof initial.name === 'string' ? { ...initial, guestData: t('form.guestDataExample', { name: initial.name }) } : initial
  )
  const spec = OPS[op]
  const command = useMemo(() => buildCommand(op, values), [op, values])
  const checked = useDebounced(command, 120)
  const [check] = useCommandChecks([checked])
  const settled = checked === command && check?.known
  const refusal = check?.result ?? null

  const submit = async (e: FormEvent, anyway = false) => {
    e.preventDefault()
    if (running || (!anyway && (refusal || !settled))) return
    onClose()
    await runCommand(command)
  }

  const field = (f: FieldSpec) => {
    const id = `f-${op}-${f.name}`
    // a field may have its own label for one command (field.<op>.<name>), e.g. the backup's password
    const own = `field.${op}.${f.name}`
    const label = `${isStringKey(own) ? t(own) : t(`field.${f.name}`)}${f.optional ? ` ${t('actions.optional')}` : ''}`
    const v = values[f.name]
    const set = (x: Args[string]) => setValues((old) => ({ ...old, [f.name]: x }))
    if (f.kind === 'boolean')
      return (
        <label key={f.name} className="check form-row">
          <input id={id} type="checkbox" checked={v === true} onChange={(e) => set(e.target.checked)} />
          {label}
        </label>
      )
    let control
    const options = optionsFor(f.kind, facts)
    if (f.kind === 'file') {
      // the same picker in the browser and the desktop app: the window reads the file and sends its bytes
      control = <FilePick id={id} onPick={(base64) => set(base64)} />
    } else if (f.kind === 'args') {
      // crypto-util: a choice of the runs that make sense on the chosen host's core dumps, never free text.
      const text = Array.isArray(v) ? v.join(' ') : v === undefined ? '' : String(v)
      const choices = cryptoUtilChoices(facts, String(values.name ?? ''))
      control = (
        <select id={id} className="mono" value={choices.some((c) => c.value === text) ? text : ''} onChange={(e) => set(e.target.value)}>
          {!choices.some((c) => c.value === text) && (
            <option value="" disabled>
              {choices.length ? t('field.args.choose') : t('field.args.noDump')}
            </option>
          )}
          {choices.map((c) => (
            <option key={c.value} value={c.value}>
              {t(c.action === 'describe' ? 'field.args.describe' : 'field.args.extract', { file: `/var/core/${c.dump}` })}
            </option>
          ))}
        </select>
      )
    } else if (FREE_TEXT_WITH_SUGGESTIONS.has(`${op}:${f.name}`) || f.kind === 'name' || f.kind === 'text' || f.kind === 'disks' || f.kind === 'number' || f.kind === 'cluster') {
      const suggestions = f.kind === 'cluster' ? facts.clusters : f.kind === 'provider' ? facts.providers.map((p) => p.name) : []
      control = (
        <>
          <input
            id={id}
            type={f.kind === 'number' ? 'number' : 'text'}
            value={v === undefined ? '' : String(v)}
            step={f.name === 'diskMiB' ? 0.5 : 1}
            min={f.kind === 'number' ? (f.name === 'diskMiB' ? 0.5 : 1) : undefined}
            onChange={(e) => set(f.kind === 'number' ? (e.target.value === '' ? undefined : Number(e.target.value)) : e.target.value)}
            list={suggestions.length ? `${id}-list` : undefined}
            autoComplete="off"
            spellCheck={false}
          />
          {suggestions.length > 0 && (
            <datalist id={`${id}-list`}>
              {suggestions.map((s) => (
                <option key={s} value={s} />
              ))}
            </datalist>
          )}
        </>
      )
    } else {
      control = (
        <select id={id} value={v === undefined ? '' : String(v)} onChange={(e) => set(e.target.value)}>
          {!options.some((o) => o.value === v) && <option value={v === undefined ? '' : String(v)}>{v === undefined || v === '' ? '—' : String(v)}</option>}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {'labelKey' in o ? t(o.labelKey) : o.label}
            </option>
          ))}
        </select>
      )
    }
    return (
      <div key={f.name} className="form-row">
        <label htmlFor={id}>{label}</label>
        {control}
      </div>
    )
  }

  return (
    <Modal title={t(`op.${op}`)} onClose={onClose} className="command-dialog">
      <form onSubmit={(e) => void submit(e)} data-op={op}>
        {cursor !== end && <p className="note">{t('actions.pastNote', { end })}</p>}
        {spec.fields.map(field)}
        <div className="verdict" role="status" aria-live="polite">
          {!settled && <span className="muted">{t('actions.checking')}</span>}
          {settled && !refusal && <span className="verdict-ok">{t('actions.allowed')}</span>}
          {settled && refusal && (
            <span className="verdict-refused">
              <strong>{t('actions.refused', { fault: refusal.fault })}</strong> {refusalText(refusal, lang)}
            </span>
          )}
        </div>
        <div className="form-actions">
          {settled && refusal && (
            <button type="button" className="text-button small" onClick={(e) => void submit(e, true)}>
              {t('actions.runAnyway')}
            </button>
          )}
          <button type="button" className="button secondary" onClick={onClose}>
            {t('actions.cancel')}
          </button>
          <button type="submit" className="button primary" disabled={running || !settled || !!refusal}>
            {t('actions.run')}
          </button>
        </div>
      </form>
    </Modal>
  )
}

export function CommandDialogHost() {
  const dialog = useUi().dialog
  const { closeDialog } = useLabActions()
  if (!dialog) return null
  return <CommandForm key={`${dialog.op}:${JSON.stringify(dialog.args)}`} op={dialog.op} initial={dialog.args as Args} onClose={closeDialog} />
}

/** A file picker for a command's file field; it says which file was read, since the field holds only its bytes. */
function FilePick({ id, onPick }: { id: string; onPick: (base64: string) => void }) {
  const t = useT()
  const [chosen, setChosen] = useState<{ name: string; bytes: number } | null>(null)
  return (
    <>
      <input
        id={id}
        type="file"
        accept=".p12,.pfx,application/x-pkcs12"
        onChange={async (e) => {
          const file = e.target.files?.[0]
          if (!file) return
          onPick(await pickedFileBase64(file))
          setChosen({ name: file.name, bytes: file.size })
        }}
      />
      {chosen && <span className="muted small">{t('field.file.chosen', { name: chosen.name, bytes: chosen.bytes })}</span>}
    </>
  )
}
