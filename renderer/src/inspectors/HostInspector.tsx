// An ESXi host. Memory: crypto state, key cache (which keys, by ID and fingerprint; material on request), running
// VMs, the KDKs of Native Key Providers. Persisted: host configuration, the TPM-sealed cache and KDKs, core dumps.

import type { ComponentView } from '../../../shared/lab/readView'
import { KeyGlyph } from '../graph/tokens/KeyGlyph'
import { useT } from '../hooks/useT'
import { CoreDumpView } from './CoreDumpView'
import { KeyId } from './KeyId'
import { Fingerprint, Secret } from './Secret'
import { Field, Section } from './Section'
import { useLanguage } from '../hooks/useLanguage'
import { hostStateName } from '../reading/kmipStates'

export function HostInspector({ id, view }: { id: string; view: ComponentView<'host'> }) {
  const t = useT()
  const lang = useLanguage()
  const name = view.name ?? id
  const cache = Object.entries(view.memory?.keyCache ?? {})
  const running = view.memory?.runningVms ?? []
  const dumps = Object.entries(view.persisted?.varCore ?? {})
  const sealed = view.persisted?.sealedKeyCache ?? null
  const kdks = Object.entries(view.memory?.kdks ?? {})
  const sealedKdks = view.persisted?.sealedKdks ?? null
  const hasTpm = view.tpm !== null && view.tpm !== undefined
  return (
    <>
      <Section title={t('surface.memory')} surface="memory" id={`${id}-mem`}>
        <dl className="fields">
          <Field label={t('inspector.cryptoState')}>
            <span className={`badge badge-${view.cryptoState === 'safe' ? 'good' : 'muted'}`}>{hostStateName(view.cryptoState ?? 'incapable', lang)}</span>
          </Field>
        </dl>
        <p className="subhead">{t('node.keyCache')}</p>
        {cache.length === 0 ? (
          <p className="note">{t('inspector.emptyCache')}</p>
        ) : (
          <table className="data-table key-cache" aria-label={t('node.keyCache')}>
            <thead>
              <tr>
                <th scope="col">{t('inspector.keyType')}</th>
                <th scope="col">{t('inspector.keyId')}</th>
                <th scope="col">{t('inspector.vm')}</th>
                <th scope="col">{t('inspector.fingerprint')}</th>
                <th scope="col">{t('inspector.material')}</th>
              </tr>
            </thead>
            <tbody>
              {cache.map(([keyId, k]) => {
                const type = k.keyType ?? 'kek'
                const material = k.material ?? null
                return (
                  <tr key={keyId} data-key-type={type}>
                    <td>
                      <span className="key-type">
                        <KeyGlyph keyType={type} form="material" size={15} />
                        {t(`key.${type}`)}
                      </span>
                    </td>
                    <td>
                      <KeyId id={keyId} />
                    </td>
                    <td>{k.vm ?? '—'}</td>
                    <td>
                      <Fingerprint value={material?.fingerprint} />
                    </td>
                    <td>
                      <Secret value={material} label={`${t(`key.${type}`)} ${keyId}`} />
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        )}
        {kdks.length > 0 && (
          <>
            <p className="subhead">{t('inspector.hostKdks')}</p>
            <ul className="plain-list">
              {kdks.map(([provider, k]) => {
                const material = k.material ?? null
                return (
                  <li key={provider} data-key-type="kdk">
                    <KeyGlyph keyType="kdk" form="material" size={15} /> {t('key.kdk')} · {provider} · <KeyId id={k.kdkId} />{' '}
                    <Fingerprint value={material?.fingerprint} /> <Secret value={material} label={`${t('key.kdk')} ${provider}`} />
                  </li>
                )
              })}
            </ul>
          </>
        )}
        <p className="subhead">{t('inspector.runningVms')}</p>
        <p>{running.length ? running.join(', ') : <span className="muted">{t('inspector.none')}</span>}</p>
      </Section>
      <Section title={t('surface.persisted')} surface="persisted" id={`${id}-disk`}>
        <dl className="fields">
          <Field label={t('inspector.cryptoEnabled')}>{view.persisted?.config?.cryptoEnabled === true ? '✓' : '—'}</Field>
          <Field label={t('inspector.hostKeyId')}>
            <KeyId id={view.persisted?.config?.hostKeyId} />
          </Field>
          <Field label={t('inspector.keyPersistence')}>{view.persisted?.config?.keyPersistence === true ? '✓' : '—'}</Field>
          <Field label={t('field.tpm')}>{hasTpm ? '✓' : '—'}</Field>
        </dl>
        {sealedKdks && (
          <>
            <p className="subhead">{t('inspector.sealedKdks')}</p>
            <p className={`note${hasTpm ? '' : ' warn'}`}>
              {t(hasTpm ? 'inspector.sealedKdksHint' : 'inspector.sealedKdksNoTpm')} ({t('payload.bytes', { n: sealedKdks.size })}, <Fingerprint value={sealedKdks.fingerprint} />)
            </p>
          </>
        )}
        {sealed && (
          <>
            <p className="subhead">{t('inspector.sealed')}</p>
            <p className="note">
              {t('inspector.sealedHint')} ({t('payload.bytes', { n: sealed.size })}, <Fingerprint value={sealed.fingerprint} />)
            </p>
          </>
        )}
        <p className="subhead">{t('inspector.coreDumps')}</p>
        {dumps.length === 0 && <p className="muted">{t('inspector.noDumps')}</p>}
        {dumps.map(([file, data]) => {
          return data ? <CoreDumpView key={file} hostId={id} hostName={name} name={file} data={data} /> : null
        })}
      </Section>
    </>
  )
}
