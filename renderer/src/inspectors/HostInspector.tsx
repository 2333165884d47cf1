// An ESXi host. Memory: crypto state, key cache (which keys, by ID and fingerprint; material on request), running
// VMs, the KDKs of Native Key Providers. Persisted: host configuration, the TPM-sealed cache and KDKs, core dumps.

import type { ViewValue } from '../../../shared/lab/view'
import type { KeyType } from '../../../shared/lab/model'
import { KeyGlyph } from '../graph/tokens/KeyGlyph'
import { useT } from '../hooks/useT'
import { at, bool, bytes, entries, list, str } from '../reading/view'
import { CoreDumpView } from './CoreDumpView'
import { KeyId } from './KeyId'
import { Fingerprint, Secret } from './Secret'
import { Field, Section } from './Section'
import { useLanguage } from '../hooks/useLanguage'
import { hostStateName } from '../reading/kmipStates'

export function HostInspector({ id, view }: { id: string; view: ViewValue }) {
  const t = useT()
  const lang = useLanguage()
  const name = str(at(view, 'name')) ?? id
  const cache = entries(at(view, 'memory', 'keyCache'))
  const running = list(at(view, 'memory', 'runningVms')).filter((v): v is string => typeof v === 'string')
  const dumps = entries(at(view, 'persisted', 'varCore'))
  const sealed = bytes(at(view, 'persisted', 'sealedKeyCache'))
  const kdks = entries(at(view, 'memory', 'kdks'))
  const sealedKdks = bytes(at(view, 'persisted', 'sealedKdks'))
  const hasTpm = at(view, 'tpm') !== null && at(view, 'tpm') !== undefined
  return (
    <>
      <Section title={t('surface.memory')} surface="memory" id={`${id}-mem`}>
        <dl className="fields">
          <Field label={t('inspector.cryptoState')}>
            <span className={`badge badge-${str(at(view, 'cryptoState')) === 'safe' ? 'good' : 'muted'}`}>{hostStateName(str(at(view, 'cryptoState')) ?? 'incapable', lang)}</span>
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
                const type = (str(at(k, 'keyType')) ?? 'kek') as KeyType
                const material = bytes(at(k, 'material'))
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
                    <td>{str(at(k, 'vm')) ?? '—'}</td>
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
                const material = bytes(at(k, 'material'))
                return (
                  <li key={provider} data-key-type="kdk">
                    <KeyGlyph keyType="kdk" form="material" size={15} /> {t('key.kdk')} · {provider} · <KeyId id={str(at(k, 'kdkId'))} />{' '}
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
          <Field label={t('inspector.cryptoEnabled')}>{bool(at(view, 'persisted', 'config', 'cryptoEnabled')) ? '✓' : '—'}</Field>
          <Field label={t('inspector.hostKeyId')}>
            <KeyId id={str(at(view, 'persisted', 'config', 'hostKeyId'))} />
          </Field>
          <Field label={t('inspector.keyPersistence')}>{bool(at(view, 'persisted', 'config', 'keyPersistence')) ? '✓' : '—'}</Field>
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
          const b = bytes(data)
          return b ? <CoreDumpView key={file} hostId={id} hostName={name} name={file} data={b} /> : null
        })}
      </Section>
    </>
  )
}
