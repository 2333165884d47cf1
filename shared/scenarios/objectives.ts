// The objectives of each built-in lesson (Packet Tracer's activity wizard): a short ordered checklist the window
// ticks live from the lab as it shows it at the cursor (`LessonState`), so a student doing the lesson by hand and one
// watching its script see the same ticks, and stepping back un-ticks.
//
// The checks look for what the lesson teaches, not for the script's names: a student may call the VM anything. Each
// one also holds its precondition (an "encrypted VM" is one vCenter has the key ID of), so objectives cannot tick
// ahead of the ones they build on. What a single moment cannot show — that a host rebooted, that crypto-util ran —
// is read from the events up to the cursor. Hints name the window's menus exactly (a test compares them with the
// window's labels) and say why, so they never point at something the lab does not do.

import type { Language } from '../i18n/format'
import type { CommandOp } from '../lab/commands/schema'
import {
  datastoreText,
  diskShowsGuestInClear,
  indexOfRefusal,
  vmTextFiles,
  happened,
  hosts,
  indexOfEvent,
  kmsServers,
  labClock,
  lastIndexOfEvent,
  providers,
  trustedProviders,
  vcenterKeyIdOf,
  vcenterKeysInFlight,
  vcenterProviderOf,
  vcenterStoresBytes,
  vms,
  type HostView,
  type LessonState,
  type VmView
} from './lessonState'

export type LocalText = Record<Language, string>

export interface Objective {
  id: string
  title: LocalText
  /** What to do next in the window and why, in one or two sentences. */
  hint: LocalText
  /** The commands that get it done; the window offers their forms beside the hint. */
  ops: CommandOp[]
  done(state: LessonState): boolean
}

// ——— what the checks look for ———

/** Encrypted as vSphere means it: a key ID on the VM that vCenter's database has too, and the VM not locked. */
function isEncrypted(s: LessonState, v: VmView): boolean {
  return v.keyId !== null && v.cryptoState === 'unlocked' && v.connectionState !== 'invalid' && vcenterKeyIdOf(s, v.name) === v.keyId
}

const encryptedVms = (s: LessonState) => vms(s).filter((v) => isEncrypted(s, v))
/** What a thief sees: the VM's files are encrypted (a key ID vCenter knows), whether or not the VM is locked now. */
const encryptedAtRest = (s: LessonState) => vms(s).filter((v) => v.keyId !== null && vcenterKeyIdOf(s, v.name) === v.keyId)
const runningEncryptedVms = (s: LessonState) => encryptedVms(s).filter((v) => v.power === 'poweredOn')
const hostOf = (s: LessonState, v: VmView): HostView | undefined => hosts(s).find((h) => h.name === v.host)

function clusterOf(s: LessonState, v: VmView): HostView[] {
  const all = hosts(s)
  const cluster = all.find((h) => h.name === v.host)?.cluster
  return cluster === undefined ? [] : all.filter((h) => h.cluster === cluster)
}

/** The host rebooted (its memory wiped) and, after that, vCenter pushed its host key and the KEKs back from the KMS. */
function keysBackAfterReboot(s: LessonState, v: VmView): boolean {
  const h = hostOf(s, v)
  const restart = lastIndexOfEvent(s, 'host.restart', { host: v.host })
  if (!h || restart === -1) return false
  const cached = new Set(h.keyCache.map((k) => k.keyId))
  return (
    happened(s, 'kmip.res.Get', {}, restart) &&
    happened(s, 'vcenter.push.kek', { host: v.host }, restart) &&
    h.hostKeyId !== null &&
    cached.has(h.hostKeyId) &&
    v.keyId !== null &&
    cached.has(v.keyId)
  )
}

/** The VM was locked (for any reason) and later unlocked, and it is unlocked and connected now. */
function unlockedAgain(s: LessonState, v: VmView): boolean {
  const locked = indexOfEvent(s, 'vm.lock.', { vm: v.name })
  return locked !== -1 && happened(s, 'vm.unlocked', { vm: v.name }, locked) && isEncrypted(s, v)
}

const isoDate = (posixSeconds: number) => new Date(posixSeconds * 1000).toISOString().slice(0, 10)

/** The `until` dates of the client certificates trust gave vCenter, in the order trust was established. */
function trustUntil(s: LessonState): { index: number; until: string }[] {
  const out: { index: number; until: string }[] = []
  s.events.forEach((e, index) => {
    if (e.message.id === 'trust.done' && typeof e.message.params.until === 'string') out.push({ index, until: e.message.params.until })
  })
  return out
}

// ——— objectives several lessons share ———

const trustBothWays: Objective = {
  id: 'trust',
  title: { en: 'A KMS and vCenter trust each other', de: 'KMS und vCenter vertrauen einander' },
  hint: {
    en: 'KMS → Add KMS server and vCenter & providers → Add key provider with the same provider name, then vCenter & providers → Establish trust. No key travels until vCenter accepts the KMS’s CA and the KMS accepts vCenter’s client certificate.',
    de: 'KMS → KMS-Server hinzufügen und vCenter & Anbieter → Schlüsselanbieter hinzufügen mit demselben Anbieternamen, dann vCenter & Anbieter → Vertrauen herstellen. Kein Schlüssel reist, bevor vCenter die CA des KMS und der KMS vCenters Client-Zertifikat akzeptiert.'
  },
  ops: ['kms.add', 'provider.add', 'provider.trust'],
  done: (s) => trustedProviders(s).length > 0
}

const encryptedVmBooted: Objective = {
  id: 'booted',
  title: { en: 'Power on an encrypted VM', de: 'Eine verschlüsselte VM einschalten' },
  hint: {
    en: 'Host → Add host, VM → Create VM on it, VM → Encrypt VM, then VM → Power on — as in the first lesson. While it runs, its KEK and DEK are in its host’s memory.',
    de: 'Host → Host hinzufügen, VM → VM anlegen auf diesem Host, VM → VM verschlüsseln, dann VM → Einschalten — wie in der ersten Lektion. Solange sie läuft, liegen KEK und DEK im Speicher ihres Hosts.'
  },
  ops: ['host.add', 'vm.create', 'vm.encrypt', 'vm.powerOn'],
  // Read from the boot event, not the power state: the lessons go on to reboot, crash or lock that very VM.
  done: (s) => vms(s).some((v) => v.keyId !== null && happened(s, 'vm.boot.decrypted', { vm: v.name }))
}

// ——— the lessons ———

const firstEncryptedVm: Objective[] = [
  {
    id: 'provider',
    title: { en: 'A KMS in a key provider vCenter knows', de: 'Ein KMS in einem Schlüsselanbieter, den vCenter kennt' },
    hint: {
      en: 'KMS → Add KMS server (kms-1 in provider lab-kms), then vCenter & providers → Add key provider with the same name: vCenter only talks to the KMS servers of a provider it has registered.',
      de: 'KMS → KMS-Server hinzufügen (kms-1 im Anbieter lab-kms), dann vCenter & Anbieter → Schlüsselanbieter hinzufügen mit demselben Namen: vCenter spricht nur mit den KMS-Servern eines Anbieters, den es registriert hat.'
    },
    ops: ['kms.add', 'provider.add'],
    done: (s) => kmsServers(s).some((k) => providers(s).some((p) => p.name === k.provider))
  },
  {
    id: 'trust',
    title: { en: 'Trust both ways', de: 'Vertrauen in beide Richtungen' },
    hint: {
      en: 'vCenter & providers → Establish trust for lab-kms (any mode). vCenter must accept the KMS’s CA and the KMS must accept vCenter’s client certificate before a single key can travel.',
      de: 'vCenter & Anbieter → Vertrauen herstellen für lab-kms (beliebiger Modus). vCenter muss die CA des KMS akzeptieren und der KMS vCenters Client-Zertifikat, bevor auch nur ein Schlüssel reisen kann.'
    },
    ops: ['provider.trust'],
    done: (s) => trustedProviders(s).length > 0
  },
  {
    id: 'cluster',
    title: { en: 'Two hosts in a cluster, a VM on one of them', de: 'Zwei Hosts in einem Cluster, eine VM auf einem davon' },
    hint: {
      en: 'Host → Add host twice (esx-01 and esx-02 in cluster-a), then VM → Create VM on esx-01. Its guest data is written in clear to the first sector of its disk.',
      de: 'Host → Host hinzufügen, zweimal (esx-01 und esx-02 in cluster-a), dann VM → VM anlegen auf esx-01. Seine Gastdaten stehen im Klartext im ersten Sektor seiner Platte.'
    },
    ops: ['host.add', 'vm.create'],
    done: (s) => vms(s).some((v) => clusterOf(s, v).length >= 2)
  },
  {
    id: 'hostsSafe',
    title: { en: 'Every host of the VM’s cluster is crypto safe', de: 'Jeder Host im Cluster der VM ist krypto-sicher' },
    hint: {
      en: 'VM → Encrypt VM. First vCenter gets a host key from the KMS for every host of the cluster and pushes it into the host’s memory: the hosts become crypto safe.',
      de: 'VM → VM verschlüsseln. Zuerst holt vCenter für jeden Host des Clusters einen Host-Schlüssel vom KMS und legt ihn in den Speicher des Hosts: Die Hosts werden krypto-sicher.'
    },
    ops: ['vm.encrypt'],
    done: (s) => vms(s).some((v) => clusterOf(s, v).every((h) => h.cryptoState === 'safe'))
  },
  {
    id: 'encrypted',
    title: { en: 'The VM is encrypted; vCenter keeps only its key ID', de: 'Die VM ist verschlüsselt; vCenter behält nur die Schlüssel-ID' },
    hint: {
      en: 'Still VM → Encrypt VM: vCenter has the KMS create a KEK, pushes it to the hosts and keeps only its ID; the host makes the DEK and wraps it with the KEK into the .vmx.',
      de: 'Weiter VM → VM verschlüsseln: vCenter lässt den KMS einen KEK erzeugen, gibt ihn den Hosts und behält nur seine ID; der Host erzeugt den DEK und legt ihn mit dem KEK umhüllt in die .vmx.'
    },
    ops: ['vm.encrypt'],
    done: (s) => encryptedVms(s).length > 0
  },
  {
    id: 'diskCiphertext',
    title: { en: 'The disk on the datastore no longer shows the guest data', de: 'Die Platte im Datenspeicher zeigt die Gastdaten nicht mehr' },
    hint: {
      en: 'After VM → Encrypt VM, click the VM and look at its -flat.vmdk: the host rewrote the disk into a new file with the DEK (XTS-AES-256), so the first sector that held the guest data as text is now ciphertext.',
      de: 'Nach VM → VM verschlüsseln klicken Sie die VM an und sehen sich ihre -flat.vmdk an: Der Host hat die Platte mit dem DEK (XTS-AES-256) in eine neue Datei geschrieben; der erste Sektor mit den Gastdaten im Klartext ist jetzt Chiffretext.'
    },
    ops: ['vm.encrypt'],
    done: (s) => encryptedVms(s).some((v) => diskShowsGuestInClear(s, v) === false)
  },
  {
    id: 'poweredOn',
    title: { en: 'The encrypted VM is powered on', de: 'Die verschlüsselte VM ist eingeschaltet' },
    hint: {
      en: 'VM → Power on. The host opens the key safe in the .vmx with the KEK from its cache and decrypts the boot sectors with the DEK — the KMS is not asked.',
      de: 'VM → Einschalten. Der Host öffnet den Schlüsselsafe in der .vmx mit dem KEK aus seinem Cache und entschlüsselt die Boot-Sektoren mit dem DEK — der KMS wird nicht gefragt.'
    },
    ops: ['vm.powerOn'],
    done: (s) => runningEncryptedVms(s).length > 0
  }
]

const hostReboot: Objective[] = [
  trustBothWays,
  encryptedVmBooted,
  {
    id: 'reboot',
    title: { en: 'Reboot the host of the encrypted VM', de: 'Den Host der verschlüsselten VM neu starten' },
    hint: {
      en: 'Host → Reboot host (or right-click the host). Its memory is gone: the key cache is empty and its VMs are powered off; without key persistence nothing on its disk holds a key.',
      de: 'Host → Host neu starten (oder Rechtsklick auf den Host). Sein Speicher ist weg: Der Schlüssel-Cache ist leer, seine VMs sind aus; ohne Schlüsselpersistenz liegt auf seiner Platte kein Schlüssel.'
    },
    ops: ['host.reboot'],
    done: (s) => encryptedVms(s).some((v) => happened(s, 'host.restart', { host: v.host }))
  },
  {
    id: 'keysBack',
    title: { en: 'vCenter brings the keys back from the KMS', de: 'vCenter holt die Schlüssel vom KMS zurück' },
    hint: {
      en: 'Nothing to click: step through the events after the reboot. vCenter asks the KMS for each key ID in its database (KMIP Get) and pushes the host key and the KEK into the empty cache.',
      de: 'Nichts zu klicken: Gehen Sie die Ereignisse nach dem Neustart durch. vCenter fragt den KMS nach jeder Schlüssel-ID aus seiner Datenbank (KMIP Get) und legt Host-Schlüssel und KEK in den leeren Cache.'
    },
    ops: [],
    done: (s) => encryptedVms(s).some((v) => keysBackAfterReboot(s, v))
  },
  {
    id: 'poweredOnAgain',
    title: { en: 'Power the VM on again', de: 'Die VM wieder einschalten' },
    hint: {
      en: 'VM → Power on. The host unwraps the DEK with the KEK vCenter has just pushed back — the VM runs as before.',
      de: 'VM → Einschalten. Der Host packt den DEK mit dem KEK aus, den vCenter gerade zurückgebracht hat — die VM läuft wie zuvor.'
    },
    ops: ['vm.powerOn'],
    done: (s) =>
      runningEncryptedVms(s).some((v) => {
        const restart = lastIndexOfEvent(s, 'host.restart', { host: v.host })
        return restart !== -1 && happened(s, 'vm.poweredOn', { vm: v.name, host: v.host }, restart)
      })
  }
]

const kmsOutage: Objective[] = [
  trustBothWays,
  encryptedVmBooted,
  {
    id: 'kmsStopped',
    title: { en: 'Stop the KMS', de: 'Den KMS stoppen' },
    hint: {
      en: 'KMS → Stop KMS. Nothing happens to the running VM: its keys are already in its host’s memory.',
      de: 'KMS → KMS stoppen. Der laufenden VM passiert nichts: Ihre Schlüssel liegen schon im Speicher ihres Hosts.'
    },
    ops: ['kms.stop'],
    done: (s) => vms(s).some((v) => v.keyId !== null) && happened(s, 'kms.stopped')
  },
  {
    id: 'locked',
    title: { en: 'Reboot the host: the VM is locked', de: 'Host neu starten: Die VM ist gesperrt' },
    hint: {
      en: 'Host → Reboot host. vCenter cannot reach the KMS to fetch the keys again, so the host has no KEK and the VM is locked (cryptoState locked, connectionState invalid).',
      de: 'Host → Host neu starten. vCenter erreicht den KMS nicht, um die Schlüssel erneut zu holen; der Host hat keinen KEK und die VM ist gesperrt (cryptoState locked, connectionState invalid).'
    },
    ops: ['host.reboot'],
    done: (s) => {
      const stopped = indexOfEvent(s, 'kms.stopped')
      return stopped !== -1 && happened(s, 'vm.lock.', {}, stopped)
    }
  },
  {
    id: 'unlocked',
    title: { en: 'Start the KMS and unlock the VM', de: 'KMS starten und die VM entsperren' },
    hint: {
      en: 'KMS → Start KMS, then VM → Unlock VM: vCenter fetches the keys from the KMS again and pushes them, and the host reloads the VM.',
      de: 'KMS → KMS starten, dann VM → VM entsperren: vCenter holt die Schlüssel erneut vom KMS und verteilt sie, der Host lädt die VM neu.'
    },
    ops: ['kms.start', 'vm.unlock'],
    done: (s) => vms(s).some((v) => unlockedAgain(s, v))
  },
  {
    id: 'poweredOnAgain',
    title: { en: 'Power the VM on again', de: 'Die VM wieder einschalten' },
    hint: {
      en: 'VM → Power on: with its KEK back in the host’s cache the VM starts as before.',
      de: 'VM → Einschalten: Mit ihrem KEK wieder im Cache des Hosts startet die VM wie zuvor.'
    },
    ops: ['vm.powerOn'],
    done: (s) => runningEncryptedVms(s).some((v) => unlockedAgain(s, v) && happened(s, 'vm.poweredOn', { vm: v.name }, lastIndexOfEvent(s, 'vm.unlocked', { vm: v.name })))
  }
]

/** A host with an encrypted core dump whose header names the host key it has now. */
const encryptedDumpHosts = (s: LessonState) => hosts(s).filter((h) => h.dumps.some((d) => d.encrypted))

const crashCoreDump: Objective[] = [
  trustBothWays,
  encryptedVmBooted,
  {
    id: 'encryptedDump',
    title: { en: 'Crash the host: an encrypted core dump in /var/core', de: 'Host abstürzen lassen: ein verschlüsselter Core-Dump in /var/core' },
    hint: {
      en: 'Host → Crash host (purple screen) on the VM’s host. A crypto-safe host writes its memory — key cache included — as an envelope: a one-time key encrypts the dump and the host key wraps it.',
      de: 'Host → Host abstürzen lassen (PSOD) auf dem Host der VM. Ein krypto-sicherer Host schreibt seinen Speicher — samt Schlüssel-Cache — als Umschlag: Ein Einmalschlüssel verschlüsselt den Dump, der Host-Schlüssel umhüllt ihn.'
    },
    ops: ['host.crash'],
    done: (s) => encryptedDumpHosts(s).length > 0
  },
  {
    id: 'describe',
    title: { en: 'crypto-util names the key that opens it', de: 'crypto-util nennt den Schlüssel, der ihn öffnet' },
    hint: {
      en: 'Click the host and press crypto-util describe beside the dump in the Component tab (or Host → Run crypto-util): the envelope names the host key that wraps its one-time key.',
      de: 'Klicken Sie den Host an und drücken Sie im Reiter Komponente neben dem Dump auf crypto-util describe (oder Host → crypto-util ausführen): Der Umschlag nennt den Host-Schlüssel, der seinen Einmalschlüssel umhüllt.'
    },
    ops: ['host.cryptoUtil'],
    done: (s) => encryptedDumpHosts(s).some((h) => happened(s, 'host.cryptoUtil.describe', { host: h.name }))
  },
  {
    id: 'extract',
    title: { en: 'crypto-util extracts the dump — with the VM keys inside', de: 'crypto-util entpackt den Dump — samt VM-Schlüsseln' },
    hint: {
      en: 'Press crypto-util extract beside the dump (or Host → Run crypto-util with envelope extract): it decrypts the dump with the host key from the cache, and the output lists the KEK of the VM — which is why dumps must be encrypted.',
      de: 'Drücken Sie crypto-util extract neben dem Dump (oder Host → crypto-util ausführen mit envelope extract): Es entschlüsselt den Dump mit dem Host-Schlüssel aus dem Cache, und die Ausgabe zeigt den KEK der VM — deshalb müssen Dumps verschlüsselt sein.'
    },
    ops: ['host.cryptoUtil'],
    done: (s) => encryptedDumpHosts(s).some((h) => happened(s, 'host.cryptoUtil.extract', { host: h.name }))
  },
  {
    id: 'rewrapped',
    title: { en: 'Change the host key: the dump is re-wrapped', de: 'Host-Schlüssel wechseln: Der Dump wird neu umhüllt' },
    hint: {
      en: 'Host → Change host key. The host re-wraps the one-time key of every encrypted dump with the new host key; the dump body is not touched.',
      de: 'Host → Host-Schlüssel wechseln. Der Host umhüllt den Einmalschlüssel jedes verschlüsselten Dumps mit dem neuen Host-Schlüssel; der Inhalt des Dumps bleibt unberührt.'
    },
    ops: ['host.rekey'],
    done: (s) =>
      encryptedDumpHosts(s).some(
        (h) => happened(s, 'host.rekey.dumpRewrapped', { host: h.name }) && h.hostKeyId !== null && h.dumps.some((d) => d.encrypted && d.keyId === h.hostKeyId)
      )
  }
]

/** The last migration of a VM: the hosts it went between, from the vMotion event. */
function lastVmotion(s: LessonState, v: VmView): { index: number; to: string } | null {
  const i = lastIndexOfEvent(s, 'vmotion.stream', { vm: v.name })
  const to = i === -1 ? undefined : s.events[i].message.params.to
  return typeof to === 'string' ? { index: i, to } : null
}

const encryptedVmotion: Objective[] = [
  trustBothWays,
  {
    id: 'twoHosts',
    title: { en: 'An encrypted VM runs, with a second host in its cluster', de: 'Eine verschlüsselte VM läuft, mit einem zweiten Host in ihrem Cluster' },
    hint: {
      en: 'Host → Add host twice in the same cluster, VM → Create VM, VM → Encrypt VM, then VM → Power on. vMotion moves a running VM between hosts of one cluster.',
      de: 'Host → Host hinzufügen, zweimal im selben Cluster, VM → VM anlegen, VM → VM verschlüsseln, dann VM → Einschalten. vMotion verschiebt eine laufende VM zwischen Hosts eines Clusters.'
    },
    ops: ['host.add', 'vm.create', 'vm.encrypt', 'vm.powerOn'],
    done: (s) => runningEncryptedVms(s).some((v) => clusterOf(s, v).length >= 2)
  },
  {
    id: 'oneTimeKey',
    title: { en: 'Migrate it: vCenter makes a one-time key', de: 'Migrieren: vCenter erzeugt einen Einmalschlüssel' },
    hint: {
      en: 'VM → Migrate (vMotion) to the other host. vCenter generates a 256-bit key and a nonce for this one migration — not from the KMS — and sends them to both hosts.',
      de: 'VM → Migrieren (vMotion) auf den anderen Host. vCenter erzeugt für genau diese Migration einen 256-Bit-Schlüssel und eine Nonce — nicht vom KMS — und schickt sie beiden Hosts.'
    },
    ops: ['vm.migrate'],
    done: (s) => encryptedVms(s).some((v) => happened(s, 'vmotion.key.generated', { vm: v.name }))
  },
  {
    id: 'stream',
    title: { en: 'The VM’s memory travels encrypted', de: 'Der Speicher der VM reist verschlüsselt' },
    hint: {
      en: 'Step to the vMotion event: the memory goes from host to host sealed with AES-256-GCM under the one-time key.',
      de: 'Gehen Sie zum vMotion-Ereignis: Der Speicher wandert von Host zu Host, mit AES-256-GCM unter dem Einmalschlüssel versiegelt.'
    },
    ops: [],
    done: (s) => encryptedVms(s).some((v) => lastVmotion(s, v) !== null)
  },
  {
    id: 'arrived',
    title: { en: 'The VM runs on the new host; the one-time key is gone', de: 'Die VM läuft auf dem neuen Host; der Einmalschlüssel ist weg' },
    hint: {
      en: 'Click both hosts: the DEK is in the new host’s cache and gone from the old one, and no host or vCenter keeps the one-time key.',
      de: 'Klicken Sie beide Hosts an: Der DEK liegt im Cache des neuen Hosts und ist vom alten verschwunden; weder ein Host noch vCenter behält den Einmalschlüssel.'
    },
    ops: [],
    done: (s) =>
      runningEncryptedVms(s).some((v) => {
        const m = lastVmotion(s, v)
        return m !== null && m.to === v.host && happened(s, 'vmotion.key.discarded', { vm: v.name }, m.index)
      }) &&
      vcenterKeysInFlight(s) === 0 &&
      hosts(s).every((h) => h.keyCache.every((k) => k.keyType !== 'oneTimeKey'))
  }
]

/** The KEK a VM was first encrypted with, as vCenter's database recorded it. */
function firstKekOf(s: LessonState, v: VmView): string | null {
  const i = indexOfEvent(s, 'vcenter.db.vmKey', { name: v.name })
  const keyId = i === -1 ? undefined : s.events[i].message.params.keyId
  return typeof keyId === 'string' ? keyId : null
}

const shallowVsDeepRekey: Objective[] = [
  trustBothWays,
  {
    id: 'encrypted',
    title: { en: 'An encrypted VM', de: 'Eine verschlüsselte VM' },
    hint: {
      en: 'Host → Add host, VM → Create VM, then VM → Encrypt VM. Note its key ID and the first bytes of its -flat.vmdk: both rekeys are measured against them.',
      de: 'Host → Host hinzufügen, VM → VM anlegen, dann VM → VM verschlüsseln. Merken Sie sich die Schlüssel-ID und die ersten Bytes der -flat.vmdk: Beide Neuverschlüsselungen messen sich daran.'
    },
    ops: ['host.add', 'vm.create', 'vm.encrypt'],
    done: (s) => encryptedVms(s).length > 0
  },
  {
    id: 'shallow',
    title: { en: 'Shallow rekey: a new KEK, the same disk', de: 'Flache Neuverschlüsselung: neuer KEK, dieselbe Platte' },
    hint: {
      en: 'VM → Rekey VM with “Deep rekey” left unticked. vCenter brings a new KEK and the host re-wraps the same DEK into the .vmx; the -flat.vmdk keeps every byte.',
      de: 'VM → VM neu verschlüsseln, ohne Häkchen bei „Tiefe Neuverschlüsselung“. vCenter bringt einen neuen KEK, der Host umhüllt denselben DEK neu in der .vmx; die -flat.vmdk behält jedes Byte.'
    },
    ops: ['vm.rekey'],
    done: (s) => encryptedVms(s).some((v) => happened(s, 'vm.files.keySafeRewritten', { vm: v.name }) && firstKekOf(s, v) !== v.keyId)
  },
  {
    id: 'deep',
    title: { en: 'Deep rekey: a new DEK, every sector rewritten', de: 'Tiefe Neuverschlüsselung: neuer DEK, jeder Sektor neu geschrieben' },
    hint: {
      en: 'VM → Rekey VM with “Deep rekey” ticked (the VM powered off). The host makes a new DEK and rewrites the whole disk into a new file: compare its bytes with before.',
      de: 'VM → VM neu verschlüsseln mit Häkchen bei „Tiefe Neuverschlüsselung“ (die VM ausgeschaltet). Der Host erzeugt einen neuen DEK und schreibt die ganze Platte in eine neue Datei: Vergleichen Sie die Bytes mit vorher.'
    },
    ops: ['vm.rekey'],
    done: (s) => encryptedVms(s).some((v) => happened(s, 'vm.disk.reencrypted', { vm: v.name }) && diskShowsGuestInClear(s, v) === false)
  }
]

/** VMs that are not encrypted, on hosts that are not crypto safe. */
const plainVmsOnUnsafeHosts = (s: LessonState) => vms(s).filter((v) => v.keyId === null && hostOf(s, v)?.cryptoState !== 'safe')

const attackersView: Objective[] = [
  trustBothWays,
  {
    id: 'vcenterDb',
    title: { en: 'Encrypt a VM: vCenter’s database keeps only its key ID', de: 'Eine VM verschlüsseln: vCenters Datenbank behält nur ihre Schlüssel-ID' },
    hint: {
      en: 'Host → Add host, VM → Create VM with a secret as guest data, then VM → Encrypt VM. Click vCenter: its database holds key IDs, not keys — but its certificate store keeps the private key of its KMIP client certificate (and any KMS password), and only vCenter can log in to the KMS. Whoever steals the database and the certificate store together can fetch every KEK.',
      de: 'Host → Host hinzufügen, VM → VM anlegen mit einem Geheimnis als Gastdaten, dann VM → VM verschlüsseln. Klicken Sie vCenter an: Seine Datenbank enthält Schlüssel-IDs, keine Schlüssel — aber sein Zertifikatsspeicher hält den privaten Schlüssel seines KMIP-Client-Zertifikats (und ein etwaiges KMS-Passwort), und nur vCenter kann sich am KMS anmelden. Wer Datenbank und Zertifikatsspeicher zusammen stiehlt, kann jeden KEK abrufen.'
    },
    ops: ['host.add', 'vm.create', 'vm.encrypt'],
    done: (s) => encryptedAtRest(s).length > 0 && !vcenterStoresBytes(s)
  },
  encryptedVmBooted,
  {
    id: 'plainVm',
    title: { en: 'The same secret in a plain VM on a host that is not crypto safe', de: 'Dasselbe Geheimnis in einer unverschlüsselten VM auf einem nicht krypto-sicheren Host' },
    hint: {
      en: 'Host → Add host in another cluster (encrypting a VM makes every host of its own cluster crypto safe), then VM → Create VM there with the same guest data.',
      de: 'Host → Host hinzufügen in einem anderen Cluster (das Verschlüsseln einer VM macht jeden Host ihres eigenen Clusters krypto-sicher), dann VM → VM anlegen dort mit denselben Gastdaten.'
    },
    ops: ['host.add', 'vm.create'],
    done: (s) => encryptedAtRest(s).length > 0 && plainVmsOnUnsafeHosts(s).length > 0
  },
  {
    id: 'datastore',
    title: { en: 'A stolen datastore: ciphertext for one, clear text for the other', de: 'Ein gestohlener Datenspeicher: Chiffretext hier, Klartext dort' },
    hint: {
      en: 'Click each VM and compare their -flat.vmdk files: the encrypted VM’s disk is ciphertext and its .vmx holds the DEK only wrapped by the KEK; the plain VM’s disk shows the guest data as text.',
      de: 'Klicken Sie beide VMs an und vergleichen Sie ihre -flat.vmdk: Die Platte der verschlüsselten VM ist Chiffretext, ihre .vmx enthält den DEK nur mit dem KEK umhüllt; die Platte der unverschlüsselten VM zeigt die Gastdaten als Text.'
    },
    ops: [],
    done: (s) =>
      encryptedAtRest(s).some((v) => diskShowsGuestInClear(s, v) === false) && plainVmsOnUnsafeHosts(s).some((v) => diskShowsGuestInClear(s, v) === true)
  },
  {
    id: 'dumps',
    title: { en: 'Crash both hosts: one dump encrypted, one in clear', de: 'Beide Hosts abstürzen lassen: ein Dump verschlüsselt, einer im Klartext' },
    hint: {
      en: 'VM → Power on the plain VM, then Host → Crash host (purple screen) on both hosts. The crypto-safe host leaves an envelope nobody opens without its host key; the other dump holds that host’s memory — its running VMs’ guest memory included — in clear.',
      de: 'VM → Einschalten für die unverschlüsselte VM, dann Host → Host abstürzen lassen (PSOD) auf beiden Hosts. Der krypto-sichere Host hinterlässt einen Umschlag, den ohne seinen Host-Schlüssel niemand öffnet; der andere Dump enthält den Speicher seines Hosts — samt Gastspeicher der laufenden VMs — im Klartext.'
    },
    ops: ['vm.powerOn', 'host.crash'],
    done: (s) => hosts(s).some((h) => h.dumps.some((d) => d.encrypted)) && hosts(s).some((h) => h.dumps.some((d) => !d.encrypted))
  },
  {
    id: 'stolenHost',
    title: { en: 'A stolen host boots without your vCenter: no keys, the VM locked', de: 'Ein gestohlener Host startet ohne Ihr vCenter: keine Schlüssel, die VM gesperrt' },
    hint: {
      en: 'vCenter & providers → Stop vCenter (the thief’s network has none), then Host → Reboot host on the crypto-safe host. Its key cache lived only in memory: after the boot it is empty and the encrypted VM is locked. With key persistence the keys would come back from the host’s own TPM — which is stolen with it.',
      de: 'vCenter & Anbieter → vCenter stoppen (im Netz des Diebs gibt es keins), dann Host → Host neu starten auf dem krypto-sicheren Host. Sein Schlüssel-Cache lebte nur im Speicher: Nach dem Start ist er leer und die verschlüsselte VM gesperrt. Mit Schlüsselpersistenz kämen die Schlüssel aus dem TPM des Hosts zurück — und das wird mitgestohlen.'
    },
    ops: ['vcenter.stop', 'host.reboot'],
    done: (s) =>
      vms(s).some((v) => v.keyId !== null && v.cryptoState === 'locked' && happened(s, 'vm.lock.vcenterDown', { vm: v.name }) && hostOf(s, v)?.keyCache.length === 0)
  }
]

const certificateExpiry: Objective[] = [
  {
    id: 'kmsIssued',
    title: { en: 'Trust with a client certificate the KMS issues', de: 'Vertrauen mit einem vom KMS ausgestellten Client-Zertifikat' },
    hint: {
      en: 'KMS → Add KMS server, vCenter & providers → Add key provider, then vCenter & providers → Establish trust with mode kms-cert-and-key (or csr): the KMS signs vCenter’s client certificate for one year.',
      de: 'KMS → KMS-Server hinzufügen, vCenter & Anbieter → Schlüsselanbieter hinzufügen, dann vCenter & Anbieter → Vertrauen herstellen mit Modus kms-cert-and-key (oder csr): Der KMS signiert vCenters Client-Zertifikat für ein Jahr.'
    },
    ops: ['kms.add', 'provider.add', 'provider.trust'],
    done: (s) => trustedProviders(s).some((p) => p.mode === 'kms-cert-and-key' || p.mode === 'csr')
  },
  {
    id: 'encrypted',
    title: { en: 'An encrypted VM', de: 'Eine verschlüsselte VM' },
    hint: {
      en: 'Host → Add host, VM → Create VM, then VM → Encrypt VM: its KEK comes from the KMS over the TLS session the certificate opens.',
      de: 'Host → Host hinzufügen, VM → VM anlegen, dann VM → VM verschlüsseln: Sein KEK kommt vom KMS über die TLS-Sitzung, die das Zertifikat öffnet.'
    },
    ops: ['host.add', 'vm.create', 'vm.encrypt'],
    done: (s) => vms(s).some((v) => v.keyId !== null)
  },
  {
    id: 'expired',
    title: { en: 'A year later: the certificate has expired', de: 'Ein Jahr später: Das Zertifikat ist abgelaufen' },
    hint: {
      en: 'Time → Advance the lab clock by more than 365 days. Nothing breaks yet: vCenter only notices when it next needs a key from the KMS.',
      de: 'Zeit → Laboruhr vorstellen um mehr als 365 Tage. Noch bricht nichts: vCenter merkt es erst, wenn es den nächsten Schlüssel vom KMS braucht.'
    },
    ops: ['lab.advanceClock'],
    done: (s) => {
      // The clock only moves forward, so "past the first certificate's end" stays true after trust is renewed.
      const first = trustUntil(s)[0]
      const clock = labClock(s)
      return vms(s).some((v) => v.keyId !== null) && first !== undefined && clock !== null && isoDate(clock) > first.until
    }
  },
  {
    id: 'refused',
    title: { en: 'A reboot: the KMS refuses vCenter, the VM is locked', de: 'Ein Neustart: Der KMS lehnt vCenter ab, die VM ist gesperrt' },
    hint: {
      en: 'Host → Reboot host. vCenter opens a TLS session to fetch the keys again, the KMS rejects its expired client certificate, and the VM is locked.',
      de: 'Host → Host neu starten. vCenter öffnet eine TLS-Sitzung, um die Schlüssel erneut zu holen, der KMS lehnt sein abgelaufenes Client-Zertifikat ab, und die VM ist gesperrt.'
    },
    ops: ['host.reboot'],
    done: (s) => {
      const rejected = indexOfEvent(s, 'tls.rejectedByKms')
      return rejected !== -1 && happened(s, 'vm.lock.', {}, rejected)
    }
  },
  {
    id: 'renewed',
    title: { en: 'Renew the trust', de: 'Das Vertrauen erneuern' },
    hint: {
      en: 'vCenter & providers → Establish trust again: the KMS issues vCenter a fresh certificate, valid for another year from today’s lab date.',
      de: 'vCenter & Anbieter → Vertrauen herstellen, noch einmal: Der KMS stellt vCenter ein frisches Zertifikat aus, gültig für ein weiteres Jahr ab dem heutigen Labordatum.'
    },
    ops: ['provider.trust'],
    done: (s) => {
      const rejected = indexOfEvent(s, 'tls.rejectedByKms')
      const clock = labClock(s)
      return rejected !== -1 && clock !== null && trustUntil(s).some((t) => t.index > rejected && t.until > isoDate(clock))
    }
  },
  {
    id: 'unlocked',
    title: { en: 'Unlock the VM', de: 'Die VM entsperren' },
    hint: {
      en: 'VM → Unlock VM: with trust renewed vCenter can fetch the key again, and the VM is connected and unlocked.',
      de: 'VM → VM entsperren: Mit erneuertem Vertrauen kann vCenter den Schlüssel wieder holen, und die VM ist verbunden und entsperrt.'
    },
    ops: ['vm.unlock'],
    done: (s) => {
      const renewed = trustUntil(s).filter((t) => t.index > indexOfEvent(s, 'tls.rejectedByKms'))
      return indexOfEvent(s, 'tls.rejectedByKms') !== -1 && renewed.length > 0 && vms(s).some((v) => unlockedAgain(s, v) && happened(s, 'vm.unlocked', { vm: v.name }, renewed[0].index))
    }
  }
]

// ——— per-disk encryption, vTPM, encrypted vMotion settings, roles, support bundles ———

/** The key locator lines of a VM: the .vmx's encryption.bundle and each descriptor's encryptionKeys (null: none). */
function keySafesOf(s: LessonState, v: VmView): { bundle: string | null; disks: (string | null)[] } {
  const files = vmTextFiles(s, v)
  const bundle = /^encryption\.bundle = "(.*)"$/m.exec(datastoreText(s, v.datastore, files.vmx) ?? '')?.[1] ?? null
  const disks = files.descriptors.map((d) => /^encryptionKeys="(.*)"$/m.exec(datastoreText(s, v.datastore, d) ?? '')?.[1] ?? null)
  return { bundle, disks }
}

/** VM home encrypted, and a disk of it still in clear: policies per part. */
const homeOnlyVms = (s: LessonState) => encryptedVms(s).filter((v) => v.disks.some((d) => d.keyId === null) && keySafesOf(s, v).bundle !== null)

const perDiskEncryption: Objective[] = [
  trustBothWays,
  {
    id: 'homeOnly',
    title: { en: 'Encrypt the VM home, not the disks', de: 'Das VM-Home verschlüsseln, nicht die Platten' },
    hint: {
      en: 'Host → Add host, VM → Create VM, VM → Add disk, then VM → Encrypt VM with no disk chosen: only the VM home (its .vmx key safe and NVRAM) is encrypted; the disks keep the datastore’s default policy.',
      de: 'Host → Host hinzufügen, VM → VM anlegen, VM → Platte hinzufügen, dann VM → VM verschlüsseln ohne ausgewählte Platte: Nur das VM-Home (Schlüsselsafe der .vmx und NVRAM) wird verschlüsselt; die Platten behalten die Standardrichtlinie des Datenspeichers.'
    },
    ops: ['host.add', 'vm.create', 'vm.addDisk', 'vm.encrypt'],
    done: (s) => homeOnlyVms(s).length > 0
  },
  {
    id: 'ownKeys',
    title: { en: 'Each encrypted part has its own key safe', de: 'Jeder verschlüsselte Teil hat seinen eigenen Schlüsselsafe' },
    hint: {
      en: 'VM → Encrypt VM again and choose the first disk. Click the VM: the .vmx’s encryption.bundle and the disk’s encryptionKeys name the same KEK but lock different keys — the host made one key for the VM home and one per disk.',
      de: 'VM → VM verschlüsseln noch einmal und die erste Platte wählen. Klicken Sie die VM an: encryption.bundle der .vmx und encryptionKeys der Platte nennen denselben KEK, verschließen aber verschiedene Schlüssel — der Host hat einen Schlüssel für das VM-Home und einen je Platte erzeugt.'
    },
    ops: ['vm.encrypt'],
    done: (s) =>
      encryptedVms(s).some((v) => {
        const safes = keySafesOf(s, v)
        const locked = safes.disks.filter((d): d is string => d !== null)
        return safes.bundle !== null && locked.length > 0 && new Set([safes.bundle, ...locked]).size === locked.length + 1 && v.disks.some((d) => d.keyId === null)
      })
  },
  {
    id: 'mismatch',
    title: { en: 'No encrypted disk in an unencrypted VM', de: 'Keine verschlüsselte Platte in einer unverschlüsselten VM' },
    hint: {
      en: 'VM → Decrypt VM for the VM home only, keeping the encrypted disk: vSphere refuses — an encrypted disk cannot belong to an unencrypted VM. Disks are decrypted first, then the VM home.',
      de: 'VM → VM entschlüsseln nur für das VM-Home, die verschlüsselte Platte bleibt: vSphere lehnt ab — eine verschlüsselte Platte kann nicht zu einer unverschlüsselten VM gehören. Erst werden die Platten entschlüsselt, dann das VM-Home.'
    },
    ops: ['vm.decrypt'],
    done: (s) => indexOfRefusal(s, 'fault.decryptHomeWithEncryptedDisks') !== -1 && encryptedVms(s).some((v) => v.disks.some((d) => d.keyId !== null))
  },
  {
    id: 'recryptClone',
    title: { en: 'Clone it under a new key', de: 'Unter einem neuen Schlüssel klonen' },
    hint: {
      en: 'VM → Clone VM with encryption “recrypt”: the copy is locked with a new KEK, so losing or revoking one key no longer touches both VMs.',
      de: 'VM → VM klonen mit Verschlüsselung „recrypt“: Die Kopie wird mit einem neuen KEK verschlossen; der Verlust oder Widerruf eines Schlüssels trifft nicht mehr beide VMs.'
    },
    ops: ['vm.clone'],
    done: (s) => {
      const at = indexOfRefusal(s, 'fault.decryptHomeWithEncryptedDisks')
      return at !== -1 && s.events.slice(at).some((e) => e.message.id === 'vm.clone.recrypted' && encryptedVms(s).some((v) => v.name === e.message.params.clone && v.keyId !== null && encryptedVms(s).every((o) => o.name === v.name || o.keyId !== v.keyId)))
    }
  }
]

const vtpmVms = (s: LessonState) => encryptedVms(s).filter((v) => v.vtpm)

const vtpm: Objective[] = [
  trustBothWays,
  {
    id: 'vtpmAdded',
    title: { en: 'A vTPM encrypts the VM home, not the disk', de: 'Ein vTPM verschlüsselt das VM-Home, nicht die Platte' },
    hint: {
      en: 'Host → Add host, VM → Create VM, then VM → Add vTPM. The vTPM keeps its secrets in the NVRAM, so vCenter gets a key from the provider and the host encrypts the VM home; the disk stays in clear.',
      de: 'Host → Host hinzufügen, VM → VM anlegen, dann VM → vTPM hinzufügen. Das vTPM hält seine Geheimnisse im NVRAM, also holt vCenter einen Schlüssel vom Anbieter und der Host verschlüsselt das VM-Home; die Platte bleibt im Klartext.'
    },
    ops: ['host.add', 'vm.create', 'vm.addVtpm'],
    done: (s) => vtpmVms(s).some((v) => v.disks.every((d) => d.keyId === null) && diskShowsGuestInClear(s, v) === true)
  },
  {
    id: 'noDecrypt',
    title: { en: 'A VM with a vTPM stays encrypted', de: 'Eine VM mit vTPM bleibt verschlüsselt' },
    hint: {
      en: 'VM → Decrypt VM: refused while the vTPM is there — its state would lie in clear. Remove the vTPM first if you really mean it.',
      de: 'VM → VM entschlüsseln: abgelehnt, solange das vTPM da ist — sein Zustand läge sonst im Klartext. Entfernen Sie zuerst das vTPM, wenn Sie es wirklich wollen.'
    },
    ops: ['vm.decrypt'],
    done: (s) => vtpmVms(s).length > 0 && indexOfRefusal(s, 'fault.decryptWithVtpm') !== -1
  },
  {
    id: 'cloneReplace',
    title: { en: 'Clone with a new, blank vTPM', de: 'Mit einem neuen, leeren vTPM klonen' },
    hint: {
      en: 'VM → Clone VM with vTPM “replace”: a copied vTPM would give both VMs the same TPM identity and secrets; replace gives the clone its own.',
      de: 'VM → VM klonen mit vTPM „replace“: Ein kopiertes vTPM gäbe beiden VMs dieselbe TPM-Identität und dieselben Geheimnisse; „replace“ gibt dem Klon ein eigenes.'
    },
    ops: ['vm.clone'],
    done: (s) => indexOfRefusal(s, 'fault.decryptWithVtpm') !== -1 && happened(s, 'vm.clone.vtpm.replaced') && vtpmVms(s).length >= 2
  },
  {
    id: 'vmotion',
    title: { en: 'Its vMotion is always encrypted', de: 'Sein vMotion ist immer verschlüsselt' },
    hint: {
      en: 'VM → Power on, then VM → Migrate (vMotion) to the second host: a VM with a vTPM is an encrypted VM, so its memory travels under a one-time key.',
      de: 'VM → Einschalten, dann VM → Migrieren (vMotion) auf den zweiten Host: Eine VM mit vTPM ist eine verschlüsselte VM, ihr Speicher reist unter einem Einmalschlüssel.'
    },
    ops: ['vm.powerOn', 'vm.migrate'],
    done: (s) => happened(s, 'vm.clone.vtpm.replaced') && vtpmVms(s).some((v) => happened(s, 'vmotion.stream', { vm: v.name }))
  }
]

const vmotionSettings: Objective[] = [
  trustBothWays,
  {
    id: 'plainVmotion',
    title: { en: 'Disabled: memory crosses the network in clear', de: 'Deaktiviert: Der Speicher geht im Klartext übers Netz' },
    hint: {
      en: 'Host → Add host twice, VM → Create VM, VM → Set encrypted vMotion to disabled, VM → Power on, then VM → Migrate (vMotion). Open the vMotion event: the guest’s data is readable on the wire.',
      de: 'Host → Host hinzufügen, zweimal, VM → VM anlegen, VM → Verschlüsseltes vMotion einstellen auf „disabled“, VM → Einschalten, dann VM → Migrieren (vMotion). Öffnen Sie das vMotion-Ereignis: Die Daten des Gasts sind auf der Leitung lesbar.'
    },
    ops: ['host.add', 'vm.create', 'vm.setMigrateEncryption', 'vm.powerOn', 'vm.migrate'],
    done: (s) => happened(s, 'vmotion.stream.plain')
  },
  {
    id: 'required',
    title: { en: 'Required: the same VM moves encrypted', de: 'Erforderlich: Dieselbe VM zieht verschlüsselt um' },
    hint: {
      en: 'VM → Set encrypted vMotion to required, then VM → Migrate (vMotion) back: vCenter makes a one-time key, and the VM itself is still not encrypted.',
      de: 'VM → Verschlüsseltes vMotion einstellen auf „required“, dann VM → Migrieren (vMotion) zurück: vCenter erzeugt einen Einmalschlüssel, und die VM selbst ist weiterhin unverschlüsselt.'
    },
    ops: ['vm.setMigrateEncryption', 'vm.migrate'],
    done: (s) => {
      const plain = indexOfEvent(s, 'vmotion.stream.plain')
      return plain !== -1 && s.events.slice(plain).some((e) => e.message.id === 'vmotion.stream' && vms(s).some((v) => v.name === e.message.params.vm && v.migrateEncryption === 'required'))
    }
  },
  {
    id: 'locked',
    title: { en: 'Encrypted VMs cannot turn it off', de: 'Verschlüsselte VMs können es nicht abschalten' },
    hint: {
      en: 'VM → Power off, VM → Encrypt VM, then VM → Set encrypted vMotion to disabled: refused — an encrypted VM always migrates with encrypted vMotion.',
      de: 'VM → Ausschalten, VM → VM verschlüsseln, dann VM → Verschlüsseltes vMotion einstellen auf „disabled“: abgelehnt — eine verschlüsselte VM migriert immer mit verschlüsseltem vMotion.'
    },
    ops: ['vm.powerOff', 'vm.encrypt', 'vm.setMigrateEncryption'],
    done: (s) => happened(s, 'vmotion.stream.plain') && encryptedVms(s).length > 0 && indexOfRefusal(s, 'fault.migrateEncryption.encryptedVm') !== -1
  },
  {
    id: 'encryptedFt',
    title: { en: 'Fault Tolerance of an encrypted VM is encrypted', de: 'Fault Tolerance einer verschlüsselten VM ist verschlüsselt' },
    hint: {
      en: 'VM → Power on, VM → Set encrypted Fault Tolerance to disabled (refused: an encrypted VM’s mode is Required), then VM → Turn on Fault Tolerance with the second host: the secondary host holds the KEK, and the FT logging travels encrypted.',
      de: 'VM → Einschalten, VM → Verschlüsselte Fault Tolerance einstellen auf „disabled“ (abgelehnt: Bei einer verschlüsselten VM ist der Modus „Erforderlich“), dann VM → Fault Tolerance einschalten mit dem zweiten Host: Der sekundäre Host hält den KEK, und das FT-Logging geht verschlüsselt.'
    },
    ops: ['vm.powerOn', 'vm.setFtEncryption', 'vm.turnOnFaultTolerance'],
    done: (s) => {
      const locked = indexOfRefusal(s, 'fault.ftEncryption.encryptedVm')
      return locked !== -1 && encryptedVms(s).some((v) => happened(s, 'ft.log.encrypted', { vm: v.name }, locked))
    }
  }
]

const cryptoRoles: Objective[] = [
  trustBothWays,
  {
    id: 'encryptedVm',
    title: { en: 'An administrator encrypts a VM', de: 'Ein Administrator verschlüsselt eine VM' },
    hint: {
      en: 'Host → Add host, VM → Create VM, VM → Encrypt VM — as administrator@vsphere.local, who has every Cryptographic operations privilege.',
      de: 'Host → Host hinzufügen, VM → VM anlegen, VM → VM verschlüsseln — als administrator@vsphere.local, der alle Rechte für kryptografische Vorgänge hat.'
    },
    ops: ['host.add', 'vm.create', 'vm.encrypt'],
    done: (s) => encryptedVms(s).length > 0
  },
  {
    id: 'operator',
    title: { en: 'Work as a No cryptography administrator', de: 'Als Kein Kryptografieadministrator arbeiten' },
    hint: {
      en: 'vCenter & providers → Act as user with the role noCryptoAdmin: an operator who runs VMs but holds no Cryptographic operations privilege.',
      de: 'vCenter & Anbieter → Als Benutzer handeln mit der Rolle noCryptoAdmin: ein Operator, der VMs betreibt, aber kein Recht für kryptografische Vorgänge hat.'
    },
    ops: ['vcenter.actAs'],
    done: (s) => encryptedVms(s).length > 0 && happened(s, 'vcenter.actAs.noCryptoAdmin')
  },
  {
    id: 'powerOn',
    title: { en: 'The operator powers on the encrypted VM', de: 'Der Operator schaltet die verschlüsselte VM ein' },
    hint: {
      en: 'VM → Power on: no privilege is needed, because the key is already in the host’s key cache.',
      de: 'VM → Einschalten: Dafür braucht es kein Recht, denn der Schlüssel liegt schon im Schlüssel-Cache des Hosts.'
    },
    ops: ['vm.powerOn'],
    done: (s) => {
      const switched = indexOfEvent(s, 'vcenter.actAs.noCryptoAdmin')
      return switched !== -1 && runningEncryptedVms(s).some((v) => happened(s, 'vm.poweredOn', { vm: v.name }, switched))
    }
  },
  {
    id: 'refused',
    title: { en: 'But cannot decrypt it', de: 'Kann sie aber nicht entschlüsseln' },
    hint: {
      en: 'VM → Decrypt VM: vCenter refuses with NoPermission and names the missing privilege, Cryptographer.Decrypt.',
      de: 'VM → VM entschlüsseln: vCenter lehnt mit NoPermission ab und nennt das fehlende Recht, Cryptographer.Decrypt.'
    },
    ops: ['vm.decrypt'],
    done: (s) => {
      const switched = indexOfEvent(s, 'vcenter.actAs.noCryptoAdmin')
      return switched !== -1 && indexOfRefusal(s, 'fault.noPermission', switched) !== -1 && encryptedVms(s).length > 0
    }
  }
]

const supportBundle: Objective[] = [
  {
    id: 'dump',
    title: { en: 'A crypto-safe host crashes', de: 'Ein krypto-sicherer Host stürzt ab' },
    hint: {
      en: 'Set up trust, encrypt and power on a VM as in the first lesson, then Host → Crash host (purple screen): the core dump is encrypted with the host key.',
      de: 'Stellen Sie Vertrauen her, verschlüsseln Sie eine VM und schalten Sie sie ein wie in der ersten Lektion, dann Host → Host abstürzen lassen (PSOD): Der Core-Dump ist mit dem Host-Schlüssel verschlüsselt.'
    },
    ops: ['host.crash'],
    done: (s) => happened(s, 'host.coredump.encrypted')
  },
  {
    id: 'describe',
    title: { en: 'crypto-util on the host names the key', de: 'crypto-util auf dem Host nennt den Schlüssel' },
    hint: {
      en: 'Host → Run crypto-util with envelope describe --offset 4096 /var/core/vmkernel-zdump.1: on the host that wrote it, the dump’s key is in the key cache.',
      de: 'Host → crypto-util ausführen mit envelope describe --offset 4096 /var/core/vmkernel-zdump.1: Auf dem Host, der ihn schrieb, liegt der Schlüssel des Dumps im Cache.'
    },
    ops: ['host.cryptoUtil'],
    done: (s) => happened(s, 'host.coredump.encrypted') && happened(s, 'host.cryptoUtil.describe')
  },
  {
    id: 'vmSupport',
    title: { en: 'A support bundle locked by a password', de: 'Ein Support-Bundle, verschlossen mit einem Kennwort' },
    hint: {
      en: 'Host → vm-support with password: the dumps are recrypted to an incident key that only the password opens, so support never needs the host key.',
      de: 'Host → vm-support mit Kennwort: Die Dumps werden auf einen Incident-Schlüssel umverschlüsselt, den nur das Kennwort öffnet; der Support braucht nie den Host-Schlüssel.'
    },
    ops: ['host.vmSupport'],
    done: (s) => happened(s, 'host.cryptoUtil.describe') && happened(s, 'host.vmSupport.done')
  },
  {
    id: 'supportOpens',
    title: { en: 'Support opens the dump with the password', de: 'Der Support öffnet den Dump mit dem Kennwort' },
    hint: {
      en: 'Host → Run crypto-util with envelope extract --offset 4096 --keyfile <the bundle’s incident key file> --password <password> on the bundle’s dump: it opens without the host key.',
      de: 'Host → crypto-util ausführen mit envelope extract --offset 4096 --keyfile <Incident-Schlüsseldatei des Bundles> --password <Kennwort> auf dem Dump des Bundles: Er öffnet sich ohne den Host-Schlüssel.'
    },
    ops: ['host.cryptoUtil'],
    done: (s) => {
      const bundled = indexOfEvent(s, 'host.vmSupport.done')
      return bundled !== -1 && happened(s, 'host.cryptoUtil.extract.incident', {}, bundled)
    }
  }
]

// ——— Standard vs Native key provider (docs/vsphere-facts.md#nkp-kdk, #nkp-backup, #nkp-no-persistence) ———

const providerType = (s: LessonState, name: string | null) => providers(s).find((p) => p.name === name)?.type ?? null
const vmsOfProviderType = (s: LessonState, type: string) => encryptedAtRest(s).filter((v) => providerType(s, vcenterProviderOf(s, v.name)) === type)
const nativeProviders = (s: LessonState) => providers(s).filter((p) => p.type === 'native')

/** A VM of each kind lives on one host: the reboot compares them there. */
function sideBySide(s: LessonState): { host: string; standard: VmView; native: VmView }[] {
  return vmsOfProviderType(s, 'native').flatMap((n) => vmsOfProviderType(s, 'standard').filter((v) => v.host === n.host).map((v) => ({ host: n.host, standard: v, native: n })))
}

const standardVsNative: Objective[] = [
  trustBothWays,
  {
    id: 'standardVm',
    title: { en: 'A VM encrypted through the KMS', de: 'Eine VM, verschlüsselt über den KMS' },
    hint: {
      en: 'Host → Add host twice into one cluster, then VM → Create VM with “Encrypted” ticked. Watch the KEK travel from the KMS through vCenter to every host of the cluster: vCenter keeps only its ID.',
      de: 'Host → Host hinzufügen, zweimal in denselben Cluster, dann VM → VM anlegen mit „Verschlüsselt“. Verfolgen Sie den KEK vom KMS über vCenter zu jedem Host des Clusters: vCenter behält nur seine ID.'
    },
    ops: ['host.add', 'vm.create'],
    // encrypted at rest: the lesson goes on to lock this very VM
    done: (s) => trustedProviders(s).length > 0 && vmsOfProviderType(s, 'standard').length > 0
  },
  {
    id: 'kdkOnHosts',
    title: { en: 'A Native Key Provider: its KDK on every host', de: 'Ein Native Key Provider: sein KDK auf jedem Host' },
    hint: {
      en: 'vCenter & providers → Add key provider with type native (tick “TPM-protected hosts only”). No KMS server: vCenter generates the Key Derivation Key itself and pushes it to every host, which seals it with its TPM.',
      de: 'vCenter & Anbieter → Schlüsselanbieter hinzufügen mit Typ „native“ („nur TPM-geschützte Hosts“ ankreuzen). Kein KMS-Server: vCenter erzeugt den Schlüsselableitungsschlüssel selbst und überträgt ihn an jeden Host, der ihn mit seinem TPM versiegelt.'
    },
    ops: ['provider.add'],
    done: (s) =>
      vmsOfProviderType(s, 'standard').length > 0 &&
      // read from the pushes, not the memory: a rebooted host is without its KDK for a moment until it unseals it
      nativeProviders(s).some(
        (p) =>
          hosts(s).length > 0 &&
          hosts(s).every((h) => h.kdkProviders.includes(p.name) || happened(s, 'nkp.kdk.pushed', { host: h.name, provider: p.name }))
      )
  },
  {
    id: 'backupFirst',
    title: { en: 'Back it up before it can be used', de: 'Erst sichern, dann verwenden' },
    hint: {
      en: 'vCenter & providers → Make default provider for the native one, then try VM → Create VM encrypted: refused. vCenter & providers → Back up key provider with a password: the PKCS#12 file holds the KDK — the only way back if vCenter is lost.',
      de: 'vCenter & Anbieter → Als Standardanbieter festlegen für den nativen, dann VM → VM anlegen verschlüsselt versuchen: abgelehnt. vCenter & Anbieter → Schlüsselanbieter sichern mit Kennwort: Die PKCS#12-Datei enthält den KDK – der einzige Weg zurück, wenn vCenter verloren geht.'
    },
    ops: ['provider.setDefault', 'vm.create', 'provider.backup'],
    done: (s) => {
      const refused = indexOfRefusal(s, 'fault.nkp.notBackedUp')
      return refused !== -1 && happened(s, 'nkp.backup', {}, refused) && nativeProviders(s).some((p) => p.hasBackup)
    }
  },
  {
    id: 'nativeVm',
    title: { en: 'A VM encrypted with no KMS at all', de: 'Eine VM, verschlüsselt ganz ohne KMS' },
    hint: {
      en: 'VM → Create VM encrypted on the same host as the first one. vCenter only names the KEK; each host derives it from its KDK. Look for KMIP in the timeline: there is none.',
      de: 'VM → VM anlegen, verschlüsselt, auf demselben Host wie die erste. vCenter benennt den KEK nur; jeder Host leitet ihn aus seinem KDK ab. Suchen Sie KMIP in der Zeitleiste: Es gibt keines.'
    },
    ops: ['vm.create'],
    done: (s) =>
      indexOfRefusal(s, 'fault.nkp.notBackedUp') !== -1 &&
      sideBySide(s).some(({ native }) => isEncrypted(s, native) && happened(s, 'nkp.derive.kek', { vm: native.name }))
  },
  {
    id: 'rebootWithoutVcenter',
    title: { en: 'vCenter down, host rebooted: only the standard VM locks', de: 'vCenter aus, Host neu gestartet: Nur die Standard-VM sperrt' },
    hint: {
      en: 'vCenter & providers → Stop vCenter, then Host → Reboot host. The host unseals its KDK and derives the native VM’s KEK again; the standard VM’s KEK only vCenter could bring back. Then VM → Power on both.',
      de: 'vCenter & Anbieter → vCenter stoppen, dann Host → Host neu starten. Der Host entsiegelt seinen KDK und leitet den KEK der nativen VM erneut ab; den KEK der Standard-VM könnte nur vCenter zurückbringen. Dann VM → Einschalten, beide.'
    },
    ops: ['vcenter.stop', 'host.reboot', 'vm.powerOn'],
    done: (s) =>
      sideBySide(s).some(
        ({ host, standard, native }) =>
          happened(s, 'host.vcenterUnreachable.native', { host }) &&
          standard.cryptoState === 'locked' &&
          native.cryptoState === 'unlocked' &&
          native.power === 'poweredOn' &&
          indexOfRefusal(s, 'fault.vmLocked', lastIndexOfEvent(s, 'host.restart', { host })) !== -1
      )
  }
]

/** Every built-in lesson's objectives, by lesson id (shared/scenarios/index.ts). */
export const lessonObjectives: Record<string, readonly Objective[]> = {
  'first-encrypted-vm': firstEncryptedVm,
  'host-reboot': hostReboot,
  'kms-outage': kmsOutage,
  'crash-core-dump': crashCoreDump,
  'encrypted-vmotion': encryptedVmotion,
  'shallow-vs-deep-rekey': shallowVsDeepRekey,
  'attackers-view': attackersView,
  'certificate-expiry': certificateExpiry,
  'per-disk-encryption': perDiskEncryption,
  vtpm,
  'vmotion-settings': vmotionSettings,
  'crypto-roles': cryptoRoles,
  'support-bundle': supportBundle,
  'standard-vs-native': standardVsNative
}

const NONE: readonly Objective[] = []

export function objectivesOf(lessonId: string): readonly Objective[] {
  return Object.prototype.hasOwnProperty.call(lessonObjectives, lessonId) ? lessonObjectives[lessonId] : NONE
}

/** Which objectives are done in this state, in the list's order. */
export function evaluateObjectives(objectives: readonly Objective[], state: LessonState): boolean[] {
  return objectives.map((o) => o.done(state))
}
