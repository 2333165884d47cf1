// The vCenter "IDs only" note says what is true of this vCenter's providers: no KMS in a native-only lab
// (docs/vsphere-facts.md#vcenter-kms-credentials, docs/vsphere-facts.md#nkp-kdk-storage).
import { describe, expect, it } from 'vitest'
import { idsOnlyNoteKey } from '../../../renderer/src/reading/idsOnlyNote'
import { strings } from '../../../renderer/src/i18n/strings'

describe('the vCenter IDs-only note', () => {
  it('names the KMS only when a standard provider exists', () => {
    expect(idsOnlyNoteKey([])).toBe('inspector.idsOnlyNote')
    expect(idsOnlyNoteKey([{ native: false }])).toBe('inspector.idsOnlyNote')
    expect(idsOnlyNoteKey([{ native: true }])).toBe('inspector.idsOnlyNote.native')
    expect(idsOnlyNoteKey([{ native: true }, { native: false }])).toBe('inspector.idsOnlyNote.mixed')
  })

  it('a native-only vCenter: no KMS, the KDK in the protected store, in both languages', () => {
    const note = strings['inspector.idsOnlyNote.native']
    expect(note.en).toMatch(/there is no KMS/)
    expect(note.en).not.toMatch(/fetch every KEK from the KMS|log in to the KMS/)
    expect(note.en).toMatch(/KDK.*protected store/)
    expect(note.de).toMatch(/es gibt keinen KMS/)
    expect(note.de).toMatch(/KDK.*geschützte[mn] Speicher/)
    expect(strings['inspector.idsOnlyNote.mixed'].en).toMatch(/every KEK from the KMS.*every native key/)
    expect(strings['inspector.idsOnlyNote.mixed'].de).toMatch(/jeden KEK vom KMS.*jeden nativen Schlüssel/)
  })
})
