// A KMS server: its open KMIP sessions (memory) and its key store with each key's KMIP state, owner tags and
// material (on request), plus the certificates it holds.

import { textAttribute, type ComponentView } from '../../../shared/lab/readView'
import type { BytesView } from '../../../shared/lab/view'
import { kmipStateName } from '../reading/kmipStates'
import { useT } from '../hooks/useT'
import { KeyId } from './KeyId'
import { Secret } from './Secret'
import { Field, Section } from './Section'
import { downloadText } from '../files/download'
import { useLanguage } from '../hooks/useLanguage'

export function KmsInspector({ id, view }: { id: string; view: ComponentView<'kms'> }) {
  const t = useT()
  const lang = useLanguage()
  const sessions = view.memory?.sessions ?? []
  const keys = Object.entries(view.persisted?.keys ?? {})
  return (
    <>
      <Section title={t('surface.memory')} surface="memory" id={`${id}-mem`}>
        <dl className="fields">
          <Field label={t('inspector.sessions')}>{sessions.length ? sessions.map((s) => s.client ?? null).join(', ') : t('inspector.none')}</Field>
        </dl>
      </Section>
      <Section title={t('inspector.kmsStore')} surface="persisted" id={`${id}-store`}>
        {keys.length === 0 ? (
          <p className="muted">{t('inspector.noKmsKeys')}</p>
        ) : (
          <table className="data-table kms-keys" aria-label={t('inspector.kmsStore')}>
            <thead>
              <tr>
                <th scope="col">{t('inspector.keyId')}</th>
                <th scope="col">{t('inspector.state')}</th>
                <th scope="col">x-Component / x-Name</th>
                <th scope="col">{t('inspector.material')}</th>
              </tr>
            </thead>
            <tbody>
              {keys.map(([keyId, k]) => {
                const state = k.state ?? null
                return (
                  <tr key={keyId} data-kmip-state={state ?? ''}>
                    <td>
                      <KeyId id={keyId} />
                    </td>
                    <td>
                      <span className={`chip kmip-state kmip-state-${state}`}>{kmipStateName(state, lang)}</span>
                    </td>
                    <td>
                      {textAttribute(k.attributes, 'x-Component') ?? '—'}
                      <br />
                      <span className="muted">{textAttribute(k.attributes, 'x-Name') ?? ''}</span>
                    </td>
                    <td>
                      <Secret value={k.material ?? null} label={keyId} />
                      <KeyFileButton keyId={keyId} material={k.material ?? null} />
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        )}
        <p className="subhead">{t('inspector.certificates')}</p>
        <dl className="fields">
          <Field label={t('inspector.kmsCa')}>{view.persisted?.ca ? t('inspector.present') : '—'}</Field>
          <Field label={t('inspector.serverCert')}>{view.persisted?.serverCertificate ? t('inspector.present') : '—'}</Field>
          <Field label="">{t('inspector.trustedClients', { n: view.persisted?.trustedClients?.length ?? 0 })}</Field>
        </dl>
      </Section>
    </>
  )
}

/**
 * The key as a KMS administrator would hand it out for `crypto-util --keyfile` (64 hex digits, as the CLI's
 * `export key` writes it), so a core dump downloaded from a host can be opened outside the lab.
 */
function KeyFileButton({ keyId, material }: { keyId: string; material: BytesView | null }) {
  const t = useT()
  if (!material || material.truncated) return null
  return (
    <button type="button" className="text-button small" onClick={() => downloadText(`${keyId}.key`, material.hex + '\n')} aria-label={`${t('inspector.saveKeyFile')}: ${keyId}`}>
      {t('inspector.saveKeyFile')}
    </button>
  )
}
