// The seed's promise, checked over thousands of random command sequences:
//  1. no KEK, host key, internal key (VM home key, disk DEK), vm-support incident key or Native Key Provider KDK (also one
//     restored from its backup) ever
//     appears in clear on a persisted surface outside the KMS and vCenter's protected store (vCenter's database, host
//     configuration, sealed stores and /var/core, datastore files);
//  2. the same script with the same seed gives byte-identical output.

import fc from 'fast-check'
import { PassThrough } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { nodeDiskCipher } from '../../../node/crypto/nodeDiskCipher'
import { writeJson } from '../../../node/cli/jsonWriter'
import { indexOfBytes, toBase64, toHex, utf8 } from '../../../shared/crypto/bytes'
import type { LabCommand } from '../../../shared/lab/commands/schema'
import { INCIDENT_KEY_FILE, openIncidentKey } from '../../../shared/lab/files/incidentKey'
import { readEncryptionKeys } from '../../../shared/lab/files/vmdk'
import { parseVmx } from '../../../shared/lab/files/vmx'
import { Lab } from '../../../shared/lab/lab'
import type { Component, Entity } from '../../../shared/lab/model'
import { seededRandom } from '../../../shared/lab/random'
import { labReport } from '../../../shared/lab/report'
import { parseBundle, unwrapDek } from '../../../shared/lab/services/dekWrap'
import { commandArbitrary, kmsAdminArbitrary, nkpRoundTripArbitrary, prefix, SUPPORT_PASSWORD } from '../../helpers/commandArbitrary'

const RUNS = Number(process.env.PROPERTY_RUNS ?? 2000)
// A fixed seed keeps the suite's verdict the same from run to run; PROPERTY_SEED=random explores new sequences
// (a failure prints its seed and path, and the sequence it found belongs in the examples at the end of this file).
const SEED = process.env.PROPERTY_SEED === 'random' ? undefined : Number(process.env.PROPERTY_SEED ?? 20261206)

async function prefixLab(seed: number): Promise<Lab> {
  const lab = await Lab.create({ random: seededRandom(seed), diskCipher: nodeDiskCipher }, { seed })
  for (const c of prefix) await lab.run(c)
  return lab
}

type Step =
  | LabCommand
  | { op: 'kms.revokeKey' | 'kms.destroyKey' | 'kms.activateKey'; pick: number }
  | { op: 'provider.restore'; lastBackup: true; password: string }
  | { roundTrip: 'nkp'; password: string; restorePassword: string }

/** A step as the commands it stands for (the NKP round trip is four). */
function expand(step: Step): Exclude<Step, { roundTrip: 'nkp' }>[] {
  if (!('roundTrip' in step)) return [step]
  return [
    { op: 'provider.add', name: 'nkp', type: 'native' },
    { op: 'provider.backup', provider: 'nkp', password: step.password },
    { op: 'provider.remove', name: 'nkp' },
    { op: 'provider.restore', lastBackup: true, password: step.restorePassword === 'same' ? step.password : step.restorePassword }
  ]
}

/** The last backup file of the native provider this run wrote, even if the provider was removed since. */
function lastBackup(lab: Lab): Uint8Array | null {
  for (let i = lab.entries.length - 1; i >= 0; i--)
    for (const c of lab.entries[i].changes) {
      const v = c.after as Entity | undefined
      const file = v?.kind === 'vcenter' ? v.persisted.providers.nkp?.native?.backupFile : null
      if (file) return file
    }
  return null
}

function resolve(lab: Lab, step: Exclude<Step, { roundTrip: 'nkp' }>): LabCommand {
  if ('lastBackup' in step) return { op: 'provider.restore', file: toBase64(lastBackup(lab) ?? utf8('no backup yet')), password: step.password }
  if (!('pick' in step)) return step
  const kms = lab.component('kms:kms-1')
  const ids = kms?.kind === 'kms' ? Object.keys(kms.persisted.keys) : []
  return { op: step.op, keyId: ids.length ? ids[step.pick % ids.length] : 'no-such-key' }
}

const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
  { weight: 10, arbitrary: commandArbitrary },
  { weight: 1, arbitrary: kmsAdminArbitrary },
  { weight: 1, arbitrary: nkpRoundTripArbitrary }
)

/** Every key material that ever existed in the lab: on a KMS, in a key cache, in vCenter in flight, and every DEK. */
function allKeys(lab: Lab): Uint8Array[] {
  const keys = new Map<string, Uint8Array>()
  const keks: Uint8Array[] = []
  const bundles: string[] = []
  const seen = (value: unknown) => {
    const v = value as (Entity | { kind: 'vmx' | 'vmdk'; text?: string }) & { material?: Uint8Array; uid?: string }
    if (!v || typeof v !== 'object') return
    if (typeof v.uid === 'string' && v.material instanceof Uint8Array) {
      keys.set(toHex(v.material), v.material)
      keks.push(v.material)
    }
    if (v.kind === 'host') {
      for (const k of Object.values(v.memory.keyCache)) keys.set(toHex(k.material), k.material)
      // vm-support bundles: the incident key, opened with the password the random commands use
      for (const [name, file] of Object.entries(v.persisted.varCore))
        if (name.endsWith(INCIDENT_KEY_FILE)) {
          const { key } = openIncidentKey(file, SUPPORT_PASSWORD)
          keys.set(toHex(key), key)
        }
    }
    if (v.kind === 'host') for (const k of Object.values(v.memory.kdks ?? {})) keys.set(toHex(k.material), k.material)
    if (v.kind === 'vcenter') {
      for (const k of v.memory.keysInFlight) keys.set(toHex(k.material), k.material)
      for (const kdk of Object.values(v.persisted.protectedStore?.kdks ?? {})) keys.set(toHex(kdk), kdk)
    }
    // the key safes: the .vmx bundle (VM home key) and each descriptor's encryptionKeys (that disk's DEK)
    const locator = v.kind === 'vmx' && v.text ? parseVmx(v.text)['encryption.bundle'] : v.kind === 'vmdk' && v.text ? readEncryptionKeys(v.text) : null
    if (locator) bundles.push(locator)
  }
  for (const e of lab.entitiesAt(0).assembled().values()) seen(e)
  for (const entry of lab.entries) for (const c of entry.changes) seen(c.after)
  for (const bundle of bundles) {
    const { lockedData } = parseBundle(bundle)
    for (const kek of keks) {
      try {
        const dek = unwrapDek(kek, lockedData)
        keys.set(toHex(dek), dek)
      } catch {
        // not this KEK
      }
    }
  }
  return [...keys.values()]
}

/** The persisted surfaces outside the KMS, as bytes and as text. */
function persistedSurfaces(entities: Iterable<Entity | Component>): { bytes: Uint8Array[]; text: string } {
  const bytes: Uint8Array[] = []
  const texts: string[] = []
  const visit = (v: unknown): void => {
    if (v instanceof Uint8Array) bytes.push(v)
    else if (typeof v === 'string') texts.push(v)
    else if (v && typeof v === 'object') for (const x of Object.values(v)) visit(x)
  }
  for (const e of entities) {
    // vCenter's protected store is where a KDK is kept (docs/vsphere-facts.md#nkp-kdk-storage): every other surface counts
    if (e.kind === 'vcenter') visit({ ...e.persisted, protectedStore: null })
    else if (e.kind === 'host' || e.kind === 'datastore') visit(e.persisted)
  }
  return { bytes, text: texts.join('\n') }
}

function leaks(lab: Lab): string[] {
  const keys = allKeys(lab)
  const found: string[] = []
  const check = (entities: Iterable<Entity | Component>, when: string) => {
    const { bytes, text } = persistedSurfaces(entities)
    for (const key of keys) {
      const forms = [key, utf8(toHex(key)), utf8(toBase64(key))]
      if (bytes.some((b) => forms.some((f) => indexOfBytes(b, f) !== -1))) found.push(`${when}: key ${toHex(key).slice(0, 16)}… in a file`)
      if (text.includes(toHex(key)) || text.includes(toBase64(key))) found.push(`${when}: key ${toHex(key).slice(0, 16)}… as text`)
    }
  }
  for (const c of lab.commands) check(lab.entitiesAt(c.lastSeq).assembled().values(), `after command ${c.index} (${c.command.op})`)
  return found
}

async function reportJson(lab: Lab): Promise<string> {
  const out = new PassThrough()
  const chunks: Buffer[] = []
  out.on('data', (c: Buffer) => chunks.push(c))
  await writeJson(out, labReport(lab))
  return Buffer.concat(chunks).toString('utf8')
}

describe('properties of random command sequences', () => {
  it(`no KEK, host key or DEK is ever in clear on a persisted surface outside the KMS (${RUNS} runs)`, async () => {
    let accepted = 0
    let refused = 0
    let restored = 0
    await fc.assert(
      fc.asyncProperty(fc.nat(1_000_000), fc.array(stepArbitrary, { minLength: 4, maxLength: 24 }), async (seed, steps) => {
        const lab = await prefixLab(seed)
        for (const step of steps.flatMap(expand)) {
          const command = resolve(lab, step)
          const out = await lab.run(command)
          if (out.fault) refused++
          else accepted++
          if (!out.fault && command.op === 'provider.restore') restored++
        }
        expect(leaks(lab)).toEqual([])
      }),
      { numRuns: RUNS, seed: SEED }
    )
    // the sequences must really exercise the lab, not only be refused
    expect(accepted).toBeGreaterThan(RUNS * 2)
    expect(refused).toBeGreaterThan(0)
    // a provider restored from its backup is among them (its KDK is back on the hosts and in vCenter)
    if (RUNS >= 100) expect(restored).toBeGreaterThan(0)
  }, 600_000)

  it('the leak check finds a key that is written down in clear (it can fail)', async () => {
    const lab = await prefixLab(9)
    await lab.run({ op: 'vm.encrypt', name: 'vm1' })
    const keyId = (lab.get('vm:vm1') as { keyId: string }).keyId
    const kek = (lab.component('kms:kms-1') as { persisted: { keys: Record<string, { material: Uint8Array }> } }).persisted.keys[keyId].material
    await lab.run({ op: 'vm.create', name: 'vm2', host: 'esx-01', guestData: toHex(kek), diskMiB: 1 / 64 })
    expect(leaks(lab).length).toBeGreaterThan(0)
    const lab2 = await prefixLab(9)
    await lab2.run({ op: 'vm.encrypt', name: 'vm1' })
    await lab2.run({ op: 'vm.create', name: 'vm2', host: 'esx-01', guestData: 'x', diskMiB: 1 / 64 })
    expect(leaks(lab2)).toEqual([])
  })

  it('the leak check finds a KDK written down in clear, and accepts it in vCenter’s protected store', async () => {
    const lab = await prefixLab(9)
    await lab.run({ op: 'provider.add', name: 'nkp', type: 'native' })
    expect(leaks(lab)).toEqual([])
    const kdk = (lab.component('vcenter') as { persisted: { protectedStore: { kdks: Record<string, Uint8Array> } } }).persisted.protectedStore.kdks.nkp
    await lab.run({ op: 'vm.create', name: 'vm2', host: 'esx-01', guestData: toHex(kdk), diskMiB: 1 / 64 })
    expect(leaks(lab).length).toBeGreaterThan(0)
  })

  it(`two runs of the same script with the same seed print byte-identical JSON (${Math.ceil(RUNS / 5)} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(1_000_000), fc.array(stepArbitrary, { minLength: 1, maxLength: 16 }), async (seed, steps) => {
        const runOnce = async () => {
          const lab = await prefixLab(seed)
          for (const step of steps.flatMap(expand)) await lab.run(resolve(lab, step))
          return reportJson(lab)
        }
        const [a, b] = [await runOnce(), await runOnce()]
        expect(a.length).toBeGreaterThan(1000)
        expect(a === b).toBe(true)
      }),
      { numRuns: Math.ceil(RUNS / 5), seed: SEED }
    )
  }, 600_000)

  it('different seeds give different keys (the seed really drives the bytes)', async () => {
    const [a, b] = [await prefixLab(1), await prefixLab(2)]
    await a.run({ op: 'vm.encrypt', name: 'vm1' })
    await b.run({ op: 'vm.encrypt', name: 'vm1' })
    expect((a.get('vm:vm1') as { keyId: string }).keyId).not.toBe((b.get('vm:vm1') as { keyId: string }).keyId)
    expect(await reportJson(a)).not.toBe(await reportJson(b))
  })
})

describe('leaks found by the random sequences, kept as examples', () => {
  it('a host whose revoked host key vCenter cannot bring back writes no core dump in clear, though it holds a KEK', async () => {
    const lab = await prefixLab(5)
    await lab.run({ op: 'vm.encrypt', name: 'vm1' })
    const hostKeyId = (lab.component('host:esx-02') as { persisted: { config: { hostKeyId: string } } }).persisted.config.hostKeyId
    expect((await lab.run({ op: 'kms.revokeKey', keyId: hostKeyId })).fault).toBeNull()
    await lab.run({ op: 'host.crash', name: 'esx-02' })
    const host = lab.component('host:esx-02') as { cryptoState: string; memory: { keyCache: Record<string, unknown> } }
    // the situation the random sequence found: prepared (no host key), a cluster KEK in memory
    expect(host.cryptoState).toBe('prepared')
    expect(Object.keys(host.memory.keyCache).length).toBeGreaterThan(0)
    const out = await lab.run({ op: 'host.crash', name: 'esx-02' })
    expect(out.fault).toBeNull()
    expect(leaks(lab)).toEqual([])
  })
})
