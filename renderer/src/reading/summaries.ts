// Component facts as three short texts — state, memory, persisted — for the table view and tooltips.

import type { Translate } from '../i18n/translate'
import { KMIP_STATES, type ComponentFacts } from './facts'
import { hostStateName, kmipStateName } from './kmipStates'
import type { Language } from '../../../shared/i18n/format'

export interface FactTexts {
  state: string
  memory: string
  persisted: string
}

export function factTexts(f: ComponentFacts, t: Translate, lang: Language): FactTexts {
  switch (f.kind) {
    case 'kms':
      return {
        state: f.external ? t('state.external') : f.running ? t('state.running') : t('state.stopped'),
        memory: t('node.sessions', { n: f.sessions }),
        persisted: f.keyCount === 0 ? t('node.noKeys') : KMIP_STATES.filter((s) => f.keysByState[s]).map((s) => `${f.keysByState[s]} ${kmipStateName(s, lang)}`).join(', ')
      }
    case 'vcenter':
      return {
        state: f.running ? t('state.running') : t('state.stopped'),
        memory: t('node.inFlight', { n: f.keysInFlight }),
        persisted: [
          f.providers.length ? f.providers.map((p) => `${p.name}${p.isDefault ? ' ★' : ''} (${p.trustMode ? t('state.trusted') : t('state.untrusted')})`).join(', ') : t('node.noProviders'),
          `${t('node.keyIds', { n: f.vmKeyIds + f.hostKeyIds })} (${t('node.idsOnly')})`
        ].join('; ')
      }
    case 'host':
      return {
        state: hostStateName(f.cryptoState, lang),
        memory: [
          `${t('node.keyCache')}: ${t('key.hostKey')} ${f.cache.hostKey}, ${t('key.kek')} ${f.cache.kek}, ${t('key.dek')} ${f.cache.dek}`,
          t('node.vmsRunning', { n: f.runningVms })
        ].join('; '),
        persisted: [t('node.dumps', { n: f.coreDumps }), ...(f.keyPersistence ? [t('node.tpm')] : [])].join('; ')
      }
    case 'vm':
      return {
        state: [f.power === 'poweredOn' ? t('state.poweredOn') : t('state.poweredOff'), f.cryptoState === null ? t('state.clear') : `${t('state.encrypted')}, ${f.cryptoState === 'locked' ? t('state.locked') : t('state.unlocked')}`].join(', '),
        memory: f.power === 'poweredOn' ? t('inspector.guestMemory') : '—',
        persisted: `${t('field.host')}: ${f.host}${f.ftSecondary ? `; ${t('node.ftSecondary', { host: f.ftSecondary })}` : ''}${f.snapshots ? `; ${t('node.snapshots', { n: f.snapshots })}` : ''}`
      }
    case 'datastore':
      return { state: f.cluster, memory: '—', persisted: `${t('node.files', { n: f.files })}, ${t('node.keySafes', { n: f.keySafes })}` }
  }
}
