// The lab's built-in lessons (product §5), each a lab script. `refusedSteps` are the steps the lesson expects the
// lab to refuse — the refusal is the point of the step.

import type { LabScript } from '../lab/commands/schema'
import attackersView from './attackers-view.json'
import certificateExpiry from './certificate-expiry.json'
import crashCoreDump from './crash-core-dump.json'
import encryptedVmotion from './encrypted-vmotion.json'
import firstEncryptedVm from './first-encrypted-vm.json'
import hostReboot from './host-reboot.json'
import kmsOutage from './kms-outage.json'
import shallowVsDeepRekey from './shallow-vs-deep-rekey.json'
import perDiskEncryption from './per-disk-encryption.json'
import vtpm from './vtpm.json'
import vmotionSettings from './vmotion-settings.json'
import cryptoRoles from './crypto-roles.json'
import supportBundle from './support-bundle.json'
import standardVsNative from './standard-vs-native.json'

export interface Scenario {
  id: string
  title: { en: string; de: string }
  lesson: { en: string; de: string }
  script: LabScript
  refusedSteps: number[]
}

export const scenarios: Scenario[] = [
  {
    id: 'first-encrypted-vm',
    title: { en: 'Your first encrypted VM', de: 'Ihre erste verschlüsselte VM' },
    lesson: {
      en: 'A KMS, a key provider with trust both ways, two hosts: encrypting a VM makes the hosts crypto safe, brings a KEK from the KMS through vCenter, and rewrites the disk with a DEK made on the host.',
      de: 'Ein KMS, ein Schlüsselanbieter mit Vertrauen in beide Richtungen, zwei Hosts: Das Verschlüsseln einer VM macht die Hosts krypto-sicher, holt einen KEK über vCenter vom KMS und schreibt die Platte mit einem auf dem Host erzeugten DEK neu.'
    },
    script: firstEncryptedVm as LabScript,
    refusedSteps: []
  },
  {
    id: 'host-reboot',
    title: { en: 'Host reboot: where do the keys come from?', de: 'Host-Neustart: Woher kommen die Schlüssel?' },
    lesson: {
      en: 'A reboot empties the key cache. Nothing on the host’s disk can bring the keys back: vCenter asks the KMS again for each key ID it knows and pushes the keys.',
      de: 'Ein Neustart leert den Schlüssel-Cache. Nichts auf der Platte des Hosts bringt die Schlüssel zurück: vCenter fragt den KMS erneut nach jeder Schlüssel-ID und verteilt die Schlüssel.'
    },
    script: hostReboot as LabScript,
    refusedSteps: []
  },
  {
    id: 'kms-outage',
    title: { en: 'KMS outage and locked VMs', de: 'KMS-Ausfall und gesperrte VMs' },
    lesson: {
      en: 'Losing the KMS locks nothing — until a host reboots and needs its keys again. Then its encrypted VMs are locked until the KMS is back and the VM is unlocked.',
      de: 'Der Verlust des KMS sperrt nichts — bis ein Host neu startet und seine Schlüssel wieder braucht. Dann sind seine verschlüsselten VMs gesperrt, bis der KMS zurück ist und die VM entsperrt wird.'
    },
    script: kmsOutage as LabScript,
    refusedSteps: [10]
  },
  {
    id: 'crash-core-dump',
    title: { en: 'Crash: the encrypted core dump and crypto-util', de: 'Absturz: der verschlüsselte Core-Dump und crypto-util' },
    lesson: {
      en: 'A crypto-safe host encrypts its core dump with a one-time key wrapped by the host key. crypto-util opens it with the host key from the cache — and finds the VM keys inside, which is why dumps must be encrypted.',
      de: 'Ein krypto-sicherer Host verschlüsselt seinen Core-Dump mit einem Einmalschlüssel, den der Host-Schlüssel umhüllt. crypto-util öffnet ihn mit dem Host-Schlüssel aus dem Cache — und findet darin die VM-Schlüssel; deshalb müssen Dumps verschlüsselt sein.'
    },
    script: crashCoreDump as LabScript,
    refusedSteps: []
  },
  {
    id: 'encrypted-vmotion',
    title: { en: 'Encrypted vMotion', de: 'Verschlüsseltes vMotion' },
    lesson: {
      en: 'For each migration vCenter makes a one-time key and nonce — not from the KMS — and gives them to both hosts; the VM’s memory travels encrypted with it.',
      de: 'Für jede Migration erzeugt vCenter einen Einmalschlüssel und eine Nonce — nicht vom KMS — und gibt sie beiden Hosts; der Speicher der VM reist damit verschlüsselt.'
    },
    script: encryptedVmotion as LabScript,
    refusedSteps: []
  },
  {
    id: 'shallow-vs-deep-rekey',
    title: { en: 'Shallow vs deep rekey', de: 'Flache und tiefe Neuverschlüsselung' },
    lesson: {
      en: 'A shallow rekey replaces the KEK and re-wraps the same DEK: the disk is untouched. A deep rekey also replaces the DEK and rewrites every sector.',
      de: 'Eine flache Neuverschlüsselung ersetzt den KEK und umhüllt denselben DEK neu: Die Platte bleibt unberührt. Eine tiefe ersetzt auch den DEK und schreibt jeden Sektor neu.'
    },
    script: shallowVsDeepRekey as LabScript,
    refusedSteps: []
  },
  {
    id: 'attackers-view',
    title: { en: 'The attacker’s view', de: 'Die Sicht des Angreifers' },
    lesson: {
      en: 'Two hosts crash: the crypto-safe one leaves an envelope nobody can read without the host key; the incapable one leaves its memory — and the guest’s secret — in clear. The datastore holds only wrapped keys; vCenter’s database only key IDs — yet vCenter’s certificate store holds the credentials that let it fetch every KEK from the KMS; a stolen host boots with an empty key cache.',
      de: 'Zwei Hosts stürzen ab: Der krypto-sichere hinterlässt einen Umschlag, den ohne Host-Schlüssel niemand lesen kann; der andere seinen Speicher — samt Geheimnis des Gasts — im Klartext. Der Datenspeicher enthält nur umhüllte Schlüssel, vCenters Datenbank nur Schlüssel-IDs — doch vCenters Zertifikatsspeicher hält die Zugangsdaten, mit denen es jeden KEK vom KMS abrufen kann; ein gestohlener Host startet mit leerem Schlüssel-Cache.'
    },
    script: attackersView as LabScript,
    refusedSteps: []
  },
  {
    id: 'certificate-expiry',
    title: { en: 'Certificates expire', de: 'Zertifikate laufen ab' },
    lesson: {
      en: 'The KMS-issued client certificate lives a year. A year later the KMS refuses vCenter at the TLS handshake; a host reboot then locks the VM until trust is renewed.',
      de: 'Das vom KMS ausgestellte Client-Zertifikat gilt ein Jahr. Ein Jahr später lehnt der KMS vCenter beim TLS-Handshake ab; ein Host-Neustart sperrt dann die VM, bis das Vertrauen erneuert ist.'
    },
    script: certificateExpiry as LabScript,
    refusedSteps: []
  },
  {
    id: 'per-disk-encryption',
    title: { en: 'Encryption per disk: VM home and disks apart', de: 'Verschlüsselung je Platte: VM-Home und Platten getrennt' },
    lesson: {
      en: 'The VM home and each disk get their own storage policy and their own internal key. The KEK locks each one in its own key safe; an encrypted disk never belongs to an unencrypted VM; a clone can take a new key.',
      de: 'VM-Home und jede Platte bekommen eine eigene Speicherrichtlinie und einen eigenen internen Schlüssel. Der KEK verschließt jeden in einem eigenen Schlüsselsafe; eine verschlüsselte Platte gehört nie zu einer unverschlüsselten VM; ein Klon kann einen neuen Schlüssel bekommen.'
    },
    script: perDiskEncryption as LabScript,
    refusedSteps: [8]
  },
  {
    id: 'vtpm',
    title: { en: 'Virtual TPM', de: 'Virtuelles TPM' },
    lesson: {
      en: 'A vTPM keeps its secrets in the NVRAM, so adding one encrypts the VM home — not the disks — with a key from the provider. The VM cannot be decrypted while it has one; a clone copies it or gets a new one.',
      de: 'Ein vTPM hält seine Geheimnisse im NVRAM; wer eines hinzufügt, verschlüsselt daher das VM-Home — nicht die Platten — mit einem Schlüssel vom Anbieter. Solange es da ist, lässt sich die VM nicht entschlüsseln; ein Klon kopiert es oder bekommt ein neues.'
    },
    script: vtpm as LabScript,
    refusedSteps: [7]
  },
  {
    id: 'vmotion-settings',
    title: { en: 'Encrypted vMotion: Disabled, Opportunistic, Required', de: 'Verschlüsseltes vMotion: Deaktiviert, Opportunistisch, Erforderlich' },
    lesson: {
      en: 'An unencrypted VM chooses how its vMotion travels: Disabled sends its memory in clear, Opportunistic and Required encrypt it. An encrypted VM always migrates encrypted, and the setting is locked; its Fault Tolerance logging is encrypted too (Required).',
      de: 'Eine unverschlüsselte VM wählt, wie ihr vMotion reist: Deaktiviert schickt den Speicher im Klartext, Opportunistisch und Erforderlich verschlüsseln ihn. Eine verschlüsselte VM migriert immer verschlüsselt, die Einstellung ist gesperrt; auch ihr Fault-Tolerance-Logging ist verschlüsselt („Erforderlich“).'
    },
    script: vmotionSettings as LabScript,
    refusedSteps: [13, 15]
  },
  {
    id: 'crypto-roles',
    title: { en: 'Privileges: the No cryptography administrator', de: 'Rechte: der Kein Kryptografieadministrator' },
    lesson: {
      en: 'Operators need not hold keys. The No cryptography administrator role powers on encrypted VMs whose keys are on the host, but every cryptographic operation is refused with NoPermission, naming the privilege.',
      de: 'Operatoren müssen keine Schlüssel in der Hand haben. Die Rolle Kein Kryptografieadministrator schaltet verschlüsselte VMs ein, deren Schlüssel auf dem Host liegen, doch jeder kryptografische Vorgang wird mit NoPermission abgelehnt, samt dem fehlenden Recht.'
    },
    script: cryptoRoles as LabScript,
    refusedSteps: [8]
  },
  {
    id: 'support-bundle',
    title: { en: 'Support bundle: core dumps for VMware support', de: 'Support-Bundle: Core-Dumps für den VMware-Support' },
    lesson: {
      en: 'On the host that wrote it, crypto-util opens a core dump with the host key from the cache. For support, vm-support recrypts the dumps to an incident key locked by a password — the host key never leaves the host.',
      de: 'Auf dem Host, der ihn schrieb, öffnet crypto-util einen Core-Dump mit dem Host-Schlüssel aus dem Cache. Für den Support verschlüsselt vm-support die Dumps auf einen Incident-Schlüssel um, den ein Kennwort verschließt — der Host-Schlüssel verlässt den Host nie.'
    },
    script: supportBundle as LabScript,
    refusedSteps: []
  },
  {
    id: 'standard-vs-native',
    title: { en: 'Standard vs Native key provider', de: 'Standard- und nativer Schlüsselanbieter' },
    lesson: {
      en: 'Two VMs on one host, one per provider. The standard provider’s keys come from the KMS through vCenter; the Native Key Provider’s come from a KDK that vCenter gave every host, so no KMS is needed at all — but the provider must be backed up first. With vCenter down, a host reboot locks the standard VM; the native one comes back by itself.',
      de: 'Zwei VMs auf einem Host, eine je Anbieter. Die Schlüssel des Standard-Schlüsselanbieters kommen vom KMS über vCenter; die des Native Key Providers aus einem KDK, den vCenter jedem Host gegeben hat – ein KMS wird gar nicht gebraucht, doch der Anbieter muss zuerst gesichert werden. Ist vCenter aus, sperrt ein Host-Neustart die Standard-VM; die native kommt von selbst zurück.'
    },
    script: standardVsNative as LabScript,
    refusedSteps: [8, 14]
  }
]
