// Which "IDs only" note is true of this vCenter: with a standard key provider its certificate store opens the KMS;
// with a Native Key Provider there is no KMS at all, and the KDK in its protected store is the secret instead
// (docs/vsphere-facts.md#vcenter-kms-credentials, #nkp-kdk-storage).

import type { ProviderFacts } from './facts'

export type IdsOnlyNoteKey = 'inspector.idsOnlyNote' | 'inspector.idsOnlyNote.native' | 'inspector.idsOnlyNote.mixed'

export function idsOnlyNoteKey(providers: readonly Pick<ProviderFacts, 'native'>[]): IdsOnlyNoteKey {
  const native = providers.filter((p) => p.native).length
  if (native === 0) return 'inspector.idsOnlyNote'
  return native === providers.length ? 'inspector.idsOnlyNote.native' : 'inspector.idsOnlyNote.mixed'
}
