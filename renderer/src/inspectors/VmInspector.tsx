// A VM: its state (power, connection, locked or not, the KEK's ID — never the key), its guest memory while it runs,
// and its files on the datastore: the .vmx with the key safe, the descriptor, and the disk before and after.

import { useMemo } from 'react'
import { viewOfKind, type ComponentView } from '../../../shared/lab/readView'
import { formatMessage, isMessageId } from '../../../shared/i18n/format'
import { useLabStore } from '../hooks/useLabStore'
import { useLanguage } from '../hooks/useLanguage'
import { useT } from '../hooks/useT'
import type { Translate } from '../i18n/translate'
import { DiskCompare } from './DiskCompare'
import { TextFile } from './FileViewer'
import { bytesOfHex, leadingText } from './hex'
import { HexView } from './HexView'
import { KeyId } from './KeyId'
import { Field, Section } from './Section'

export function VmInspector({ id, view }: { id: string; view: ComponentView<'vm'> }) {
  const t = useT()
  const datastore = view.datastore ?? null
  const dsView = viewOfKind(useLabStore((s) => (datastore ? s.timeline?.views[datastore] : undefined)), 'datastore')
  const guest = view.memory?.guest ?? null
  const guestBytes = useMemo(() => (guest ? bytesOfHex(guest.hex, 64) : null), [guest])
  const crypto = view.cryptoState ?? null
  const lockReason = view.lockReason ?? null
  const lang = useLanguage()
  const power = view.power
  const file = (path: string | undefined) => (path ? { path, text: dsView?.persisted?.files?.[path]?.text ?? null } : null)
  const vmx = file(view.files?.vmx)
  const descriptors = (view.disks ?? []).flatMap((d) => {
    const f = file(d.descriptor)
    return f ? [f] : []
  })
  const migrateEncryption = view.migrateEncryption
  return (
    <>
      <Section title={t('inspector.vmState')} id={`${id}-state`}>
        <dl className="fields">
          <Field label={t('inspector.power')}>{power === 'poweredOn' ? t('state.poweredOn') : t('state.poweredOff')}</Field>
          <Field label={t('field.host')}>{view.host ?? null}</Field>
          <Field label={t('inspector.connection')}>{connectionName(view.connectionState ?? null, t)}</Field>
          <Field label={t('inspector.encryption')}>
            {crypto === null ? (
              t('state.clear')
            ) : (
              <span className={`badge ${crypto === 'locked' ? 'badge-bad' : 'badge-good'}`} data-vm-crypto={crypto}>
                {crypto === 'locked' ? t('state.locked') : t('state.unlocked')}
              </span>
            )}
          </Field>
          {crypto !== null && (
            <Field label={t('inspector.kekId')}>
              <KeyId id={view.keyId} /> <span className="muted">({view.providerId ?? null})</span>
            </Field>
          )}
          {lockReason && (
            <Field label={t('inspector.lockReason')}>
              {isMessageId(lockReason) ? formatMessage({ id: lockReason, params: { vm: view.name ?? id, keyId: view.keyId ?? '' } }, lang) : lockReason}
            </Field>
          )}
          {migrateEncryption && <Field label={t('inspector.migrateEncryption')}>{t(`choice.${migrateEncryption}`)}</Field>}
          {view.vtpm === true && <Field label={t('inspector.vtpm')}>{t('inspector.vtpmPresent')}</Field>}
          {(view.snapshots?.length ?? 0) > 0 && <Field label="Snapshots">{view.snapshots?.length}</Field>}
        </dl>
      </Section>
      <Section title={t('inspector.guestMemory')} surface="memory" id={`${id}-mem`}>
        {guestBytes ? (
          <>
            <pre tabIndex={0} className="text-block">{leadingText(guestBytes)}</pre>
            <HexView bytes={guestBytes.slice(0, 32)} label={t('inspector.guestMemory')} />
          </>
        ) : (
          <p className="muted">{t('inspector.guestOff')}</p>
        )}
      </Section>
      <Section title={t('inspector.files', { ds: dsView?.name ?? datastore ?? '' })} surface="persisted" id={`${id}-files`}>
        {vmx && (
          <details open className="file" data-file={vmx.path}>
            <summary>
              <code>{vmx.path}</code>
            </summary>
            {vmx.text !== null ? <TextFile text={vmx.text} /> : <p className="muted">{t('inspector.noFile')}</p>}
          </details>
        )}
        {descriptors.map((descriptor) => (
          <details key={descriptor.path} className="file" data-file={descriptor.path}>
            <summary>
              <code>{descriptor.path}</code>
            </summary>
            {descriptor.text !== null ? <TextFile text={descriptor.text} /> : <p className="muted">{t('inspector.noFile')}</p>}
          </details>
        ))}
        <p className="subhead">{t('inspector.disk')}</p>
        <DiskCompare vmId={id} />
      </Section>
    </>
  )
}

/** vSphere's connection state of a VM (connected, invalid) in the chosen language. */
function connectionName(state: string | null | undefined, t: Translate): string {
  if (state === 'connected') return t('state.connected')
  if (state === 'invalid') return t('state.invalid')
  return state ?? '—'
}
