// A KMS refusal as the reader meets it: the lab's own KMS explained in the reader's language from what the lab
// knows (reason, operation, the key's state), a server outside the lab quoted in its own words; the wire keeps the
// server's English Result Message either way.

import { describe, expect, it } from 'vitest'
import { fromHex } from '../../../../shared/crypto/bytes'
import { formatMessage } from '../../../../shared/i18n/format'
import {
  decodeRequestMessage,
  decodeResponseMessage,
  encodeResponseMessage,
  KMIP_1_0,
  Operation,
  ResultReason,
  ResultStatus,
  State,
  type KmipManagedObject
} from '../../../../shared/kmip'
import { Lab, type CommandOutcome } from '../../../../shared/lab/lab'
import { refusalExplanation } from '../../../../shared/lab/services/kmsRefusal'
import { seededRandom } from '../../../../shared/lab/random'
import { nodeDiskCipher } from '../../../../node/crypto/nodeDiskCipher'
import { encryptedVmLab, get, ok, run } from '../../../helpers/lab'

const de = (out: CommandOutcome): string => formatMessage(out.fault!.message, 'de')
const en = (out: CommandOutcome): string => formatMessage(out.fault!.message, 'en')

const key = (state: number, owner = 'vcenter'): KmipManagedObject => ({
  uid: 'k1',
  objectType: 2,
  algorithm: 3,
  length: 256,
  usageMask: 12,
  material: null,
  state: state as KmipManagedObject['state'],
  names: [],
  attributes: {},
  owner,
  initialDate: 0,
  lastChangeDate: 0
})

describe('refusalExplanation: what a refusal means', () => {
  const builtin = (object: KmipManagedObject | null | undefined) => ({ object, clientId: 'vcenter' })
  const told = (r: Parameters<typeof refusalExplanation>[0]) => formatMessage(refusalExplanation(r), 'de')

  it('explains the lab’s own KMS from the reason, the operation and the key’s state, never from its English words', () => {
    const message = 'words the explanation must not depend on'
    expect(told({ reason: ResultReason.ItemNotFound, operation: Operation.Get, message, builtin: builtin(null) })).toBe('Der KMS hat kein Objekt mit dieser ID.')
    expect(told({ reason: ResultReason.ItemNotFound, operation: Operation.Get, message, builtin: builtin(key(State.Destroyed)) })).toBe(
      'Der Schlüssel wurde auf dem KMS vernichtet: Sein Schlüsselmaterial gibt es nicht mehr, nur seine Attribute sind geblieben.'
    )
    expect(told({ reason: ResultReason.PermissionDenied, operation: Operation.Get, message, builtin: builtin(key(State.Active, 'other-vcenter')) })).toBe(
      'Das Objekt gehört einem anderen KMIP-Client: Der KMS gibt es nur an den Client heraus, der es angelegt hat.'
    )
    expect(told({ reason: ResultReason.IllegalOperation, operation: Operation.Activate, message, builtin: builtin(key(State.Deactivated)) })).toBe(
      'Aktivieren lässt sich nur ein Schlüssel, der noch nicht aktiviert ist (Pre-Active); dieser ist deaktiviert.'
    )
    expect(told({ reason: ResultReason.IllegalOperation, operation: Operation.Revoke, message, builtin: builtin(key(State.PreActive)) })).toBe(
      'Widerrufen lässt sich nur ein aktiver Schlüssel (außer bei einer Kompromittierung); dieser ist vor der Aktivierung.'
    )
    expect(told({ reason: ResultReason.IllegalOperation, operation: Operation.Destroy, message, builtin: builtin(key(State.DestroyedCompromised)) })).toBe(
      'Der Schlüssel ist bereits vernichtet.'
    )
    // a refusal without a finer case: what the reason means for this KMS
    expect(told({ reason: ResultReason.KeyFormatTypeNotSupported, operation: Operation.Get, message, builtin: builtin(key(State.Active)) })).toBe(
      'Der KMS unterstützt das verlangte Schlüsselformat nicht.'
    )
  })

  it('quotes a server outside the lab in its own words, marked as such, and says so when it gave none', () => {
    const refusal = { reason: ResultReason.ItemNotFound, operation: Operation.Get, message: 'Could not locate object: 42' }
    expect(told(refusal)).toBe('Meldung des Servers (englisch): „Could not locate object: 42“')
    expect(formatMessage(refusalExplanation(refusal), 'en')).toBe('The server said: “Could not locate object: 42”')
    expect(told({ ...refusal, message: ' ' })).toBe('Einen weiteren Grund nennt der Server nicht.')
    // a reason the lab's KMS never gives has no explanation of the lab's own: the words are quoted even from it
    expect(told({ reason: ResultReason.ObjectArchived, operation: Operation.Get, message: 'archived', builtin: builtin(key(State.Active)) })).toBe(
      'Meldung des Servers (englisch): „archived“'
    )
  })
})

describe('a KMS refusal in a lab', () => {
  it('destroying an Active key: the German hint explains the state rule, with the KMIP names in parentheses only', async () => {
    const lab = await encryptedVmLab()
    const keyId = get(lab, 'vm', 'vm1').keyId!
    const [destroy] = await run(lab, { op: 'kms.destroyKey', keyId })
    expect(destroy.fault?.fault).toBe('InvalidState')
    expect(de(destroy)).toBe(
      `kms-1 lehnt die KMIP-Operation Destroy für ${keyId} ab: unzulässige Operation (Illegal Operation). ` +
        'Ein aktiver Schlüssel muss erst widerrufen werden, bevor er sich vernichten lässt.'
    )
    expect(en(destroy)).toBe(`kms-1 refused Destroy on ${keyId}: Illegal Operation. An active key must be revoked before it can be destroyed.`)
  })

  it('getting a destroyed key: the hint and the trace say in German why, while the wire keeps the KMS’s English message', async () => {
    const lab = await encryptedVmLab()
    const keyId = get(lab, 'vm', 'vm1').keyId!
    const [, , reboot] = await ok(lab, { op: 'kms.revokeKey', keyId }, { op: 'kms.destroyKey', keyId }, { op: 'host.reboot', name: 'esx-01' })
    const [unlock] = await run(lab, { op: 'vm.unlock', name: 'vm1' })
    const destroyedKey = 'Der Schlüssel wurde auf dem KMS vernichtet: Sein Schlüsselmaterial gibt es nicht mehr, nur seine Attribute sind geblieben.'
    expect(de(unlock)).toBe(`Schlüsselanbieter kp liefert den Schlüssel ${keyId} nicht: Objekt nicht gefunden (Item Not Found). ${destroyedKey}`)
    expect(en(unlock)).toBe(
      `Key provider kp does not deliver key ${keyId}: Item Not Found. The key was destroyed on the KMS: its key material no longer exists, only its attributes remain.`
    )
    // the reboot locked the VM: its trace shows the refused Get
    const answer = reboot.events.find((e) => e.message.id === 'kmip.res.failed')!
    expect(formatMessage(answer.message, 'de')).toBe(`kms-1 lehnt die KMIP-Operation Get ab: Objekt nicht gefunden (Item Not Found). ${destroyedKey}`)
    const onTheWire = decodeResponseMessage(fromHex(answer.kmip!.hex)).batchItems[0]
    expect(onTheWire).toMatchObject({ resultReason: ResultReason.ItemNotFound, resultMessage: `object ${keyId} was destroyed: its key material no longer exists` })
  })

  it('a server outside the lab: its refusal is quoted as its own words', async () => {
    // A KMIP server that refuses every request the way PyKMIP words a missing object.
    const refusing = {
      connect: () =>
        Promise.resolve({
          describe: () => 'TLSv1.3 TLS_AES_256_GCM_SHA384, server CN=far',
          close: () => {},
          send: (request: Uint8Array) => {
            const item = decodeRequestMessage(request).batchItems[0]
            return Promise.resolve(
              encodeResponseMessage({
                header: { protocolVersion: KMIP_1_0, timeStamp: 0 },
                batchItems: [{ operation: item.operation, resultStatus: ResultStatus.OperationFailed, resultReason: ResultReason.ItemNotFound, resultMessage: 'Could not locate object: 42' }]
              })
            )
          }
        })
    }
    const lab = await Lab.create({ random: seededRandom(3), diskCipher: nodeDiskCipher, externalKms: refusing }, { seed: 3 })
    const external = { host: '127.0.0.1', port: 5696, caPem: 'ca', clientCertPem: 'c', clientKeyPem: 'k' }
    await ok(lab, { op: 'provider.add', name: 'far' }, { op: 'kms.add', name: 'far-1', provider: 'far', external }, { op: 'host.add', name: 'esx-01', cluster: 'c1' })
    await ok(lab, { op: 'vm.create', name: 'vm1', host: 'esx-01' })
    const [encrypt] = await run(lab, { op: 'vm.encrypt', name: 'vm1' })
    expect(encrypt.fault?.fault).toBe('KmipError')
    expect(de(encrypt)).toMatch(/^far-1 lehnt die KMIP-Operation [A-Za-z ]+ ab: Objekt nicht gefunden \(Item Not Found\)\. Meldung des Servers \(englisch\): „Could not locate object: 42“$/)
    expect(en(encrypt)).toMatch(/^far-1 refused [A-Za-z ]+: Item Not Found\. The server said: “Could not locate object: 42”$/)
  })
})
