// Random lab commands over a small world of names, so sequences collide often (same VM encrypted twice, a host
// rebooted while its KMS is down, ...). Many of them are refused: that is part of what is tested.

import fc from 'fast-check'
import type { LabCommand } from '../../shared/lab/commands/schema'
import { trustModes } from '../../shared/lab/commands/schema'

const hosts = ['esx-01', 'esx-02', 'esx-03']
const vms = ['vm1', 'vm2', 'vm3']
const kmsNames = ['kms-1', 'kms-2']

const host = fc.constantFrom(...hosts)
const vm = fc.constantFrom(...vms)
const kms = fc.constantFrom(...kmsNames)
const DISK = 1 / 64
/** The password every random vm-support run uses, so the leak check can open the incident key files. */
export const SUPPORT_PASSWORD = 'support-pass-2026'
const diskList = fc.constantFrom<number[]>([], [0], [1], [0, 1])

/** The first steps of every run: a trusted provider with one KMS, three hosts in two clusters. */
export const prefix: LabCommand[] = [
  { op: 'kms.add', name: 'kms-1', provider: 'kp' },
  { op: 'provider.add', name: 'kp' },
  { op: 'provider.trust', provider: 'kp', mode: 'vcenter-cert' },
  { op: 'host.add', name: 'esx-01', cluster: 'c1' },
  { op: 'host.add', name: 'esx-02', cluster: 'c1' },
  { op: 'host.add', name: 'esx-03', cluster: 'c2' },
  { op: 'vm.create', name: 'vm1', host: 'esx-01', diskMiB: DISK, guestData: 'vm1 guest secret' }
]

export const commandArbitrary = fc.oneof(
  fc.record({ op: fc.constant('vm.create' as const), name: vm, host, diskMiB: fc.constant(DISK), guestData: fc.constant('guest data') }),
  fc.record({ op: fc.constant('vm.create' as const), name: vm, host, diskMiB: fc.constant(DISK), guestData: fc.constant('born encrypted'), encrypt: fc.constant(true) }),
  fc.record({ op: fc.constant('vm.addDisk' as const), name: vm, diskMiB: fc.constant(DISK), encrypt: fc.boolean() }),
  fc.record({ op: fc.constant('vm.encrypt' as const), name: vm }),
  fc.record({ op: fc.constant('vm.encrypt' as const), name: vm, disks: diskList }, { requiredKeys: ['op', 'name'] }),
  fc.record({ op: fc.constant('vm.decrypt' as const), name: vm }),
  fc.record({ op: fc.constant('vm.decrypt' as const), name: vm, disks: diskList, home: fc.boolean() }, { requiredKeys: ['op', 'name'] }),
  fc.record({ op: fc.constant('vm.addVtpm' as const), name: vm }),
  fc.record({ op: fc.constant('vm.removeVtpm' as const), name: vm }),
  fc.record({ op: fc.constant('vm.setMigrateEncryption' as const), name: vm, migrateEncryption: fc.constantFrom('disabled' as const, 'opportunistic' as const, 'required' as const) }),
  fc.record({ op: fc.constant('vcenter.actAs' as const), role: fc.constantFrom('administrator' as const, 'noCryptoAdmin' as const) }),
  fc.record({ op: fc.constant('vm.powerOn' as const), name: vm }),
  fc.record({ op: fc.constant('vm.powerOff' as const), name: vm }),
  fc.record({ op: fc.constant('vm.rekey' as const), name: vm, deep: fc.boolean() }),
  fc.record({ op: fc.constant('vm.migrate' as const), name: vm, host }),
  fc.record({ op: fc.constant('vm.clone' as const), name: vm, newName: vm }),
  fc.record({
    op: fc.constant('vm.clone' as const),
    name: vm,
    newName: vm,
    encryption: fc.constantFrom('keep' as const, 'encrypt' as const, 'decrypt' as const, 'recrypt' as const),
    vtpm: fc.constantFrom('copy' as const, 'replace' as const)
  }),
  fc.record({ op: fc.constant('vm.snapshot' as const), name: vm }),
  fc.record({ op: fc.constant('vm.deleteSnapshots' as const), name: vm }),
  fc.record({ op: fc.constant('vm.unlock' as const), name: vm }),
  fc.record({ op: fc.constant('host.reboot' as const), name: host }),
  fc.record({ op: fc.constant('host.crash' as const), name: host }),
  fc.record({ op: fc.constant('host.rekey' as const), name: host }),
  fc.record({ op: fc.constant('host.keyPersistence' as const), name: host, enabled: fc.boolean() }),
  fc.record({ op: fc.constant('host.encryptionMode' as const), name: host, enabled: fc.boolean() }),
  fc.record({
    op: fc.constant('host.cryptoUtil' as const),
    name: host,
    args: fc.constantFrom(
      ['envelope', 'extract', '--offset', '4096', '/var/core/vmkernel-zdump.1'],
      ['envelope', 'describe', '--offset', '4096', '/var/core/vmkernel-zdump.2'],
      [
        'envelope', 'extract', '--offset', '4096',
        '--keyfile', '/var/core/vm-support-esx-01-1/vm-support-incident-key-file', '--password', SUPPORT_PASSWORD,
        '/var/core/vm-support-esx-01-1/vmkernel-zdump.1'
      ]
    )
  }),
  fc.record({ op: fc.constant('host.vmSupport' as const), name: host, password: fc.constant(SUPPORT_PASSWORD) }),
  fc.record({
    op: fc.constant('host.esxcli' as const),
    name: host,
    args: fc.constantFrom(
      ['system', 'settings', 'encryption', 'get'],
      ['system', 'settings', 'encryption', 'set', '--require-secure-boot=T'],
      ['system', 'security', 'keypersistence', 'enable'],
      ['system', 'security', 'keypersistence', 'disable', '--remove-all-stored-keys']
    )
  }),
  fc.record({ op: fc.constant('kms.add' as const), name: kms, provider: fc.constant('kp') }),
  fc.record({ op: fc.constant('kms.stop' as const), name: kms }),
  fc.record({ op: fc.constant('kms.start' as const), name: kms }),
  fc.record({ op: fc.constant('vcenter.stop' as const) }),
  fc.record({ op: fc.constant('vcenter.start' as const) }),
  fc.record({ op: fc.constant('provider.trust' as const), provider: fc.constant('kp'), mode: fc.constantFrom(...trustModes) }),
  fc.record({ op: fc.constant('lab.advanceClock' as const), days: fc.constantFrom(1, 30, 400) }),
  // the Native Key Provider: added (maybe TPM-only), backed up, made the default, a host without a TPM
  fc.record({ op: fc.constant('provider.add' as const), name: fc.constant('nkp'), type: fc.constant('native' as const), tpmRequired: fc.boolean() }),
  fc.record({ op: fc.constant('provider.backup' as const), provider: fc.constantFrom('nkp', 'kp'), password: fc.constantFrom('nkp-backup-2026', '') }),
  fc.record({ op: fc.constant('provider.setDefault' as const), name: fc.constantFrom('nkp', 'kp') }),
  fc.record({ op: fc.constant('provider.remove' as const), name: fc.constant('nkp') }),
  fc.record({ op: fc.constant('host.add' as const), name: fc.constant('esx-04'), cluster: fc.constantFrom('c1', 'c2'), tpm: fc.constant(false) })
) as fc.Arbitrary<LabCommand>

/**
 * The Native Key Provider's round trip, as one step of four commands: added, backed up, removed, restored from the
 * last backup file of the run (each may be refused by what came before, e.g. a provider still in use). Random
 * single commands seldom line these up, so the round trip is offered whole.
 */
export const nkpRoundTripArbitrary = fc.record({
  roundTrip: fc.constant('nkp' as const),
  password: fc.constantFrom('nkp-backup-2026', ''),
  restorePassword: fc.constantFrom('same' as const, 'wrong-password')
})

/** Key-state commands need a key ID that exists: they pick the n-th key the KMS holds at that moment. */
export const kmsAdminArbitrary = fc.record({ op: fc.constantFrom('kms.revokeKey' as const, 'kms.destroyKey' as const, 'kms.activateKey' as const), pick: fc.nat(8) })
