// vCenter: KMIP connections and keys passing through (memory: handed on, then forgotten), and its database — key
// providers with their trust (or, for a Native Key Provider, its KDK and backup), and which key protects which VM and
// host: key IDs only, as the column says. Its protected store holds the one key material vCenter keeps: KDKs.

import { fromHex } from '../../../shared/crypto/bytes'
import type { ComponentView, ViewOfPart } from '../../../shared/lab/readView'
import type { BytesView } from '../../../shared/lab/view'
import { downloadBytes } from '../files/download'
import type { KeyIdRef, ProviderRecord } from '../../../shared/lab/model'
import { KeyGlyph } from '../graph/tokens/KeyGlyph'
import { useT } from '../hooks/useT'
import { idsOnlyNoteKey } from '../reading/idsOnlyNote'
import { KeyId } from './KeyId'
import { Fingerprint, Secret } from './Secret'
import { Field, Section } from './Section'

/** A Native Key Provider's line: its KDK, whether it is backed up (and usable), TPM-only, and its backup file. */
function NativeProviderCell({ name, p }: { name: string; p: ViewOfPart<ProviderRecord> }) {
  const t = useT()
  const backed = p.native?.hasBackup === true
  const file = p.native?.backupFile ?? null
  return (
    <>
      <KeyGlyph keyType="kdk" form="id" size={15} /> {t('inspector.nativeProvider')} · KDK <KeyId id={p.native?.kdkId} />
      {' · '}
      <span className={`badge badge-${backed ? 'good' : 'warn'}`}>{backed ? t('inspector.backedUp') : t('inspector.notBackedUp')}</span>
      {p.native?.tpmRequired === true && <span className="muted"> · {t('inspector.tpmRequired')}</span>}
      {file && !file.truncated && <SaveBackup name={name} file={file} />}
    </>
  )
}

function SaveBackup({ name, file }: { name: string; file: BytesView }) {
  const t = useT()
  return (
    <button type="button" className="text-button small" onClick={() => downloadBytes(`${name}.p12`, fromHex(file.hex))} aria-label={`${t('inspector.saveBackup')}: ${name}`}>
      {t('inspector.saveBackup')}
    </button>
  )
}

function KeyIdTable({ title, rows, owner }: { title: string; rows: [string, ViewOfPart<KeyIdRef>][]; owner: string }) {
  const t = useT()
  return (
    <>
      <p className="subhead">{title}</p>
      {rows.length === 0 ? (
        <p className="muted">{t('inspector.none')}</p>
      ) : (
        <table className="data-table db-table" aria-label={title}>
          <thead>
            <tr>
              <th scope="col">{owner}</th>
              <th scope="col">{t('inspector.provider')}</th>
              <th scope="col">{t('inspector.keyId')}</th>
              <th scope="col">{t('inspector.material')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([name, ref]) => (
              <tr key={name}>
                <td>{name}</td>
                <td>{ref.providerId ?? null}</td>
                <td>
                  <KeyId id={ref.keyId} />
                </td>
                <td className="not-stored">{t('inspector.notStored')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  )
}

export function VcenterInspector({ id, view }: { id: string; view: ComponentView<'vcenter'> }) {
  const t = useT()
  const inFlight = view.memory?.keysInFlight ?? []
  const connections = view.memory?.connections ?? []
  const providers = Object.entries(view.persisted?.providers ?? {})
  const def = view.persisted?.defaultProvider ?? null
  const kdks = Object.entries(view.persisted?.protectedStore?.kdks ?? {})
  return (
    <>
      <Section title={t('surface.memory')} surface="memory" id={`${id}-mem`}>
        <dl className="fields">
          <Field label={t('inspector.connections')}>{connections.length ? connections.map((c) => c.kms ?? null).join(', ') : t('inspector.none')}</Field>
        </dl>
        <p className="subhead">{t('inspector.keysInFlight')}</p>
        {inFlight.length === 0 ? (
          <p className="note">{t('inspector.keysInFlightNone')}</p>
        ) : (
          <ul className="plain-list">
            {inFlight.map((k, i) => {
              const type = k.keyType ?? 'kek'
              return (
                <li key={i}>
                  <KeyGlyph keyType={type} form="material" size={15} /> {t(`key.${type}`)} <KeyId id={k.keyId} />
                </li>
              )
            })}
          </ul>
        )}
      </Section>
      <Section title={t('inspector.dbTitle')} surface="persisted" id={`${id}-db`}>
        <p className="note ids-only" data-testid="ids-only">
          <KeyGlyph keyType="kek" form="id" size={16} /> {t(idsOnlyNoteKey(providers.map(([, p]) => ({ native: p.type === 'native' }))))}
        </p>
        <p className="subhead">{t('inspector.providers')}</p>
        {providers.length === 0 ? (
          <p className="muted">{t('node.noProviders')}</p>
        ) : (
          <table className="data-table" aria-label={t('inspector.providers')}>
            <tbody>
              {providers.map(([name, p]) => (
                <tr key={name}>
                  <th scope="row">
                    {name}
                    {name === def ? ` ★ ${t('group.default')}` : ''}
                  </th>
                  <td>
                    {p.type === 'native' ? (
                      <NativeProviderCell name={name} p={p} />
                    ) : p.trust?.mode ? (
                      `${t('state.trusted')} (${t(`trust.${p.trust.mode}`)})`
                    ) : (
                      t('state.untrusted')
                    )}
                    {/* Trust is per KMS server: a server added later is not in this list until trust is established with it. */}
                    {Object.keys(p.trust?.servers ?? {}).length > 0 && (
                      <span className="muted"> · {t('inspector.trustPerServer', { servers: Object.keys(p.trust?.servers ?? {}).join(', ') })}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {kdks.length > 0 && (
          <>
            <p className="subhead">{t('inspector.protectedStore')}</p>
            <p className="note">{t('inspector.protectedStoreNote')}</p>
            <ul className="plain-list">
              {kdks.map(([provider, kdk]) => {
                const b = kdk ?? null
                return (
                  <li key={provider} data-key-type="kdk">
                    <KeyGlyph keyType="kdk" form="material" size={15} /> {t('key.kdk')} · {provider} · <Fingerprint value={b?.fingerprint} />{' '}
                    <Secret value={b} label={`${t('key.kdk')} ${provider}`} />
                  </li>
                )
              })}
            </ul>
          </>
        )}
        <KeyIdTable title={t('inspector.vmKeys')} rows={Object.entries(view.persisted?.vmKeys ?? {})} owner={t('inspector.vm')} />
        <KeyIdTable title={t('inspector.hostKeys')} rows={Object.entries(view.persisted?.hostKeys ?? {})} owner={t('field.host')} />
      </Section>
    </>
  )
}
