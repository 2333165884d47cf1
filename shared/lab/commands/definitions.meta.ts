// What the window needs to know about every command, as plain data: its name in the menus (EN/DE), its menu group,
// the component whose context menu offers it, its form fields, and the prerequisites a person can act on. This
// module imports nothing that runs but the model's plain lists (no zod, no handlers), so the window's bundle can carry it; the command's rules
// and steps live in its definition under `defs/`, and `definitions.ts` makes the compiler refuse a command that is
// in one list and not the other. Adding a command: add its entry here, next to its group.

import { migrateEncryptionModes, providerTypes, trustModes } from '../entities/lists'

/**
 * The choices a form offers for a field the model has are the model's own lists (../entities/lists.ts): the trust
 * modes of `provider.trust` (vSphere's four ways to make vCenter and the KMS trust each other), the provider types
 * (standard: KMIP key servers; native: vSphere Native Key Provider, no KMS), the vMotion encryption settings.
 */
export { migrateEncryptionModes, providerTypes, trustModes }
/** A clone keeps the parent's keys, or is encrypted, decrypted or recrypted (a new KEK) on the way. */
export const cloneEncryptions = ['keep', 'encrypt', 'decrypt', 'recrypt'] as const

export type ActionGroup = 'kms' | 'vcenter' | 'host' | 'vm' | 'lab'
export const actionGroups: readonly ActionGroup[] = ['kms', 'vcenter', 'host', 'vm', 'lab']

/** Choices offered as a list, each value with its label `choice.<value>` (the core's own lists; a test keeps them equal). */
export const CHOICES = {
  role: ['administrator', 'noCryptoAdmin'],
  migrateEncryption: migrateEncryptionModes,
  cloneEncryption: cloneEncryptions,
  vtpmClone: ['copy', 'replace'],
  providerType: providerTypes
} as const
export type ChoiceKind = keyof typeof CHOICES

/** What a form field holds; select fields offer the lab's components of that kind. */
export type FieldKind =
  | 'name'
  | 'text'
  | 'kms'
  | 'provider'
  | 'host'
  | 'vm'
  | 'cluster'
  | 'key'
  | 'trustMode'
  | ChoiceKind
  /** Disk indexes, typed as "0, 1". */
  | 'disks'
  | 'boolean'
  | 'number'
  | 'args'
  /** A file the person picks; the form sends its bytes as base64. */
  | 'file'
  /** One of the esxcli commands the lab's hosts answer (sent as its words). */
  | 'esxcli'

/** The arguments the forms ask for; each is labelled `field.<name>` in the window's strings (checked by the compiler). */
export type FieldName =
  | 'args'
  | 'cluster'
  | 'days'
  | 'deep'
  | 'diskMiB'
  | 'disks'
  | 'enabled'
  | 'encrypt'
  | 'encryption'
  | 'file'
  | 'guestData'
  | 'home'
  | 'host'
  | 'keyId'
  | 'migrateEncryption'
  | 'mode'
  | 'name'
  | 'newName'
  | 'password'
  | 'provider'
  | 'role'
  | 'tpm'
  | 'tpmRequired'
  | 'type'
  | 'user'
  | 'vtpm'

export interface FieldSpec {
  name: FieldName
  kind: FieldKind
  optional?: boolean
}

/**
 * Something the lab must have before a command makes sense, said to a person as what to do about it ("Add a host
 * first", `needs.*` in the window's strings). Checked against the live lab before the core is asked.
 */
export type Prerequisite = 'kms' | 'key' | 'provider' | 'host' | 'vm' | 'secondHost' | 'hostInMaintenance'

export interface CommandMeta {
  label: { en: string; de: string }
  group: ActionGroup
  /** The component kind whose context menu offers it, with the field that names that component ('' for vCenter). */
  target?: { kind: 'kms' | 'vcenter' | 'host' | 'vm'; field: string }
  fields: readonly FieldSpec[]
  /** What must exist first, in the order a person would add it. */
  needs: readonly Prerequisite[]
}

const f = (name: FieldName, kind: FieldKind, optional = false): FieldSpec => ({ name, kind, optional })

export const commandMeta = {
  'kms.add': {
    label: { en: 'Add KMS server', de: 'KMS-Server hinzufügen' },
    group: 'kms',
    fields: [f('name', 'name'), f('provider', 'provider')],
    needs: []
  },
  'kms.stop': {
    label: { en: 'Stop KMS', de: 'KMS stoppen' },
    group: 'kms',
    target: { kind: 'kms', field: 'name' },
    fields: [f('name', 'kms')],
    needs: ['kms']
  },
  'kms.start': {
    label: { en: 'Start KMS', de: 'KMS starten' },
    group: 'kms',
    target: { kind: 'kms', field: 'name' },
    fields: [f('name', 'kms')],
    needs: ['kms']
  },
  'kms.revokeKey': {
    label: { en: 'Revoke a key', de: 'Schlüssel widerrufen' },
    group: 'kms',
    target: { kind: 'kms', field: 'keyId' },
    fields: [f('keyId', 'key')],
    needs: ['key']
  },
  'kms.destroyKey': {
    label: { en: 'Destroy a key', de: 'Schlüssel vernichten' },
    group: 'kms',
    target: { kind: 'kms', field: 'keyId' },
    fields: [f('keyId', 'key')],
    needs: ['key']
  },
  'kms.activateKey': {
    label: { en: 'Activate a key', de: 'Schlüssel aktivieren' },
    group: 'kms',
    target: { kind: 'kms', field: 'keyId' },
    fields: [f('keyId', 'key')],
    needs: ['key']
  },
  'kms.remove': {
    label: { en: 'Remove KMS server', de: 'KMS-Server entfernen' },
    group: 'kms',
    target: { kind: 'kms', field: 'name' },
    fields: [f('name', 'kms')],
    needs: ['kms']
  },
  'provider.add': {
    label: { en: 'Add key provider', de: 'Schlüsselanbieter hinzufügen' },
    group: 'vcenter',
    target: { kind: 'vcenter', field: '' },
    fields: [f('name', 'name'), f('type', 'providerType', true), f('tpmRequired', 'boolean', true)],
    needs: []
  },
  'provider.trust': {
    label: { en: 'Establish trust', de: 'Vertrauen herstellen' },
    group: 'vcenter',
    target: { kind: 'vcenter', field: '' },
    fields: [f('provider', 'provider'), f('mode', 'trustMode')],
    needs: ['provider']
  },
  'provider.setDefault': {
    label: { en: 'Make default provider', de: 'Als Standardanbieter festlegen' },
    group: 'vcenter',
    target: { kind: 'vcenter', field: '' },
    fields: [f('name', 'provider')],
    needs: ['provider']
  },
  'provider.remove': {
    label: { en: 'Remove key provider', de: 'Schlüsselanbieter entfernen' },
    group: 'vcenter',
    target: { kind: 'vcenter', field: '' },
    fields: [f('name', 'provider')],
    needs: ['provider']
  },
  'provider.backup': {
    label: { en: 'Back up key provider', de: 'Schlüsselanbieter sichern' },
    group: 'vcenter',
    target: { kind: 'vcenter', field: '' },
    fields: [f('provider', 'provider'), f('password', 'text', true)],
    needs: ['provider']
  },
  'provider.restore': {
    label: { en: 'Restore key provider from backup', de: 'Schlüsselanbieter aus Sicherung wiederherstellen' },
    group: 'vcenter',
    target: { kind: 'vcenter', field: '' },
    fields: [f('file', 'file'), f('password', 'text', true), f('tpmRequired', 'boolean', true)],
    needs: []
  },
  'vcenter.stop': {
    label: { en: 'Stop vCenter', de: 'vCenter stoppen' },
    group: 'vcenter',
    target: { kind: 'vcenter', field: '' },
    fields: [],
    needs: []
  },
  'vcenter.start': {
    label: { en: 'Start vCenter', de: 'vCenter starten' },
    group: 'vcenter',
    target: { kind: 'vcenter', field: '' },
    fields: [],
    needs: []
  },
  'vcenter.actAs': {
    label: { en: 'Act as user', de: 'Als Benutzer handeln' },
    group: 'vcenter',
    target: { kind: 'vcenter', field: '' },
    fields: [f('role', 'role'), f('user', 'text', true)],
    needs: []
  },
  'host.add': {
    label: { en: 'Add host', de: 'Host hinzufügen' },
    group: 'host',
    fields: [f('name', 'name'), f('cluster', 'cluster'), f('tpm', 'boolean')],
    needs: []
  },
  'host.reboot': {
    label: { en: 'Reboot host', de: 'Host neu starten' },
    group: 'host',
    target: { kind: 'host', field: 'name' },
    fields: [f('name', 'host')],
    needs: ['host']
  },
  'host.crash': {
    label: { en: 'Crash host (purple screen)', de: 'Host abstürzen lassen (PSOD)' },
    group: 'host',
    target: { kind: 'host', field: 'name' },
    fields: [f('name', 'host')],
    needs: ['host']
  },
  'host.cryptoUtil': {
    label: { en: 'Run crypto-util', de: 'crypto-util ausführen' },
    group: 'host',
    target: { kind: 'host', field: 'name' },
    fields: [f('name', 'host'), f('args', 'args')],
    needs: ['host']
  },
  'host.esxcli': {
    label: { en: 'Run esxcli', de: 'esxcli ausführen' },
    group: 'host',
    target: { kind: 'host', field: 'name' },
    fields: [f('name', 'host'), f('args', 'esxcli')],
    needs: ['host']
  },
  'host.keyPersistence': {
    label: { en: 'Key persistence (TPM)', de: 'Schlüsselpersistenz (TPM)' },
    group: 'host',
    target: { kind: 'host', field: 'name' },
    fields: [f('name', 'host'), f('enabled', 'boolean')],
    needs: ['host']
  },
  'host.encryptionMode': {
    label: { en: 'Host Encryption Mode', de: 'Host-Verschlüsselungsmodus' },
    group: 'host',
    target: { kind: 'host', field: 'name' },
    fields: [f('name', 'host'), f('enabled', 'boolean')],
    needs: ['host']
  },
  'host.rekey': {
    label: { en: 'Change host key', de: 'Host-Schlüssel wechseln' },
    group: 'host',
    target: { kind: 'host', field: 'name' },
    fields: [f('name', 'host')],
    needs: ['host']
  },
  'host.vmSupport': {
    label: { en: 'vm-support with password', de: 'vm-support mit Kennwort' },
    group: 'host',
    target: { kind: 'host', field: 'name' },
    fields: [f('name', 'host'), f('password', 'text')],
    needs: ['host']
  },
  'host.enterMaintenanceMode': {
    label: { en: 'Enter maintenance mode', de: 'In den Wartungsmodus wechseln' },
    group: 'host',
    target: { kind: 'host', field: 'name' },
    fields: [f('name', 'host')],
    needs: ['host']
  },
  'host.exitMaintenanceMode': {
    label: { en: 'Exit maintenance mode', de: 'Wartungsmodus beenden' },
    group: 'host',
    target: { kind: 'host', field: 'name' },
    fields: [f('name', 'host')],
    needs: ['hostInMaintenance']
  },
  'host.remove': {
    label: { en: 'Remove host from vCenter', de: 'Host aus vCenter entfernen' },
    group: 'host',
    target: { kind: 'host', field: 'name' },
    fields: [f('name', 'host')],
    needs: ['host', 'hostInMaintenance']
  },
  'vm.create': {
    label: { en: 'Create VM', de: 'VM anlegen' },
    group: 'vm',
    target: { kind: 'host', field: 'host' },
    fields: [f('name', 'name'), f('host', 'host'), f('diskMiB', 'number', true), f('guestData', 'text', true), f('encrypt', 'boolean', true)],
    needs: ['host']
  },
  'vm.addDisk': {
    label: { en: 'Add disk', de: 'Platte hinzufügen' },
    group: 'vm',
    target: { kind: 'vm', field: 'name' },
    fields: [f('name', 'vm'), f('diskMiB', 'number', true), f('encrypt', 'boolean', true)],
    needs: ['vm']
  },
  'vm.encrypt': {
    label: { en: 'Encrypt VM', de: 'VM verschlüsseln' },
    group: 'vm',
    target: { kind: 'vm', field: 'name' },
    fields: [f('name', 'vm'), f('disks', 'disks', true)],
    needs: ['vm']
  },
  'vm.decrypt': {
    label: { en: 'Decrypt VM', de: 'VM entschlüsseln' },
    group: 'vm',
    target: { kind: 'vm', field: 'name' },
    fields: [f('name', 'vm'), f('disks', 'disks', true), f('home', 'boolean', true)],
    needs: ['vm']
  },
  'vm.addVtpm': {
    label: { en: 'Add vTPM', de: 'vTPM hinzufügen' },
    group: 'vm',
    target: { kind: 'vm', field: 'name' },
    fields: [f('name', 'vm')],
    needs: ['vm']
  },
  'vm.removeVtpm': {
    label: { en: 'Remove vTPM', de: 'vTPM entfernen' },
    group: 'vm',
    target: { kind: 'vm', field: 'name' },
    fields: [f('name', 'vm')],
    needs: ['vm']
  },
  'vm.setMigrateEncryption': {
    label: { en: 'Set encrypted vMotion', de: 'Verschlüsseltes vMotion einstellen' },
    group: 'vm',
    target: { kind: 'vm', field: 'name' },
    fields: [f('name', 'vm'), f('migrateEncryption', 'migrateEncryption')],
    needs: ['vm']
  },
  'vm.powerOn': {
    label: { en: 'Power on', de: 'Einschalten' },
    group: 'vm',
    target: { kind: 'vm', field: 'name' },
    fields: [f('name', 'vm')],
    needs: ['vm']
  },
  'vm.powerOff': {
    label: { en: 'Power off', de: 'Ausschalten' },
    group: 'vm',
    target: { kind: 'vm', field: 'name' },
    fields: [f('name', 'vm')],
    needs: ['vm']
  },
  'vm.rekey': {
    label: { en: 'Rekey VM', de: 'VM neu verschlüsseln' },
    group: 'vm',
    target: { kind: 'vm', field: 'name' },
    fields: [f('name', 'vm'), f('deep', 'boolean', true)],
    needs: ['vm']
  },
  'vm.migrate': {
    label: { en: 'Migrate (vMotion)', de: 'Migrieren (vMotion)' },
    group: 'vm',
    target: { kind: 'vm', field: 'name' },
    fields: [f('name', 'vm'), f('host', 'host')],
    needs: ['vm', 'secondHost']
  },
  'vm.clone': {
    label: { en: 'Clone VM', de: 'VM klonen' },
    group: 'vm',
    target: { kind: 'vm', field: 'name' },
    fields: [f('name', 'vm'), f('newName', 'name'), f('encryption', 'cloneEncryption', true), f('vtpm', 'vtpmClone', true)],
    needs: ['vm']
  },
  'vm.snapshot': {
    label: { en: 'Take snapshot', de: 'Snapshot erstellen' },
    group: 'vm',
    target: { kind: 'vm', field: 'name' },
    fields: [f('name', 'vm')],
    needs: ['vm']
  },
  'vm.deleteSnapshots': {
    label: { en: 'Delete snapshots', de: 'Snapshots löschen' },
    group: 'vm',
    target: { kind: 'vm', field: 'name' },
    fields: [f('name', 'vm')],
    needs: ['vm']
  },
  'vm.unlock': {
    label: { en: 'Unlock VM', de: 'VM entsperren' },
    group: 'vm',
    target: { kind: 'vm', field: 'name' },
    fields: [f('name', 'vm')],
    needs: ['vm']
  },
  'vm.remove': {
    label: { en: 'Delete VM from disk', de: 'VM von der Festplatte löschen' },
    group: 'vm',
    target: { kind: 'vm', field: 'name' },
    fields: [f('name', 'vm')],
    needs: ['vm']
  },
  'lab.advanceClock': {
    label: { en: 'Advance the lab clock', de: 'Laboruhr vorstellen' },
    group: 'lab',
    fields: [f('days', 'number')],
    needs: []
  }
} as const satisfies Record<string, CommandMeta>

export type CommandOp = keyof typeof commandMeta

export const commandOps = Object.keys(commandMeta) as CommandOp[]
