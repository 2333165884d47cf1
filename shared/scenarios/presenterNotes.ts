// Speaker notes for presenting each built-in lesson (product §5, presenter mode): what to say and what to point at.
// A note belongs to one objective and is shown beside it, so the presenter reads it when the class reaches that
// point; a note without an objective opens the lesson. They describe only what the window really shows.

import type { LocalText } from './objectives'

export interface PresenterNote {
  /** The objective it belongs to (its id in objectives.ts); null: before the first one. */
  objective: string | null
  text: LocalText
}

export const presenterNotes: Record<string, readonly PresenterNote[]> = {
  'first-encrypted-vm': [
    {
      objective: null,
      text: {
        en: 'Say: every key you will see is real — real X.509 certificates, real KMIP bytes, real XTS-AES on the disk. Point at the empty lab: no key exists anywhere yet.',
        de: 'Sagen Sie: Jeder Schlüssel hier ist echt — echte X.509-Zertifikate, echte KMIP-Bytes, echtes XTS-AES auf der Platte. Zeigen Sie auf das leere Labor: Noch gibt es nirgends einen Schlüssel.'
      }
    },
    {
      objective: 'trust',
      text: {
        en: 'Point at the KMIP line between vCenter and the KMS: it shows a lock only once both sides trust each other. Ask the room: who has to trust whom?',
        de: 'Zeigen Sie auf die KMIP-Linie zwischen vCenter und KMS: Sie zeigt erst ein Schloss, wenn beide Seiten einander vertrauen. Fragen Sie: Wer muss wem vertrauen?'
      }
    },
    {
      objective: 'hostsSafe',
      text: {
        en: 'Watch each host turn safe: its host key comes from the KMS through vCenter into the host’s memory — not onto its disk.',
        de: 'Beobachten Sie, wie jeder Host sicher wird: Sein Host-Schlüssel kommt vom KMS über vCenter in den Speicher des Hosts — nicht auf seine Platte.'
      }
    },
    {
      objective: 'encrypted',
      text: {
        en: 'Follow the orange KEK token: KMS → vCenter → hosts. Open vCenter: it keeps only the key ID. The DEK is made on the host and leaves it only wrapped.',
        de: 'Folgen Sie dem orangefarbenen KEK: KMS → vCenter → Hosts. Öffnen Sie vCenter: Es behält nur die Schlüssel-ID. Der DEK entsteht auf dem Host und verlässt ihn nur umhüllt.'
      }
    },
    {
      objective: 'diskCiphertext',
      text: {
        en: 'Open the VM and show its disk beside the clear one it replaced. Say: a stolen datastore shows only this.',
        de: 'Öffnen Sie die VM und zeigen Sie ihre Platte neben der Klartext-Platte, die sie ersetzt hat. Sagen Sie: Ein gestohlener Datenspeicher zeigt nur das.'
      }
    },
    {
      objective: 'poweredOn',
      text: {
        en: 'Point out that power-on asks nobody: the KEK is already cached on the host.',
        de: 'Betonen Sie: Das Einschalten fragt niemanden — der KEK liegt schon im Cache des Hosts.'
      }
    }
  ],
  'host-reboot': [
    {
      objective: null,
      text: {
        en: 'Ask first: after a reboot, where does the host get its keys from? Many will say “from its disk”.',
        de: 'Fragen Sie zuerst: Woher bekommt der Host nach einem Neustart seine Schlüssel? Viele antworten „von seiner Platte“.'
      }
    },
    {
      objective: 'reboot',
      text: {
        en: 'Step to the reboot event and click the host: the key cache is empty. Without key persistence nothing on the host’s disk holds a key.',
        de: 'Gehen Sie zum Neustart-Ereignis und klicken Sie den Host an: Der Schlüssel-Cache ist leer. Ohne Schlüsselpersistenz liegt auf der Platte des Hosts kein Schlüssel.'
      }
    },
    {
      objective: 'keysBack',
      text: {
        en: 'Follow the KMIP Get messages: vCenter looks up the key IDs in its database and asks the KMS. Only vCenter knows which keys a host needs.',
        de: 'Folgen Sie den KMIP-Get-Nachrichten: vCenter schlägt die Schlüssel-IDs in seiner Datenbank nach und fragt den KMS. Nur vCenter weiß, welche Schlüssel ein Host braucht.'
      }
    },
    {
      objective: 'poweredOnAgain',
      text: {
        en: 'Conclude: the KMS has to be reachable whenever a host boots — the next lesson shows what happens when it is not.',
        de: 'Fazit: Der KMS muss erreichbar sein, wann immer ein Host startet — die nächste Lektion zeigt, was passiert, wenn nicht.'
      }
    }
  ],
  'kms-outage': [
    {
      objective: null,
      text: {
        en: 'Say: a KMS outage is silent at first. Keep the running VM in view.',
        de: 'Sagen Sie: Ein KMS-Ausfall ist zunächst still. Behalten Sie die laufende VM im Blick.'
      }
    },
    {
      objective: 'kmsStopped',
      text: {
        en: 'Point at the VM still running: its keys are in the host’s memory; the KMS is needed only to fetch them again.',
        de: 'Zeigen Sie auf die weiterlaufende VM: Ihre Schlüssel liegen im Speicher des Hosts; den KMS braucht es nur, um sie erneut zu holen.'
      }
    },
    {
      objective: 'locked',
      text: {
        en: 'Point at the refused connection to the KMS and the VM’s locked badge. Say: this is why a key provider should have more than one KMS server.',
        de: 'Zeigen Sie auf die abgelehnte Verbindung zum KMS und das Gesperrt-Kennzeichen der VM. Sagen Sie: Deshalb sollte ein Schlüsselanbieter mehr als einen KMS-Server haben.'
      }
    },
    {
      objective: 'unlocked',
      text: {
        en: 'Show vCenter fetching the same key IDs again: nothing was lost, the keys were only out of reach.',
        de: 'Zeigen Sie, wie vCenter dieselben Schlüssel-IDs erneut holt: Nichts ging verloren, die Schlüssel waren nur unerreichbar.'
      }
    }
  ],
  'crash-core-dump': [
    {
      objective: null,
      text: {
        en: 'Say: a purple screen dumps the host’s memory — and that memory holds every key the host is using.',
        de: 'Sagen Sie: Ein PSOD schreibt den Speicher des Hosts weg — und dieser Speicher enthält jeden Schlüssel, den der Host gerade nutzt.'
      }
    },
    {
      objective: 'encryptedDump',
      text: {
        en: 'Open the dump: the header is clear text, the rest is an envelope. Point at keyID: the host key wraps the one-time key.',
        de: 'Öffnen Sie den Dump: Der Kopf ist Klartext, der Rest ein Umschlag. Zeigen Sie auf keyID: Der Host-Schlüssel umhüllt den Einmalschlüssel.'
      }
    },
    {
      objective: 'extract',
      text: {
        en: 'Show the extract output: the key cache in clear, the VM’s KEK and DEK included. Say: whoever has the dump and the host key has the VM keys — think before sending a dump to support.',
        de: 'Zeigen Sie die Ausgabe von extract: den Schlüssel-Cache im Klartext, samt KEK und DEK der VM. Sagen Sie: Wer Dump und Host-Schlüssel hat, hat die VM-Schlüssel — überlegen Sie, bevor Sie einen Dump an den Support schicken.'
      }
    },
    {
      objective: 'rewrapped',
      text: {
        en: 'Point out that only the wrapping changed: after the host key change the old dump opens with the new host key.',
        de: 'Betonen Sie, dass sich nur die Umhüllung geändert hat: Nach dem Wechsel öffnet sich der alte Dump mit dem neuen Host-Schlüssel.'
      }
    }
  ],
  'encrypted-vmotion': [
    {
      objective: null,
      text: {
        en: 'Ask: a running VM’s memory holds its data decrypted — what protects it on the vMotion network?',
        de: 'Fragen Sie: Der Speicher einer laufenden VM enthält ihre Daten entschlüsselt — was schützt ihn im vMotion-Netz?'
      }
    },
    {
      objective: 'oneTimeKey',
      text: {
        en: 'Point at the pink one-time key: vCenter makes it, not the KMS, and no database keeps it.',
        de: 'Zeigen Sie auf den rosa Einmalschlüssel: vCenter erzeugt ihn, nicht der KMS, und keine Datenbank behält ihn.'
      }
    },
    {
      objective: 'stream',
      text: {
        en: 'Open the vMotion event: the memory travels sealed with AES-256-GCM under the one-time key and nonce.',
        de: 'Öffnen Sie das vMotion-Ereignis: Der Speicher reist mit AES-256-GCM versiegelt, unter Einmalschlüssel und Nonce.'
      }
    },
    {
      objective: 'arrived',
      text: {
        en: 'Click both hosts: the DEK moved with the VM, and the one-time key is gone everywhere.',
        de: 'Klicken Sie beide Hosts an: Der DEK ist mit der VM umgezogen, der Einmalschlüssel überall verschwunden.'
      }
    }
  ],
  'shallow-vs-deep-rekey': [
    {
      objective: null,
      text: {
        en: 'Say: rekeying answers “a key may have leaked” — but which key?',
        de: 'Sagen Sie: Neuverschlüsseln beantwortet „ein Schlüssel könnte abgeflossen sein“ — aber welcher?'
      }
    },
    {
      objective: 'shallow',
      text: {
        en: 'Pin the disk before the shallow rekey and compare after it: not one byte changed, only the key safe in the .vmx. Fast — but a leaked DEK stays valid.',
        de: 'Heften Sie die Platte vor der flachen Neuverschlüsselung an und vergleichen Sie danach: kein Byte anders, nur der Schlüsselsafe in der .vmx. Schnell — aber ein abgeflossener DEK bleibt gültig.'
      }
    },
    {
      objective: 'deep',
      text: {
        en: 'Compare again after the deep rekey: a new disk file, every byte different. It needs the VM powered off — and a leaked DEK is worthless afterwards.',
        de: 'Vergleichen Sie nach der tiefen Neuverschlüsselung erneut: eine neue Plattendatei, jedes Byte anders. Die VM muss dafür aus sein — und ein abgeflossener DEK ist danach wertlos.'
      }
    }
  ],
  'attackers-view': [
    {
      objective: null,
      text: {
        en: 'Play the attacker: for everything one could steal, ask the room what it reveals.',
        de: 'Spielen Sie den Angreifer: Fragen Sie für alles, was man stehlen könnte, was es verrät.'
      }
    },
    {
      objective: 'vcenterDb',
      text: {
        en: 'Open vCenter: key IDs only in its database. Then ask: what else does vCenter keep? Its certificate store holds the private key of its KMIP client certificate, and only vCenter can log in to the KMS. A thief with the database and the certificate store can act as vCenter and fetch every KEK — protect vCenter like the KMS.',
        de: 'Öffnen Sie vCenter: In seiner Datenbank nur Schlüssel-IDs. Fragen Sie dann: Was bewahrt vCenter noch auf? Sein Zertifikatsspeicher hält den privaten Schlüssel seines KMIP-Client-Zertifikats, und nur vCenter kann sich am KMS anmelden. Wer Datenbank und Zertifikatsspeicher stiehlt, kann sich als vCenter ausgeben und jeden KEK abrufen — schützen Sie vCenter wie den KMS.'
      }
    },
    {
      objective: 'datastore',
      text: {
        en: 'Put the two disks side by side: ciphertext against the same secret in clear.',
        de: 'Stellen Sie die beiden Platten nebeneinander: Chiffretext gegen dasselbe Geheimnis im Klartext.'
      }
    },
    {
      objective: 'dumps',
      text: {
        en: 'Open both dumps: an envelope against a memory image in clear. Say: the keys live in the running hosts’ memory — which is why their dumps must be encrypted.',
        de: 'Öffnen Sie beide Dumps: ein Umschlag gegen ein Speicherabbild im Klartext. Sagen Sie: Die Schlüssel leben im Speicher der laufenden Hosts — deshalb müssen ihre Dumps verschlüsselt sein.'
      }
    },
    {
      objective: 'stolenHost',
      text: {
        en: 'Open the rebooted host: an empty key cache. Ask: what would key persistence change for a thief who takes the whole server, TPM included?',
        de: 'Öffnen Sie den neu gestarteten Host: ein leerer Schlüssel-Cache. Fragen Sie: Was würde Schlüsselpersistenz für einen Dieb ändern, der den ganzen Server samt TPM mitnimmt?'
      }
    }
  ],
  'certificate-expiry': [
    {
      objective: null,
      text: {
        en: 'Say: the certificate the KMS issues to vCenter lives one year, and vCenter only notices when it next talks to the KMS.',
        de: 'Sagen Sie: Das Zertifikat, das der KMS vCenter ausstellt, gilt ein Jahr, und vCenter merkt es erst beim nächsten Gespräch mit dem KMS.'
      }
    },
    {
      objective: 'expired',
      text: {
        en: 'Point at the new lab date: nothing broke. Ask: when will anyone notice?',
        de: 'Zeigen Sie auf das neue Labordatum: Nichts ist kaputt. Fragen Sie: Wann merkt es jemand?'
      }
    },
    {
      objective: 'refused',
      text: {
        en: 'Open the failed TLS handshake: the KMS rejects the expired client certificate, and a VM that did nothing wrong is locked.',
        de: 'Öffnen Sie den gescheiterten TLS-Handshake: Der KMS lehnt das abgelaufene Client-Zertifikat ab, und eine VM, die nichts falsch gemacht hat, ist gesperrt.'
      }
    },
    {
      objective: 'renewed',
      text: {
        en: 'Renew the trust and point at the new end date. Say: track certificate expiry dates before they track you.',
        de: 'Erneuern Sie das Vertrauen und zeigen Sie auf das neue Ablaufdatum. Sagen Sie: Behalten Sie Ablaufdaten im Blick, bevor sie Sie einholen.'
      }
    }
  ],
  'per-disk-encryption': [
    {
      objective: null,
      text: {
        en: 'Say: the vSphere Client applies a storage policy — to the VM home and to each disk on its own. One KEK from the KMS, but many internal keys made on the host.',
        de: 'Sagen Sie: Der vSphere Client wendet eine Speicherrichtlinie an — auf das VM-Home und auf jede Platte einzeln. Ein KEK vom KMS, aber viele interne Schlüssel, auf dem Host erzeugt.'
      }
    },
    {
      objective: 'homeOnly',
      text: {
        en: 'Open the VM: the .vmx has an encryption.bundle, the disk’s descriptor has no encryptionKeys and its data is still readable.',
        de: 'Öffnen Sie die VM: Die .vmx hat ein encryption.bundle, der Deskriptor der Platte hat keine encryptionKeys, und ihre Daten sind noch lesbar.'
      }
    },
    {
      objective: 'ownKeys',
      text: {
        en: 'Put the bundle line and the disk’s encryptionKeys line side by side: the same KEK ID, different locked data. Mention the lab’s simplification shown in the inspector note.',
        de: 'Stellen Sie die Bundle-Zeile und die encryptionKeys-Zeile der Platte nebeneinander: dieselbe KEK-ID, verschiedene verschlossene Daten. Erwähnen Sie die Vereinfachung des Labors aus dem Hinweis im Inspektor.'
      }
    },
    {
      objective: 'mismatch',
      text: {
        en: 'Read the refusal aloud. Ask: why would an encrypted disk inside a clear VM be a problem? (Its key safe would have nowhere trusted to live.)',
        de: 'Lesen Sie die Ablehnung vor. Fragen Sie: Warum wäre eine verschlüsselte Platte in einer Klartext-VM ein Problem? (Ihr Schlüsselsafe hätte keinen vertrauenswürdigen Ort.)'
      }
    }
  ],
  vtpm: [
    {
      objective: null,
      text: {
        en: 'Say: a vTPM needs no physical TPM on the host, but it needs a key provider — its secrets live in the NVRAM file.',
        de: 'Sagen Sie: Ein vTPM braucht kein physisches TPM im Host, aber einen Schlüsselanbieter — seine Geheimnisse liegen in der NVRAM-Datei.'
      }
    },
    {
      objective: 'vtpmAdded',
      text: {
        en: 'Open the VM: vtpm.present in the .vmx, an encryption.bundle, and a disk still in clear. Say: add encryption for the disks explicitly if you want it.',
        de: 'Öffnen Sie die VM: vtpm.present in der .vmx, ein encryption.bundle und eine Platte noch im Klartext. Sagen Sie: Wer die Platten verschlüsselt haben will, muss das ausdrücklich tun.'
      }
    },
    {
      objective: 'cloneReplace',
      text: {
        en: 'Ask: what happens if two VMs share one TPM identity? Then show that Replace gives the clone its own.',
        de: 'Fragen Sie: Was passiert, wenn zwei VMs dieselbe TPM-Identität teilen? Zeigen Sie dann, dass „Ersetzen“ dem Klon eine eigene gibt.'
      }
    }
  ],
  'standard-vs-native': [
    {
      objective: null,
      text: {
        en: 'Ask the room before you start: where does a VM’s key come from, and who must be up for a host to get it back after a reboot? Keep the answers on the board.',
        de: 'Fragen Sie vor dem Start: Woher kommt der Schlüssel einer VM, und wer muss laufen, damit ein Host ihn nach einem Neustart zurückbekommt? Halten Sie die Antworten fest.'
      }
    },
    {
      objective: 'kdkOnHosts',
      text: {
        en: 'Point at the KDK tokens: one key, from vCenter to every host, once. Open vCenter: the KDK sits in its protected store, not beside the key IDs. Say: no KMS, no KMIP — and still real keys.',
        de: 'Zeigen Sie auf die KDK-Tokens: ein Schlüssel, von vCenter an jeden Host, einmal. Öffnen Sie vCenter: Der KDK liegt im geschützten Speicher, nicht bei den Schlüssel-IDs. Sagen Sie: kein KMS, kein KMIP – und trotzdem echte Schlüssel.'
      }
    },
    {
      objective: 'backupFirst',
      text: {
        en: 'Read the refusal aloud. Ask: what would you lose without the backup if vCenter died? (The KDK — and with it every key derived from it.) The backup protects against losing vCenter, nothing else.',
        de: 'Lesen Sie die Ablehnung vor. Fragen Sie: Was verlöre man ohne Sicherung, wenn vCenter stirbt? (Den KDK – und damit jeden daraus abgeleiteten Schlüssel.) Die Sicherung schützt vor dem Verlust von vCenter, vor nichts anderem.'
      }
    },
    {
      objective: 'nativeVm',
      text: {
        en: 'Filter the timeline to KMIP: nothing since the backup. Ask: what is the KMS still needed for with a Native Key Provider? (Nothing.)',
        de: 'Filtern Sie die Zeitleiste auf KMIP: nichts seit der Sicherung. Fragen Sie: Wofür braucht man mit einem Native Key Provider noch den KMS? (Für nichts.)'
      }
    },
    {
      objective: 'rebootWithoutVcenter',
      text: {
        en: 'Compare the two VMs on the same host: the standard one is locked, waiting for vCenter and the KMS; the native one boots. Say: that is why a Native Key Provider needs no key persistence — and why the KDK on the host must be protected (TPM).',
        de: 'Vergleichen Sie die beiden VMs auf demselben Host: Die Standard-VM ist gesperrt und wartet auf vCenter und den KMS; die native startet. Sagen Sie: Darum braucht ein Native Key Provider keine Schlüsselpersistenz – und darum muss der KDK auf dem Host geschützt sein (TPM).'
      }
    }
  ],
  'vmotion-settings': [
    {
      objective: null,
      text: {
        en: 'Say: the default for unencrypted VMs is Opportunistic; every host here runs ESXi 6.5 or later, so it always encrypts.',
        de: 'Sagen Sie: Standard für unverschlüsselte VMs ist „Opportunistisch“; jeder Host hier läuft mit ESXi 6.5 oder neuer, also wird immer verschlüsselt.'
      }
    },
    {
      objective: 'plainVmotion',
      text: {
        en: 'Open the vMotion event and read the guest’s data in the bytes. Say: this is what anyone on the vMotion network sees.',
        de: 'Öffnen Sie das vMotion-Ereignis und lesen Sie die Daten des Gasts in den Bytes. Sagen Sie: Das sieht jeder im vMotion-Netz.'
      }
    },
    {
      objective: 'locked',
      text: {
        en: 'Point out the VM now shows Required, and it stays Required even after a decrypt until someone changes it.',
        de: 'Zeigen Sie, dass die VM jetzt „Erforderlich“ zeigt; das bleibt auch nach dem Entschlüsseln so, bis jemand es ändert.'
      }
    },
    {
      objective: 'encryptedFt',
      text: {
        en: 'Open the VM: Encrypted Fault Tolerance shows Required, and the secondary host holds the same KEK, since it runs the same encrypted files. Say: every lab host runs ESXi 7.0 Update 2 or later, so encrypted FT is always possible here; with an older host, Required would refuse FT.',
        de: 'Öffnen Sie die VM: Verschlüsselte Fault Tolerance zeigt „Erforderlich“, und der sekundäre Host hält denselben KEK, weil er dieselben verschlüsselten Dateien ausführt. Sagen Sie: Jeder Laborhost läuft mit ESXi 7.0 Update 2 oder neuer, verschlüsselte FT ist hier also immer möglich; mit einem älteren Host würde „Erforderlich“ FT ablehnen.'
      }
    }
  ],
  'crypto-roles': [
    {
      objective: null,
      text: {
        en: 'Say: separation of duties — those who run VMs need not be those who hold keys. vSphere ships the No cryptography administrator role for that.',
        de: 'Sagen Sie: Aufgabentrennung — wer VMs betreibt, muss nicht die Schlüssel verwalten. Dafür bringt vSphere die Rolle Kein Kryptografieadministrator mit.'
      }
    },
    {
      objective: 'powerOn',
      text: {
        en: 'Point at the host’s key cache: the KEK was already there, so power-on asked no privilege.',
        de: 'Zeigen Sie auf den Schlüssel-Cache des Hosts: Der KEK war schon da, das Einschalten brauchte kein Recht.'
      }
    },
    {
      objective: 'refused',
      text: {
        en: 'Read the refusal: the fault names the user and the privilege, Cryptographer.Decrypt. Mention that ESXi Shell users still hold cryptographic privileges.',
        de: 'Lesen Sie die Ablehnung: Der Fehler nennt Benutzer und Recht, Cryptographer.Decrypt. Erwähnen Sie, dass Benutzer der ESXi Shell weiterhin kryptografische Rechte haben.'
      }
    }
  ],
  'support-bundle': [
    {
      objective: null,
      text: {
        en: 'Say: after a crash, get the support bundle quickly — the host key must still be in the cache, and it may change after a reboot.',
        de: 'Sagen Sie: Holen Sie nach einem Absturz das Support-Bundle schnell — der Host-Schlüssel muss noch im Cache sein und kann sich nach einem Neustart ändern.'
      }
    },
    {
      objective: 'describe',
      text: {
        en: 'Show the keyID line: describe needs no key, it reads the envelope’s clear header.',
        de: 'Zeigen Sie die keyID-Zeile: describe braucht keinen Schlüssel, es liest den Klartext-Kopf des Umschlags.'
      }
    },
    {
      objective: 'vmSupport',
      text: {
        en: 'Open the bundle’s dump: its keyID is now the incident key. Say: the password goes to support by another channel and is stored nowhere.',
        de: 'Öffnen Sie den Dump des Bundles: Seine keyID ist jetzt der Incident-Schlüssel. Sagen Sie: Das Kennwort geht auf einem anderen Weg an den Support und wird nirgends gespeichert.'
      }
    },
    {
      objective: 'supportOpens',
      text: {
        en: 'Point at the VM keys inside the dump. Say: after support has decrypted a dump, change the host key and recrypt the VMs.',
        de: 'Zeigen Sie auf die VM-Schlüssel im Dump. Sagen Sie: Hat der Support einen Dump entschlüsselt, wechseln Sie den Host-Schlüssel und verschlüsseln Sie die VMs neu.'
      }
    }
  ]
}

const NONE: readonly PresenterNote[] = []

export function notesOf(lessonId: string): readonly PresenterNote[] {
  return Object.prototype.hasOwnProperty.call(presenterNotes, lessonId) ? presenterNotes[lessonId] : NONE
}
