// Every sentence the lab says (its narration), in English and German. Events and faults carry an id and parameters;
// the window renders them in the chosen language, the command line in English. Placeholders, counts and numbers: the
// syntax of ./message.ts ({name}, {n, number}, {n, plural, one {…} other {…}}).

import type { Language } from './message'

export type { Language }

/** One sentence: an entry without its German (or English) form does not compile. */
type Entry = Readonly<Record<Language, string>>

export const narration = {
  // Faults (refused commands)
  'fault.event': { en: 'Refused ({fault}): {reason}', de: 'Abgelehnt (Fehlercode {fault}): {reason}' },
  'fault.invalidCommand': { en: 'Not a valid command: {reason} (at {place}).', de: 'Kein gültiger Befehl: {reason} (bei {place}).' },
  'fault.notFound': { en: 'There is no {kind} named {name}.', de: 'Es gibt kein Objekt vom Typ {kind} namens {name}.' },
  'fault.alreadyExists': { en: '{name} already exists.', de: '{name} existiert bereits.' },
  'fault.vcenterDown': {
    en: 'vCenter Server is not running: nothing that needs vCenter can be done until it is back.',
    de: 'vCenter Server läuft nicht: Alles, was vCenter braucht, geht erst wieder, wenn er zurück ist.'
  },
  'fault.vcenter.alreadyStopped': { en: 'vCenter Server is already stopped.', de: 'vCenter Server ist bereits gestoppt.' },
  'fault.vcenter.alreadyRunning': { en: 'vCenter Server is already running.', de: 'vCenter Server läuft bereits.' },
  'fault.noDefaultProvider': {
    en: 'There is no default key provider: add a key provider in vCenter first (the first one becomes the default).',
    de: 'Es gibt keinen Standard-Schlüsselanbieter: Legen Sie zuerst einen Schlüsselanbieter in vCenter an (der erste wird Standard).'
  },
  'fault.providerNotFound': { en: 'vCenter has no key provider named {provider}.', de: 'vCenter kennt keinen Schlüsselanbieter namens {provider}.' },
  'fault.providerExists': { en: 'vCenter already has a key provider named {provider}.', de: 'vCenter hat bereits einen Schlüsselanbieter namens {provider}.' },
  'fault.providerAlreadyDefault': { en: '{provider} is already the default key provider.', de: '{provider} ist bereits der Standard-Schlüsselanbieter.' },
  'fault.providerNoServers': {
    en: 'Key provider {provider} has no KMS server: add one with “Add KMS server” first.',
    de: 'Schlüsselanbieter {provider} hat keinen KMS-Server: Fügen Sie zuerst einen hinzu („KMS-Server hinzufügen“).'
  },
  'fault.providerExternalTrust': {
    en: 'Key provider {provider} uses a real KMIP server: its trust comes from the certificates given when the KMS server was added, not from a lab trust mode.',
    de: 'Schlüsselanbieter {provider} nutzt einen echten KMIP-Server: Das Vertrauen kommt aus den Zertifikaten, die beim Hinzufügen des KMS-Servers angegeben wurden, nicht aus einem Labor-Vertrauensmodus.'
  },
  'fault.kmsProviderMismatch': {
    en: 'Key provider {provider} mixes built-in and external KMS servers; all servers of one provider replicate the same keys.',
    de: 'Schlüsselanbieter {provider} mischt eingebaute und externe KMS-Server; alle Server eines Anbieters replizieren dieselben Schlüssel.'
  },
  'fault.kmsUnreachable': {
    en: 'vCenter could not reach any KMS of key provider {provider}: {reasons}',
    de: 'vCenter hat keinen KMS des Schlüsselanbieters {provider} erreicht: {reasons}'
  },
  'fault.kmsNoneRunning': { en: 'No KMS server of key provider {provider} is running.', de: 'Kein KMS-Server des Schlüsselanbieters {provider} läuft.' },
  'fault.kms.alreadyRunning': { en: 'KMS {kms} is already running.', de: 'KMS {kms} läuft bereits.' },
  'fault.kms.alreadyStopped': { en: 'KMS {kms} is already stopped.', de: 'KMS {kms} ist bereits gestoppt.' },
  'fault.kms.external': {
    en: '{kms} is a real KMIP server outside the lab: start and stop it where it runs.',
    de: '{kms} ist ein echter KMIP-Server außerhalb des Labors: Starten und stoppen Sie ihn dort, wo er läuft.'
  },
  'fault.kms.keyUnknown': { en: 'No built-in KMS holds a key with ID {keyId}.', de: 'Kein eingebauter KMS hat einen Schlüssel mit der ID {keyId}.' },
  'fault.kms.adminRefused': {
    en: '{kms} refused {operation} on {keyId}: {reason}. {explanation}',
    de: '{kms} lehnt die KMIP-Operation {operation} für {keyId} ab: {reason}. {explanation}'
  },
  'fault.kmip': { en: '{kms} refused {operation}: {reason}. {explanation}', de: '{kms} lehnt die KMIP-Operation {operation} ab: {reason}. {explanation}' },
  'fault.kmip.unreadable': {
    en: '{kms} answered {operation} in a way vCenter cannot read. vCenter’s KMIP client reports: “{message}”',
    de: '{kms} hat auf {operation} so geantwortet, dass vCenter die Antwort nicht lesen kann. Meldung von vCenters KMIP-Client (englisch): „{message}“'
  },
  'fault.keyMissingInKms': {
    en: 'Key provider {provider} does not deliver key {keyId}: {reason}. {explanation}',
    de: 'Schlüsselanbieter {provider} liefert den Schlüssel {keyId} nicht: {reason}. {explanation}'
  },
  // Why a KMS refused (../lab/services/kmsRefusal.ts): the lab's own KMS explained, any other server quoted
  'kms.refusal.quoted': { en: 'The server said: “{message}”', de: 'Meldung des Servers (englisch): „{message}“' },
  'kms.refusal.noMessage': { en: 'The server gave no further reason.', de: 'Einen weiteren Grund nennt der Server nicht.' },
  'kms.refusal.noObject': { en: 'The KMS holds no object with this ID.', de: 'Der KMS hat kein Objekt mit dieser ID.' },
  'kms.refusal.destroyed': {
    en: 'The key was destroyed on the KMS: its key material no longer exists, only its attributes remain.',
    de: 'Der Schlüssel wurde auf dem KMS vernichtet: Sein Schlüsselmaterial gibt es nicht mehr, nur seine Attribute sind geblieben.'
  },
  'kms.refusal.otherOwner': {
    en: 'The object belongs to another KMIP client: the KMS serves it only to the client that created it.',
    de: 'Das Objekt gehört einem anderen KMIP-Client: Der KMS gibt es nur an den Client heraus, der es angelegt hat.'
  },
  'kms.refusal.activateNotPreActive': {
    en: 'Only a key that is not yet activated (Pre-Active) can be activated; this one is {state}.',
    de: 'Aktivieren lässt sich nur ein Schlüssel, der noch nicht aktiviert ist (Pre-Active); dieser ist {state}.'
  },
  'kms.refusal.revokeNotActive': {
    en: 'Only an active key can be revoked (unless it was compromised); this one is {state}.',
    de: 'Widerrufen lässt sich nur ein aktiver Schlüssel (außer bei einer Kompromittierung); dieser ist {state}.'
  },
  'kms.refusal.destroyActive': {
    en: 'An active key must be revoked before it can be destroyed.',
    de: 'Ein aktiver Schlüssel muss erst widerrufen werden, bevor er sich vernichten lässt.'
  },
  'kms.refusal.alreadyDestroyed': { en: 'The key is already destroyed.', de: 'Der Schlüssel ist bereits vernichtet.' },
  'kms.refusal.reason.ItemNotFound': { en: 'The KMS holds no object that fits the request.', de: 'Der KMS hat kein Objekt, das zur Anfrage passt.' },
  'kms.refusal.reason.PermissionDenied': { en: 'The KMS does not allow this client to do that.', de: 'Der KMS erlaubt diesem Client das nicht.' },
  'kms.refusal.reason.IllegalOperation': {
    en: 'The KMS does not allow the operation on the object as it is now.',
    de: 'Der KMS lässt die Operation am Objekt in seinem jetzigen Zustand nicht zu.'
  },
  'kms.refusal.reason.InvalidMessage': { en: 'The KMS could not read the request as a valid KMIP message.', de: 'Der KMS konnte die Anfrage nicht als gültige KMIP-Nachricht lesen.' },
  'kms.refusal.reason.MissingData': {
    en: 'The request lacks something the KMS needs for this operation.',
    de: 'In der Anfrage fehlt eine Angabe, die der KMS für diese Operation braucht.'
  },
  'kms.refusal.reason.InvalidField': { en: 'A field of the request has a value the KMS does not accept.', de: 'Ein Feld der Anfrage hat einen Wert, den der KMS nicht annimmt.' },
  'kms.refusal.reason.FeatureNotSupported': { en: 'The request uses a KMIP feature this KMS does not offer.', de: 'Die Anfrage nutzt eine KMIP-Funktion, die dieser KMS nicht anbietet.' },
  'kms.refusal.reason.OperationNotSupported': { en: 'This KMS does not offer the operation.', de: 'Dieser KMS bietet die Operation nicht an.' },
  'kms.refusal.reason.KeyFormatTypeNotSupported': { en: 'The KMS does not support the key format asked for.', de: 'Der KMS unterstützt das verlangte Schlüsselformat nicht.' },
  'kms.refusal.reason.KeyCompressionTypeNotSupported': {
    en: 'The KMS neither compresses keys nor accepts compressed ones.',
    de: 'Der KMS komprimiert keine Schlüssel und nimmt auch keine komprimierten an.'
  },
  'kms.refusal.reason.CryptographicFailure': { en: 'The KMS could not generate the key material.', de: 'Der KMS konnte das Schlüsselmaterial nicht erzeugen.' },
  'kms.refusal.reason.ResponseTooLarge': {
    en: 'The answer would be larger than the request allows, so the KMS did none of the work.',
    de: 'Die Antwort wäre größer, als die Anfrage zulässt; deshalb hat der KMS nichts davon ausgeführt.'
  },
  'kms.refusal.reason.IndexOutOfBounds': { en: 'The object has no attribute with this index.', de: 'Das Objekt hat kein Attribut mit diesem Index.' },
  'kms.refusal.reason.GeneralFailure': { en: 'An internal error occurred in the KMS.', de: 'Im KMS ist ein interner Fehler aufgetreten.' },
  'fault.keyNotActive': {
    en: 'Key {keyId} is {state} on the KMS; vCenter only uses Active keys.',
    de: 'Schlüssel {keyId} ist auf dem KMS {state}; vCenter verwendet nur aktive Schlüssel.'
  },
  'fault.hostIncapable': {
    en: '{host} is not crypto safe: a host accepts keys only in the prepared or safe state.',
    de: '{host} ist nicht krypto-sicher: Ein Host nimmt Schlüssel nur an, wenn er „vorbereitet“ oder „krypto-sicher“ ist.'
  },
  'vm.kek.notPushed.pendingIncapable': {
    en: 'vCenter gives {host} no copy of the KEK of {vm}: its encryption mode is off (pendingIncapable), so it takes no new keys, and {vm} cannot run there.',
    de: 'vCenter gibt {host} keine Kopie des KEK von {vm}: Sein Verschlüsselungsmodus ist aus (der Host wird zurückgesetzt), er nimmt keine neuen Schlüssel an, und {vm} kann dort nicht laufen.'
  },
  'fault.hostPendingIncapable': {
    en: '{host} is pendingIncapable (encryption turned off, reboot pending): no encrypted VMs can be created or moved there.',
    de: '{host} wird zurückgesetzt (Verschlüsselung ausgeschaltet, Neustart steht aus): Dort können keine verschlüsselten VMs angelegt oder hinbewegt werden.'
  },
  'fault.hostKeyNotInCache': {
    en: 'The host key of {host} is not in its key cache.',
    de: 'Der Host-Schlüssel von {host} ist nicht in seinem Schlüssel-Cache.'
  },
  'fault.hostNotSafe': { en: '{host} is {state}, not crypto safe: it has no host key to change.', de: '{host} ist {state}, nicht krypto-sicher: Es gibt keinen Host-Schlüssel zu wechseln.' },
  'fault.vmLocked': {
    en: '{vm} is locked: its key {keyId} (provider {provider}) is not available on its host (EncryptionKeyRequired). Restore access to the key, then unlock the VM.',
    de: '{vm} ist gesperrt: Sein Schlüssel {keyId} (Anbieter {provider}) ist auf seinem Host nicht verfügbar (EncryptionKeyRequired). Stellen Sie den Zugriff auf den Schlüssel wieder her und entsperren Sie dann die VM.'
  },
  'fault.mustBePoweredOff': {
    en: '{vm} must be powered off to {action}.',
    de: '{vm} muss ausgeschaltet sein, um {action}.'
  },
  'fault.hasSnapshots': {
    en: '{vm} has {count, plural, one {a snapshot} other {# snapshots}}: vSphere cannot {action} while it has snapshots (msg.hostd.configSpec.enc.snapshots). Delete {count, plural, one {the snapshot} other {the snapshots}} first.',
    de: '{vm} hat {count, plural, one {einen Snapshot} other {# Snapshots}}: Solange eine VM Snapshots hat, lässt vSphere nicht zu, {action} (msg.hostd.configSpec.enc.snapshots). Löschen Sie zuerst {count, plural, one {den Snapshot} other {die Snapshots}}.'
  },
  'fault.notEncrypted': { en: '{vm} is not encrypted.', de: '{vm} ist nicht verschlüsselt.' },
  'fault.alreadyEncrypted': { en: '{vm} is already encrypted; use “Rekey VM” to change its keys.', de: '{vm} ist bereits verschlüsselt; neue Schlüssel erhält sie mit „VM neu verschlüsseln“.' },
  'fault.nothingToEncrypt': { en: 'Nothing of {vm} is left to encrypt: its VM home and the disks asked for are encrypted already.', de: 'An {vm} gibt es nichts mehr zu verschlüsseln: VM-Home und die genannten Platten sind bereits verschlüsselt.' },
  'fault.nothingToDecrypt': { en: 'Nothing of {vm} is encrypted among the parts asked for.', de: 'Von den genannten Teilen von {vm} ist nichts verschlüsselt.' },
  'fault.noSuchDisk': { en: '{vm} has no disk {index} (its disks are numbered 0 to {last}).', de: '{vm} hat keine Platte {index} (ihre Platten sind von 0 bis {last} nummeriert).' },
  'fault.tooManyDisks': { en: '{vm} already has {max} disks, as many as the lab’s controller takes.', de: '{vm} hat bereits {max} Platten, so viele, wie der Controller des Labors aufnimmt.' },
  'fault.encryptedDiskOnPlainVm': {
    en: 'An encrypted disk cannot belong to an unencrypted VM: encrypt the VM home of {vm} first (msg.hostd.configSpec.enc.mismatch).',
    de: 'Eine verschlüsselte Platte kann nicht zu einer unverschlüsselten VM gehören: Verschlüsseln Sie zuerst das VM-Home von {vm} (msg.hostd.configSpec.enc.mismatch).'
  },
  'fault.decryptHomeWithEncryptedDisks': {
    en: 'The VM home of {vm} cannot be decrypted while {count, plural, one {an encrypted disk remains} other {# encrypted disks remain}} ({disks}): decrypt {count, plural, one {that disk} other {those disks}} first (msg.hostd.configSpec.enc.mismatch).',
    de: 'Das VM-Home von {vm} lässt sich nicht entschlüsseln, solange {count, plural, one {eine verschlüsselte Platte bleibt} other {# verschlüsselte Platten bleiben}} ({disks}): Entschlüsseln Sie zuerst {count, plural, one {diese Platte} other {diese Platten}} (msg.hostd.configSpec.enc.mismatch).'
  },
  'fault.decryptWithVtpm': {
    en: '{vm} has a virtual TPM, which needs its VM home encrypted: remove the vTPM before you decrypt (msg.vigor.enc.required.vtpm).',
    de: '{vm} hat ein virtuelles TPM, das ein verschlüsseltes VM-Home braucht: Entfernen Sie das vTPM, bevor Sie entschlüsseln (msg.vigor.enc.required.vtpm).'
  },
  'fault.vtpm.present': { en: '{vm} already has a virtual TPM.', de: '{vm} hat bereits ein virtuelles TPM.' },
  'fault.vtpm.absent': { en: '{vm} has no virtual TPM.', de: '{vm} hat kein virtuelles TPM.' },
  'fault.snapshot.multiDisk': {
    en: 'The lab takes snapshots of VMs with one disk only; {vm} has {count} (vSphere snapshots every disk).',
    de: 'Das Labor erstellt Snapshots nur von VMs mit einer Platte; {vm} hat {count} (vSphere erfasst jede Platte).'
  },
  'fault.clone.notEncrypted': { en: '{vm} is not encrypted: its clone can only be kept in clear or encrypted.', de: '{vm} ist nicht verschlüsselt: Sein Klon kann nur im Klartext bleiben oder verschlüsselt werden.' },
  'fault.clone.alreadyEncrypted': { en: '{vm} is encrypted: its clone keeps the keys, is decrypted or recrypted.', de: '{vm} ist verschlüsselt: Sein Klon behält die Schlüssel, wird entschlüsselt oder neu verschlüsselt.' },
  'fault.migrateEncryption.encryptedVm': {
    en: '{vm} is encrypted: encrypted VMs always migrate with encrypted vMotion, and the setting cannot be changed.',
    de: '{vm} ist verschlüsselt: Verschlüsselte VMs migrieren immer mit verschlüsseltem vMotion, die Einstellung lässt sich nicht ändern.'
  },
  'fault.migrateEncryption.same': { en: 'Encrypted vMotion of {vm} is already {mode}.', de: 'Verschlüsseltes vMotion von {vm} ist bereits {mode}.' },
  'fault.ftEncryption.encryptedVm': {
    en: '{vm} is encrypted: the encrypted Fault Tolerance mode of an encrypted VM is Required and cannot be set to {mode}.',
    de: '{vm} ist verschlüsselt: Der Modus für verschlüsselte Fault Tolerance einer verschlüsselten VM ist „Erforderlich“ und lässt sich nicht auf {mode} setzen.'
  },
  'fault.ftEncryption.same': { en: 'Encrypted Fault Tolerance of {vm} is already {mode}.', de: 'Verschlüsselte Fault Tolerance von {vm} ist bereits {mode}.' },
  'fault.ft.moreThanOneSecondary': {
    en: '{vm} already has a secondary VM on {host} (moreThanOneSecondary): turn off Fault Tolerance first to place it elsewhere.',
    de: '{vm} hat bereits eine sekundäre VM auf {host} (moreThanOneSecondary): Schalten Sie zuerst Fault Tolerance aus, um sie anderswo zu platzieren.'
  },
  'fault.ft.isOn': {
    en: '{vm} has Fault Tolerance turned on (its secondary runs on {host}): turn Fault Tolerance off first to {action}. The lab does not model this operation while FT is on.',
    de: 'Für {vm} ist Fault Tolerance eingeschaltet (die sekundäre VM läuft auf {host}): Schalten Sie Fault Tolerance zuerst aus, um {action}. Das Labor bildet diesen Vorgang bei eingeschalteter Fault Tolerance nicht ab.'
  },
  'fault.ft.secondaryOnHost': {
    en: '{host} runs the Fault Tolerance secondary of {vm}: turn Fault Tolerance off for {vm} first. (vSphere would move the secondary to another host; the lab does not.)',
    de: '{host} führt die sekundäre VM von {vm} (Fault Tolerance) aus: Schalten Sie zuerst Fault Tolerance für {vm} aus. (vSphere würde die sekundäre VM auf einen anderen Host verschieben; das Labor tut das nicht.)'
  },
  'fault.ft.sameHost': {
    en: '{vm} runs on {host}: its secondary VM must run on another host, or one host failure would take both. Pick another host of the cluster.',
    de: '{vm} läuft auf {host}: Ihre sekundäre VM muss auf einem anderen Host laufen, sonst nähme ein Hostausfall beide mit. Wählen Sie einen anderen Host des Clusters.'
  },
  'fault.ft.otherCluster': {
    en: '{host} is not in cluster {cluster} of {vm}: the secondary runs the VM’s files, and in the lab each cluster shares one datastore. Pick a host of {cluster}.',
    de: '{host} gehört nicht zum Cluster {cluster} von {vm}: Die sekundäre VM läuft aus den Dateien der VM, und im Labor teilt sich jeder Cluster einen Datenspeicher. Wählen Sie einen Host aus {cluster}.'
  },
  'fault.ft.hostInactive': {
    en: '{host} is in maintenance mode and cannot run the secondary VM of {vm} (hostInactive): exit maintenance mode or pick another host.',
    de: '{host} ist im Wartungsmodus und kann die sekundäre VM von {vm} nicht ausführen (hostInactive): Beenden Sie den Wartungsmodus oder wählen Sie einen anderen Host.'
  },
  'fault.ft.hasSnapshots': {
    en: '{vm} has {count, plural, one {# snapshot} other {# snapshots}} (hasSnapshots): delete its snapshots before you turn on Fault Tolerance.',
    de: '{vm} hat {count, plural, one {# Snapshot} other {# Snapshots}} (hasSnapshots): Löschen Sie die Snapshots, bevor Sie Fault Tolerance einschalten.'
  },
  'fault.ft.notOn': { en: 'Fault Tolerance is not turned on for {vm}.', de: 'Fault Tolerance ist für {vm} nicht eingeschaltet.' },
  'fault.actAs.same': { en: 'The lab already acts as {user} ({role}).', de: 'Das Labor handelt bereits als {user} ({role}).' },
  'fault.vmSupport.hostKeyMissing': {
    en: 'vm-support on {host} cannot recrypt {file}: the host key {keyId} that wrapped it is not in the key cache (retrieve the bundle before the host key changes or is lost).',
    de: 'vm-support auf {host} kann {file} nicht neu verschlüsseln: Der Host-Schlüssel {keyId}, der ihn umhüllt, ist nicht im Schlüssel-Cache (holen Sie das Bundle, bevor der Host-Schlüssel wechselt oder verloren geht).'
  },
  'fault.kekNotInCache': {
    en: 'The key {keyId} of {vm} is not in the key cache of {host} (EncryptionKeyRequired).',
    de: 'Der Schlüssel {keyId} von {vm} ist nicht im Schlüssel-Cache von {host} (EncryptionKeyRequired).'
  },
  'fault.noBundle': { en: 'The .vmx of {vm} has no encryption bundle.', de: 'Die .vmx von {vm} enthält kein Verschlüsselungspaket.' },
  'fault.keySafeCorrupt': { en: 'The key safe of {vm} cannot be opened with its KEK: the .vmx was altered.', de: 'Der Schlüsseltresor von {vm} lässt sich mit seinem KEK nicht öffnen: Die .vmx wurde verändert.' },
  'fault.fileChangedOnDisk': {
    en: 'The file [{datastore}] {path} cannot be read: the lab file it is kept in was changed on disk after the lab was opened, and its bytes no longer match their checksums (CannotAccessFile). Open that lab file again, or the last autosave.',
    de: 'Die Datei [{datastore}] {path} lässt sich nicht lesen: Die Labordatei, in der sie liegt, wurde nach dem Öffnen auf dem Datenträger verändert, und ihre Bytes passen nicht mehr zu ihren Prüfsummen (CannotAccessFile). Öffnen Sie diese Labordatei erneut oder die letzte automatische Sicherung.'
  },
  'fault.diskKeyMissing': {
    en: 'The disk [{disk}] is encrypted and a required key was not found (KEK {keyId} is not in the host’s key cache).',
    de: 'Die Platte [{disk}] ist verschlüsselt, und ein benötigter Schlüssel wurde nicht gefunden (KEK {keyId} ist nicht im Schlüssel-Cache des Hosts).'
  },
  'fault.noPermission': {
    en: 'Permission to perform this operation was denied: {user} ({role}) lacks the privilege {privilege} on {on}.',
    de: 'Die Berechtigung für diesen Vorgang wurde verweigert: {user} ({role}) fehlt das Recht {privilege} für {on}.'
  },
  'role.administrator': { en: 'Administrator', de: 'Administrator' },
  'role.noCryptoAdmin': { en: 'No cryptography administrator', de: 'Kein Kryptografieadministrator' },
  'fault.alreadyOn': { en: '{vm} is already powered on.', de: '{vm} ist bereits eingeschaltet.' },
  // Removing things: maintenance mode, hosts, VMs, KMS servers, key providers (docs/vsphere-facts.md#maintenance-mode)
  'fault.host.inMaintenance': {
    en: '{host} is in maintenance mode: no VM runs on it, moves to it or is created on it until it exits maintenance mode.',
    de: '{host} befindet sich im Wartungsmodus: Bis der Host ihn verlässt, läuft dort keine VM, und keine wird dorthin verschoben oder dort angelegt.'
  },
  'fault.host.alreadyInMaintenance': { en: '{host} is already in maintenance mode.', de: '{host} befindet sich bereits im Wartungsmodus.' },
  'fault.host.notInMaintenance': { en: '{host} is not in maintenance mode.', de: '{host} befindet sich nicht im Wartungsmodus.' },
  'fault.host.runningVms': {
    en: 'VMs still run on {host} ({vms}): power them off or migrate them to another host first. vSphere waits with maintenance mode until no VM runs there.',
    de: 'Auf {host} laufen noch VMs ({vms}): Schalten Sie sie zuerst aus oder migrieren Sie sie auf einen anderen Host. vSphere wartet mit dem Wartungsmodus, bis dort keine VM mehr läuft.'
  },
  'fault.host.removeNeedsMaintenance': {
    en: '{host} is not in maintenance mode: put it in maintenance mode first, then remove it.',
    de: '{host} befindet sich nicht im Wartungsmodus: Versetzen Sie den Host zuerst in den Wartungsmodus und entfernen Sie ihn dann.'
  },
  'fault.host.hasVms': {
    en: 'VMs are still registered on {host} ({vms}): migrate them to another host or delete them first.',
    de: 'Auf {host} sind noch VMs registriert ({vms}): Migrieren Sie sie zuerst auf einen anderen Host oder löschen Sie sie.'
  },
  'fault.vm.removePoweredOn': {
    en: '{vm} is powered on: power it off before deleting it from disk.',
    de: '{vm} ist eingeschaltet: Schalten Sie die VM aus, bevor Sie sie von der Festplatte löschen.'
  },
  'fault.provider.inUse': {
    en: 'The keys of {provider} still protect {users}: decrypt them first (or make another provider the default and rekey them). Without the provider vCenter could not fetch their keys.',
    de: 'Die Schlüssel von {provider} schützen noch {users}: Entschlüsseln Sie diese zuerst (oder legen Sie einen anderen Standardanbieter fest und verschlüsseln Sie sie neu). Ohne den Anbieter könnte vCenter ihre Schlüssel nicht mehr abrufen.'
  },
  'fault.provider.isDefault': {
    en: '{provider} is the default key provider: make another key provider the default first.',
    de: '{provider} ist als Standard festgelegt: Legen Sie zuerst einen anderen Schlüsselanbieter als Standard fest.'
  },
  'fault.kms.lastServerInUse': {
    en: '{kms} is the last KMS server of {provider}, whose keys still protect {users}: without it vCenter could never fetch them again. Add another server to {provider} or decrypt them first.',
    de: '{kms} ist der letzte KMS-Server von {provider}, dessen Schlüssel noch {users} schützen: Ohne ihn könnte vCenter sie nie wieder abrufen. Fügen Sie {provider} zuerst einen weiteren Server hinzu oder entschlüsseln Sie diese.'
  },
  'fault.alreadyOff': { en: '{vm} is already powered off.', de: '{vm} ist bereits ausgeschaltet.' },
  'fault.sameHost': { en: '{vm} already runs on {host}.', de: '{vm} läuft bereits auf {host}.' },
  'fault.otherCluster': {
    en: '{host} cannot reach datastore {datastore} of {vm}: in the lab each cluster shares one datastore, so migrate within the cluster.',
    de: '{host} erreicht den Datenspeicher {datastore} von {vm} nicht: Im Labor teilt sich jeder Cluster einen Datenspeicher, migrieren Sie also innerhalb des Clusters.'
  },
  'fault.snapshotLocked': {
    en: 'A snapshot of the locked VM {vm} is not possible (msg.snapshot.vigor.take.error).',
    de: 'Ein Snapshot der gesperrten VM {vm} ist nicht möglich (msg.snapshot.vigor.take.error).'
  },
  'fault.noSnapshots': { en: '{vm} has no snapshots.', de: '{vm} hat keine Snapshots.' },
  'fault.notLocked': { en: '{vm} is not locked.', de: '{vm} ist nicht gesperrt.' },
  'fault.cryptoUtil': { en: 'crypto-util on {host}: {message}', de: 'crypto-util auf {host}: {message}' },
  'fault.cryptoUtil.keyMissing': {
    en: "crypto-util on {host}: the key '{keyId}' that wraps this envelope is not in the host's key cache.",
    de: "crypto-util auf {host}: Der Schlüssel '{keyId}', der diesen Umschlag schützt, ist nicht im Schlüssel-Cache des Hosts."
  },
  'fault.keyPersistence.alreadyOn': { en: 'Key persistence is already enabled on {host}.', de: 'Schlüsselpersistenz ist auf {host} bereits aktiviert.' },
  'fault.keyPersistence.alreadyOff': { en: 'Key persistence is already disabled on {host}.', de: 'Schlüsselpersistenz ist auf {host} bereits deaktiviert.' },
  'fault.encryptionMode.alreadySafe': { en: '{host} is already crypto safe.', de: '{host} ist bereits krypto-sicher.' },
  'fault.encryptionMode.alreadyOff': { en: 'Host encryption mode of {host} is already off ({state}).', de: 'Der Host-Verschlüsselungsmodus von {host} ist bereits aus ({state}).' },
  'fault.encryptionMode.keysPresent': {
    en: '{host} holds {count, plural, one {# VM key} other {# VM keys}} in its key cache: host encryption mode cannot be turned off while key material is present.',
    de: '{host} hält {count} VM-Schlüssel im Schlüssel-Cache: Der Host-Verschlüsselungsmodus lässt sich nicht abschalten, solange Schlüsselmaterial vorhanden ist.'
  },

  // KMS
  'kms.added': {
    en: 'KMS {kms} starts as the first server of key provider cluster {provider}, with its own CA and a TLS server certificate.',
    de: 'KMS {kms} startet als erster Server des Schlüsselanbieter-Clusters {provider}, mit eigener CA und TLS-Serverzertifikat.'
  },
  'kms.joined': {
    en: 'KMS {kms} joins key provider cluster {provider}: it copies the cluster CA and replicates {count, plural, one {# key} other {# keys}} from {peer}. vCenter trusts each KMS server on its own: it will not use {kms} until you establish trust with it (Key provider → Establish trust).',
    de: 'KMS {kms} tritt dem Schlüsselanbieter-Cluster {provider} bei: Er übernimmt die Cluster-CA und repliziert {count} Schlüssel von {peer}. vCenter vertraut jedem KMS-Server einzeln: {kms} nutzt es erst, wenn Sie Vertrauen zu ihm herstellen (Schlüsselanbieter → Vertrauen herstellen).'
  },
  'kms.added.external': {
    en: '{kms} is a real KMIP server at {host}:{port} (key provider {provider}); vCenter will talk to it over TLS.',
    de: '{kms} ist ein echter KMIP-Server unter {host}:{port} (Schlüsselanbieter {provider}); vCenter spricht mit ihm über TLS.'
  },
  'kms.stopped': { en: 'KMS {kms} stops: it no longer answers.', de: 'KMS {kms} stoppt: Er antwortet nicht mehr.' },
  'kms.started': { en: 'KMS {kms} is back.', de: 'KMS {kms} ist wieder da.' },
  'kms.synced': {
    en: 'KMS {kms} catches up with {peer}: {count, plural, one {# key change} other {# key changes}} replicated while it was away.',
    de: 'KMS {kms} holt bei {peer} nach: {count, plural, one {# Schlüsseländerung wurde} other {# Schlüsseländerungen wurden}} in seiner Abwesenheit repliziert.'
  },
  'kms.replicated': {
    en: '{from} replicates key {keyId} to {to} (servers of one provider hold the same keys).',
    de: '{from} repliziert Schlüssel {keyId} nach {to} (Server eines Anbieters halten dieselben Schlüssel).'
  },
  'kms.admin.revoked': {
    en: 'The KMS administrator revokes key {keyId} on {kms}: its state is now {state}. VMs keep running until their host needs the key again; then vCenter refuses the key and the VM locks. vSphere cannot undo this: KMIP has no way back from Deactivated, and reactivating a key is a feature of the KMS product: ask the KMS administrator to reactivate the key, then unlock the VM — or rekey it while it still runs. (The lab’s KMS follows KMIP and cannot reactivate.)',
    de: 'Der KMS-Administrator widerruft Schlüssel {keyId} auf {kms}: Sein Zustand ist jetzt {state}. VMs laufen weiter, bis ihr Host den Schlüssel erneut braucht; dann lehnt vCenter den Schlüssel ab und die VM wird gesperrt. vSphere kann das nicht rückgängig machen: KMIP kennt keinen Weg zurück aus Deactivated, und das Reaktivieren eines Schlüssels ist eine Funktion des KMS-Produkts: Bitten Sie den KMS-Administrator, den Schlüssel zu reaktivieren, und entsperren Sie dann die VM — oder verschlüsseln Sie sie neu, solange sie noch läuft. (Der KMS des Labors folgt KMIP und kann nicht reaktivieren.)'
  },
  'kms.admin.destroyed': {
    en: 'The KMS administrator destroys key {keyId} on {kms}: the key material is gone for good.',
    de: 'Der KMS-Administrator vernichtet Schlüssel {keyId} auf {kms}: Das Schlüsselmaterial ist endgültig weg.'
  },
  'kms.admin.activated': { en: 'The KMS administrator activates key {keyId} on {kms}.', de: 'Der KMS-Administrator aktiviert Schlüssel {keyId} auf {kms}.' },

  // Providers and trust
  'provider.added': { en: 'vCenter registers the standard key provider {provider}.', de: 'vCenter registriert den Standard-Schlüsselanbieter {provider}.' },
  'provider.default': {
    en: '{provider} is now the default key provider.',
    // "Standard-Schlüsselanbieter" is the provider type in German vSphere; the default is "als Standard festgelegt"
    de: '{provider} ist jetzt als Standard festgelegt: Neue Verschlüsselungen verwenden diesen Schlüsselanbieter.'
  },

  // Native Key Provider (docs/vsphere-facts.md#nkp-kdk and the simplifications listed there)
  'nkp.added': {
    en: 'vCenter registers the Native Key Provider {provider}: no KMS, no KMIP — vCenter itself will make the keys’ root.',
    de: 'vCenter registriert den Native Key Provider (nativen Schlüsselanbieter) {provider}: kein KMS, kein KMIP — vCenter erzeugt die Wurzel der Schlüssel selbst.'
  },
  'nkp.added.tpmRequired': {
    en: 'vCenter registers the Native Key Provider {provider}, for TPM-protected hosts only: a host without a TPM 2.0 gets no KDK and cannot use it.',
    de: 'vCenter registriert den Native Key Provider {provider}, nur für TPM-geschützte Hosts: Ein Host ohne TPM 2.0 erhält keinen KDK und kann ihn nicht nutzen.'
  },
  'nkp.kdk.created': {
    en: 'vCenter generates the Key Derivation Key (KDK) {kdkId} of {provider} and keeps it in its protected store (VECS), not in its database.',
    de: 'vCenter erzeugt den Schlüsselableitungsschlüssel (Key Derivation Key, KDK) {kdkId} von {provider} und bewahrt ihn in seinem geschützten Speicher (VECS) auf, nicht in seiner Datenbank.'
  },
  'nkp.kdk.pushed': {
    en: 'vCenter pushes the KDK of {provider} to {host}, which seals it with its TPM on its own disk (ESXi keeps it in its encrypted configuration; the lab seals it with the TPM key). From now on the host derives keys itself.',
    de: 'vCenter überträgt den KDK von {provider} an {host}; der Host versiegelt ihn mit seinem TPM auf der eigenen Platte (ESXi bewahrt ihn in seiner verschlüsselten Konfiguration auf; das Labor versiegelt ihn mit dem TPM-Schlüssel). Ab jetzt leitet der Host Schlüssel selbst ab.'
  },
  'nkp.kdk.removed': {
    en: '{host} deletes the KDK of {provider} from its memory and its sealed store: no key of {provider} can be derived there any more.',
    de: '{host} löscht den KDK von {provider} aus seinem Speicher und seinem versiegelten Speicher: Dort lässt sich kein Schlüssel von {provider} mehr ableiten.'
  },
  'nkp.kdk.pushed.noTpm': {
    en: 'vCenter pushes the KDK of {provider} to {host}. It has no TPM: its encrypted configuration is locked by a key on the same boot disk, so whoever copies that disk has the KDK — this is what “TPM-protected hosts only” prevents.',
    de: 'vCenter überträgt den KDK von {provider} an {host}. Der Host hat kein TPM: Seine verschlüsselte Konfiguration ist mit einem Schlüssel auf derselben Boot-Platte gesichert – wer diese Platte kopiert, hat den KDK. Genau das verhindert „nur TPM-geschützte Hosts“.'
  },
  'nkp.kdk.notPushed.noTpm': {
    en: '{host} has no TPM 2.0: vCenter does not give it the KDK of {provider}, which is for TPM-protected hosts only.',
    de: '{host} hat kein TPM 2.0: vCenter gibt ihm den KDK von {provider} nicht, denn dieser Schlüsselanbieter ist nur für TPM-geschützte Hosts.'
  },
  'nkp.kdk.unsealed': {
    en: '{host} unseals {count, plural, one {its KDK} other {its # KDKs}} ({providers}) from its own disk: it needs neither vCenter nor a KMS to derive its keys again.',
    de: '{host} entsiegelt {count, plural, one {seinen KDK} other {seine # KDKs}} ({providers}) von der eigenen Platte: Um seine Schlüssel erneut abzuleiten, braucht er weder vCenter noch einen KMS.'
  },
  'nkp.needsBackup': {
    en: '{provider} cannot be used until it is backed up: vSphere requires the export (Back up key provider) before the first encryption.',
    de: '{provider} ist erst nach einer Sicherung verwendbar: vSphere verlangt den Export („Schlüsselanbieter sichern“) vor der ersten Verschlüsselung.'
  },
  'nkp.backup': {
    en: 'vCenter exports {provider} as a password-protected PKCS#12 file ({bytes} bytes) holding the KDK {kdkId}; the provider is now usable. Keep the file and the password apart from vCenter: they are what brings the keys back if vCenter is lost. (What VMware’s own file holds inside is not public; the lab’s is PBES2 with AES-256-CBC and a SHA-256 MAC.)',
    de: 'vCenter exportiert {provider} als kennwortgeschützte PKCS#12-Datei ({bytes} Byte) mit dem KDK {kdkId}; der Schlüsselanbieter ist jetzt verwendbar. Bewahren Sie Datei und Kennwort getrennt von vCenter auf: Sie bringen die Schlüssel zurück, wenn vCenter verloren geht. (Was VMwares eigene Datei enthält, ist nicht öffentlich; die des Labors nutzt PBES2 mit AES-256-CBC und einen SHA-256-MAC.)'
  },
  'nkp.restored': {
    en: 'vCenter opens the backup of {provider} ({bytes} bytes) with its password and takes the KDK {kdkId} into its protected store: the same KDK as before, so the hosts derive the same keys from the same key IDs. The provider counts as backed up (the file is its backup). (The lab restores into the same vCenter, after the provider was removed, or into a new lab; it has no second vCenter.)',
    de: 'vCenter öffnet die Sicherung von {provider} ({bytes} Byte) mit ihrem Kennwort und übernimmt den KDK {kdkId} in seinen geschützten Speicher: derselbe KDK wie zuvor, daher leiten die Hosts aus denselben Schlüssel-IDs dieselben Schlüssel ab. Der Anbieter gilt als gesichert (die Datei ist seine Sicherung). (Das Labor stellt im selben vCenter wieder her, nachdem der Anbieter entfernt wurde, oder in einem neuen Labor; ein zweites vCenter hat es nicht.)'
  },
  'fault.nkp.restore.password': {
    en: 'The password does not open this backup file (its integrity check fails). Nothing was changed; enter the password that was given when the provider was backed up.',
    de: 'Das Kennwort öffnet diese Sicherungsdatei nicht (ihre Integritätsprüfung schlägt fehl). Es wurde nichts geändert; geben Sie das Kennwort ein, das beim Sichern des Anbieters vergeben wurde.'
  },
  'fault.nkp.restore.format': {
    en: 'This file is not a Native Key Provider backup (a PKCS#12 file made by “Back up key provider”). Nothing was changed.',
    de: 'Diese Datei ist keine Sicherung eines Native Key Providers (eine PKCS#12-Datei aus „Schlüsselanbieter sichern“). Es wurde nichts geändert.'
  },
  'nkp.backup.noPassword': {
    en: 'vCenter exports {provider} as a PKCS#12 file ({bytes} bytes) holding the KDK {kdkId}, without a password: whoever gets the file has every key of the provider. The provider is now usable.',
    de: 'vCenter exportiert {provider} als PKCS#12-Datei ({bytes} Byte) mit dem KDK {kdkId}, ohne Kennwort: Wer die Datei bekommt, hat jeden Schlüssel dieses Anbieters. Der Schlüsselanbieter ist jetzt verwendbar.'
  },
  'nkp.keyId.kek': {
    en: 'vCenter names a new KEK {keyId} of {provider} for {name} and records only that ID. No KMS is asked: the hosts derive the key.',
    de: 'vCenter benennt einen neuen KEK {keyId} von {provider} für {name} und speichert nur diese ID. Kein KMS wird gefragt: Die Hosts leiten den Schlüssel ab.'
  },
  'nkp.keyId.hostKey': {
    en: 'vCenter names a new host key {keyId} of {provider} for {name}. No KMS is asked: the host derives the key.',
    de: 'vCenter benennt einen neuen Host-Schlüssel {keyId} von {provider} für {name}. Kein KMS wird gefragt: Der Host leitet den Schlüssel ab.'
  },
  'nkp.derive.kek': {
    en: '{host} derives the KEK {keyId} from its KDK of {provider} into its key cache, on its own. (VMware does not publish the derivation; the lab uses HKDF-SHA256 with the key ID as info.)',
    de: '{host} leitet den KEK {keyId} selbst aus seinem KDK von {provider} in seinen Schlüssel-Cache ab. (VMware veröffentlicht die Ableitung nicht; das Labor nutzt HKDF-SHA256 mit der Schlüssel-ID als Info.)'
  },
  'nkp.derive.hostKey': {
    en: '{host} derives its host key {keyId} from its KDK of {provider} into its key cache, on its own. (VMware does not publish the derivation; the lab uses HKDF-SHA256 with the key ID as info.)',
    de: '{host} leitet seinen Host-Schlüssel {keyId} selbst aus seinem KDK von {provider} in seinen Schlüssel-Cache ab. (VMware veröffentlicht die Ableitung nicht; das Labor nutzt HKDF-SHA256 mit der Schlüssel-ID als Info.)'
  },
  'nkp.kek.noKdk': {
    en: '{host} has no KDK of {provider}: it cannot derive the KEK of {vm}, so {vm} cannot run there.',
    de: '{host} hat keinen KDK von {provider}: Er kann den KEK von {vm} nicht ableiten, {vm} kann dort also nicht laufen.'
  },
  'host.reconnect.native': {
    en: '{host} reconnects to vCenter. Its keys all come from a Native Key Provider: it derives them from its KDK, and no KMS is asked.',
    de: '{host} verbindet sich wieder mit vCenter. Alle seine Schlüssel stammen von einem Native Key Provider: Er leitet sie aus seinem KDK ab, kein KMS wird gefragt.'
  },
  'host.vcenterUnreachable.native': {
    en: '{host} cannot reach vCenter: keys of a Native Key Provider it derives again from its KDK; keys of a standard provider stay missing until vCenter returns.',
    de: '{host} erreicht vCenter nicht: Schlüssel eines Native Key Providers leitet er erneut aus seinem KDK ab; Schlüssel eines Standard-Schlüsselanbieters fehlen, bis vCenter zurück ist.'
  },
  'fault.nkp.notBackedUp': {
    en: 'Native Key Provider {provider} has not been backed up: vSphere does not use it until it is. Back it up first (vCenter & providers → Back up key provider).',
    de: 'Der Native Key Provider {provider} wurde noch nicht gesichert: vSphere verwendet ihn erst danach. Sichern Sie ihn zuerst (vCenter & Anbieter → Schlüsselanbieter sichern).'
  },
  'fault.nkp.noKdk': {
    en: '{host} has no KDK of {provider}, so it cannot derive key {keyId} (a “TPM-protected hosts only” provider gives no KDK to a host without a TPM).',
    de: '{host} hat keinen KDK von {provider} und kann Schlüssel {keyId} daher nicht ableiten (ein Anbieter „nur TPM-geschützte Hosts“ gibt einem Host ohne TPM keinen KDK).'
  },
  'fault.nkp.tpmOnlyNative': {
    en: '“TPM-protected hosts only” is an option of a Native Key Provider; {provider} would be a standard key provider.',
    de: '„Nur TPM-geschützte Hosts“ ist eine Option des Native Key Providers; {provider} wäre ein Standard-Schlüsselanbieter.'
  },
  'fault.nkp.hasKmsServers': {
    en: 'KMS servers were added for {provider}: a Native Key Provider has none. Choose another name.',
    de: 'Für {provider} wurden KMS-Server hinzugefügt: Ein Native Key Provider hat keine. Wählen Sie einen anderen Namen.'
  },
  'fault.nkp.noKmsServers': {
    en: '{provider} is a Native Key Provider: it has no KMS servers (vCenter makes its keys’ root itself).',
    de: '{provider} ist ein Native Key Provider: Er hat keine KMS-Server (vCenter erzeugt die Wurzel seiner Schlüssel selbst).'
  },
  'fault.nkp.backupStandard': {
    en: '{provider} is a standard key provider: its keys live on the KMS, which is backed up with the KMS product’s own tools. Only a Native Key Provider is backed up in vCenter.',
    de: '{provider} ist ein Standard-Schlüsselanbieter: Seine Schlüssel liegen im KMS und werden mit den Werkzeugen des KMS-Produkts gesichert. Nur ein Native Key Provider wird in vCenter gesichert.'
  },
  'fault.keyPersistence.noTpm': {
    en: '{host} has no TPM 2.0: key persistence needs one to seal the keys.',
    de: '{host} hat kein TPM 2.0: Schlüsselpersistenz braucht eines, um die Schlüssel zu versiegeln.'
  },
  'provider.status.ok': {
    en: 'vCenter checks {provider}: connected to {kms} (KMIP 1.1 over mutually authenticated TLS).',
    de: 'vCenter prüft {provider}: verbunden mit {kms} (KMIP 1.1 über gegenseitig authentifiziertes TLS).'
  },
  'provider.status.failed': {
    en: 'vCenter checks {provider}: not connected. {reason}',
    de: 'vCenter prüft {provider}: nicht verbunden. {reason}'
  },
  'trust.start': {
    en: 'Establish trust with {provider}: "Make vCenter trust KMS", then "Make KMS trust vCenter" ({mode}).',
    de: 'Vertrauen zu {provider} herstellen: „vCenter vertraut KMS“, dann „KMS vertraut vCenter“ ({mode}).'
  },
  'trust.step.caCertificate': { en: '{fromName} hands its CA certificate to {toName}.', de: '{fromName} übergibt sein CA-Zertifikat an {toName}.' },
  'trust.step.certificate': { en: '{fromName} hands a certificate to {toName}: {subject}.', de: '{fromName} übergibt {toName} ein Zertifikat: {subject}.' },
  'trust.step.csr': {
    en: 'vCenter makes a key pair, keeps the private key and sends a certificate signing request to {toName}.',
    de: 'vCenter erzeugt ein Schlüsselpaar, behält den privaten Schlüssel und schickt eine Zertifikatsanforderung an {toName}.'
  },
  'trust.step.privateKey': {
    en: '{fromName} hands over the client private key too: the one mode where vCenter’s key is made outside vCenter.',
    de: '{fromName} übergibt auch den privaten Client-Schlüssel: der einzige Modus, in dem vCenters Schlüssel außerhalb von vCenter entsteht.'
  },
  'trust.done': {
    en: 'Trust established both ways for {provider}: vCenter accepts the KMS CA, the KMS accepts vCenter’s client certificate (valid until {until}). The lab’s certificates carry Ed25519 keys; vCenter and most KMS use RSA, checked the same way.',
    de: 'Vertrauen für {provider} in beide Richtungen hergestellt: vCenter akzeptiert die KMS-CA, der KMS akzeptiert vCenters Client-Zertifikat (gültig bis {until}). Die Zertifikate im Labor tragen Ed25519-Schlüssel; vCenter und die meisten KMS nutzen RSA, geprüft wird gleich.'
  },

  // TLS and KMIP between vCenter and a KMS
  'tls.refused': { en: 'vCenter cannot connect to {kms}: connection refused (the KMS is not running).', de: 'vCenter kann {kms} nicht erreichen: Verbindung abgelehnt (der KMS läuft nicht).' },
  'tls.rejectedByVcenter': { en: 'TLS handshake with {kms} fails: {message}', de: 'TLS-Handshake mit {kms} scheitert: {message}' },
  'tls.rejectedByKms': { en: 'TLS handshake with {kms} fails: {message}', de: 'TLS-Handshake mit {kms} scheitert: {message}' },
  'tls.external.failed': { en: 'vCenter cannot open a TLS session with {kms}: {message}', de: 'vCenter kann keine TLS-Sitzung mit {kms} öffnen: {message}' },
  'tls.external.notContacted': {
    en: 'Opening the lab file: vCenter does not contact the external KMS {kms} (lab files open offline). The provider stays disconnected until your next command that needs a key connects to it again.',
    de: 'Die Labordatei wird geöffnet: vCenter kontaktiert den externen KMS {kms} nicht (Labordateien werden offline geöffnet). Der Anbieter bleibt getrennt, bis Ihr nächster Befehl, der einen Schlüssel braucht, wieder eine Verbindung aufbaut.'
  },
  // Why a TLS connection to a KMS failed (./lab/services/tlsFailure.ts): what happened, with the error's own code to
  // search for, and what to check. A certificate's problem is a sentence about "it", the certificate named before.
  'tls.failure.kmsCertificate': { en: 'vCenter does not trust the KMS certificate. {problem}', de: 'vCenter vertraut dem Zertifikat des KMS nicht. {problem}' },
  'tls.failure.refused': {
    en: 'The connection to {endpoint} was refused ({code}): no program accepts connections on that port, or a firewall turns them away. Is the KMS server running, and is the port right?',
    de: 'Die Verbindung zu {endpoint} wurde abgelehnt ({code}): Auf diesem Port nimmt kein Programm Verbindungen an, oder eine Firewall weist sie ab. Läuft der KMS-Server, und stimmt der Port?'
  },
  'tls.failure.reset': {
    en: 'The other side abruptly closed the connection to {endpoint} ({code}). If that happens during the TLS handshake, the KMS may have rejected vCenter’s client certificate: its log says why.',
    de: 'Die Gegenseite hat die Verbindung zu {endpoint} abrupt beendet ({code}). Geschieht das während des TLS-Handshakes, hat der KMS womöglich vCenters Client-Zertifikat abgelehnt: Sein Protokoll nennt den Grund.'
  },
  'tls.failure.brokenPipe': {
    en: 'vCenter could not send to {endpoint}: the other side had already closed the connection ({code}). Is the KMS server still running?',
    de: 'vCenter konnte nichts an {endpoint} senden: Die Gegenseite hatte die Verbindung bereits geschlossen ({code}). Läuft der KMS-Server noch?'
  },
  'tls.failure.timedOut': {
    en: 'The connection to {endpoint} timed out ({code}): no answer came from that address. Is the address right, and does a firewall let the connection through?',
    de: 'Bei der Verbindung zu {endpoint} kam es zu einer Zeitüberschreitung ({code}): Von dieser Adresse kam keine Antwort. Stimmt die Adresse, und lässt eine Firewall die Verbindung durch?'
  },
  'tls.failure.hostUnreachable': {
    en: 'There is no route to the host {host} ({code}): the network cannot deliver anything to that address. Is the address right, and is the host switched on and connected?',
    de: 'Es gibt keinen Weg zum Host {host} ({code}): Das Netzwerk kann nichts an diese Adresse zustellen. Stimmt die Adresse, und ist der Host eingeschaltet und angeschlossen?'
  },
  'tls.failure.networkUnreachable': {
    en: 'The network of {host} cannot be reached from here ({code}): there is no route to it. Check the address and the network settings (gateway, VPN).',
    de: 'Das Netzwerk von {host} ist von hier aus nicht erreichbar ({code}): Es gibt keinen Weg dorthin. Prüfen Sie die Adresse und die Netzwerkeinstellungen (Gateway, VPN).'
  },
  'tls.failure.nameUnknown': {
    en: 'The name {host} could not be resolved ({code}): DNS knows no address for it. Is the name spelled right?',
    de: 'Der Name {host} ließ sich nicht auflösen ({code}): Das DNS kennt keine Adresse dafür. Ist der Name richtig geschrieben?'
  },
  'tls.failure.nameNotNow': {
    en: 'The name {host} could not be resolved at the moment ({code}): name resolution reported a temporary failure. Try again later, and check the DNS settings.',
    de: 'Der Name {host} ließ sich im Moment nicht auflösen ({code}): Die Namensauflösung meldet einen vorübergehenden Fehler. Versuchen Sie es später erneut, und prüfen Sie die DNS-Einstellungen.'
  },
  'tls.failure.notTls': {
    en: 'The server at {endpoint} does not answer like a TLS server ({code}): what it sent is not a TLS record. Is this the KMIP port (usually 5696), and not another service?',
    de: 'Der Server unter {endpoint} antwortet nicht wie ein TLS-Server ({code}): Was er geschickt hat, ist kein TLS-Record. Ist das der KMIP-Port (meist 5696) und nicht ein anderer Dienst?'
  },
  'tls.failure.connectTimeout': {
    en: 'vCenter got no TLS session with {endpoint} within {ms, number} ms ({code}): the address does not answer, or the server does not complete the handshake. Is the address right, and is the KMS server responsive?',
    de: 'vCenter konnte innerhalb von {ms, number} ms keine TLS-Sitzung mit {endpoint} aufbauen ({code}): Die Adresse antwortet nicht, oder der Server schließt den Handshake nicht ab. Stimmt die Adresse, und reagiert der KMS-Server?'
  },
  'tls.failure.requestTimeout': {
    en: 'The KMS at {endpoint} did not answer within {ms, number} ms ({code}), so vCenter closed the connection. Is the server overloaded or hung?',
    de: 'Der KMS unter {endpoint} hat nicht innerhalb von {ms, number} ms geantwortet ({code}), daher hat vCenter die Verbindung geschlossen. Ist der Server überlastet, oder hängt er?'
  },
  'tls.failure.closedByPeer': {
    en: 'The KMS at {endpoint} closed the connection ({code}). If it does so right after the handshake, it may have rejected vCenter’s client certificate: its log says why.',
    de: 'Der KMS unter {endpoint} hat die Verbindung geschlossen ({code}). Tut er das direkt nach dem Handshake, hat er womöglich vCenters Client-Zertifikat abgelehnt: Sein Protokoll nennt den Grund.'
  },
  'tls.failure.notKmip': {
    en: 'The server at {endpoint} sent bytes that are not KMIP ({code}), so vCenter closed the connection. Is a KMIP server listening on this port?',
    de: 'Der Server unter {endpoint} hat Bytes geschickt, die kein KMIP sind ({code}), daher hat vCenter die Verbindung geschlossen. Lauscht auf diesem Port ein KMIP-Server?'
  },
  'tls.failure.unsolicited': {
    en: 'The KMS at {endpoint} sent a message nobody asked for ({code}), so vCenter closed the connection: later answers could no longer be matched to their requests.',
    de: 'Der KMS unter {endpoint} hat eine Nachricht geschickt, nach der niemand gefragt hat ({code}), daher hat vCenter die Verbindung geschlossen: Spätere Antworten ließen sich ihren Anfragen nicht mehr zuordnen.'
  },
  'tls.failure.closedByVcenter': { en: 'vCenter had already closed its connection to {endpoint} ({code}).', de: 'vCenter hatte seine Verbindung zu {endpoint} bereits geschlossen ({code}).' },
  'tls.failure.unknown': { en: 'The connection to {endpoint} failed ({code}). {quote}', de: 'Die Verbindung zu {endpoint} ist gescheitert ({code}). {quote}' },
  'tls.failure.noCode': { en: 'no error code', de: 'ohne Fehlercode' },
  // The TLS library's own words, quoted as kms.refusal.quoted quotes a server's.
  'tls.failure.quoted': { en: 'The TLS library said: “{message}”', de: 'Meldung der TLS-Bibliothek (englisch): „{message}“' },
  'tls.alert.unknownCa': {
    en: 'The KMS ended the TLS handshake ({code}): it does not know the CA that issued vCenter’s client certificate. Give the KMS that CA, or vCenter’s certificate itself, to trust.',
    de: 'Der KMS hat den TLS-Handshake beendet ({code}): Er kennt die CA nicht, die vCenters Client-Zertifikat ausgestellt hat. Hinterlegen Sie beim KMS diese CA oder vCenters Zertifikat selbst als vertrauenswürdig.'
  },
  'tls.alert.badCertificate': {
    en: 'The KMS ended the TLS handshake ({code}): it rejects vCenter’s client certificate. Its log says why; check that the certificate is meant for client authentication.',
    de: 'Der KMS hat den TLS-Handshake beendet ({code}): Er lehnt vCenters Client-Zertifikat ab. Sein Protokoll nennt den Grund; prüfen Sie, ob das Zertifikat für die Client-Authentifizierung bestimmt ist.'
  },
  'tls.alert.certificateExpired': {
    en: 'The KMS ended the TLS handshake ({code}): in its eyes vCenter’s client certificate has expired. Renew the certificate, and check the clocks of both sides.',
    de: 'Der KMS hat den TLS-Handshake beendet ({code}): Aus seiner Sicht ist vCenters Client-Zertifikat abgelaufen. Erneuern Sie das Zertifikat, und prüfen Sie die Uhren beider Seiten.'
  },
  'tls.alert.certificateRequired': {
    en: 'The KMS ended the TLS handshake ({code}): it requires a client certificate, and vCenter sent none. Check the client certificate and key given when the KMS server was added.',
    de: 'Der KMS hat den TLS-Handshake beendet ({code}): Er verlangt ein Client-Zertifikat, und vCenter hat keines geschickt. Prüfen Sie das Client-Zertifikat und den Schlüssel, die beim Hinzufügen des KMS-Servers angegeben wurden.'
  },
  'tls.alert.handshakeFailure': {
    en: 'The KMS ended the TLS handshake ({code}): the two sides found no TLS settings they both accept, or the KMS requires a client certificate that vCenter did not send.',
    de: 'Der KMS hat den TLS-Handshake beendet ({code}): Beide Seiten haben keine TLS-Einstellungen gefunden, die sie gemeinsam akzeptieren, oder der KMS verlangt ein Client-Zertifikat, das vCenter nicht geschickt hat.'
  },
  'tls.alert.protocolVersion': {
    en: 'The KMS ended the TLS handshake ({code}): it accepts none of the TLS versions vCenter offers (TLS 1.2 and newer).',
    de: 'Der KMS hat den TLS-Handshake beendet ({code}): Er akzeptiert keine der TLS-Versionen, die vCenter anbietet (TLS 1.2 und neuer).'
  },
  'tls.alert.other': {
    en: 'The KMS ended the TLS handshake with an alert ({code}). Its log says why.',
    de: 'Der KMS hat den TLS-Handshake mit einer Warnmeldung (Alert) beendet ({code}). Sein Protokoll nennt den Grund.'
  },
  'tls.certificate.selfSigned': {
    en: 'It is self-signed, and not among the trusted certificates ({code}). Trust this very certificate, or use one issued by a trusted CA.',
    de: 'Es ist selbstsigniert und gehört nicht zu den vertrauenswürdigen Zertifikaten ({code}). Hinterlegen Sie genau dieses Zertifikat als vertrauenswürdig, oder verwenden Sie eines, das eine vertrauenswürdige CA ausgestellt hat.'
  },
  'tls.certificate.untrustedRoot': {
    en: 'Its chain ends in a self-signed CA certificate that is not trusted ({code}). Is the trusted CA the one that issued it?',
    de: 'Seine Kette endet bei einem selbstsignierten CA-Zertifikat, dem nicht vertraut wird ({code}). Ist die hinterlegte CA diejenige, die es ausgestellt hat?'
  },
  'tls.certificate.unknownIssuer': {
    en: 'The CA that issued it is not among the trusted certificates ({code}). Is the trusted CA the one that issued it, and is an intermediate CA missing?',
    de: 'Die CA, die es ausgestellt hat, gehört nicht zu den vertrauenswürdigen Zertifikaten ({code}). Ist die hinterlegte CA diejenige, die es ausgestellt hat, und fehlt eine Zwischen-CA?'
  },
  'tls.certificate.expired': {
    en: 'It, or a CA certificate in its chain, has expired ({code}). Renew the certificate, and check that the clock is right.',
    de: 'Es oder ein CA-Zertifikat seiner Kette ist abgelaufen ({code}). Erneuern Sie das Zertifikat, und prüfen Sie, ob die Uhr stimmt.'
  },
  'tls.certificate.notYetValid': {
    en: 'It, or a CA certificate in its chain, is not valid yet ({code}): its validity starts later. Check the clocks of both sides.',
    de: 'Es oder ein CA-Zertifikat seiner Kette ist noch nicht gültig ({code}): Die Gültigkeit beginnt später. Prüfen Sie die Uhren beider Seiten.'
  },
  'tls.certificate.badSignature': {
    en: 'A signature in its chain does not verify ({code}): a certificate was altered, or was not signed by the CA it names.',
    de: 'Eine Signatur in seiner Kette lässt sich nicht bestätigen ({code}): Ein Zertifikat wurde verändert oder nicht von der CA signiert, die es nennt.'
  },
  'tls.certificate.notCa': {
    en: 'A certificate in its chain acts as a CA but is not a CA certificate ({code}).',
    de: 'Ein Zertifikat seiner Kette tritt als CA auf, ist aber kein CA-Zertifikat ({code}).'
  },
  'tls.certificate.wrongPurpose': {
    en: 'It is not meant for this use ({code}): its extended key usage does not allow this side of a TLS connection (server or client authentication).',
    de: 'Es ist nicht für diesen Zweck bestimmt ({code}): Seine erweiterte Schlüsselverwendung erlaubt diese Seite einer TLS-Verbindung nicht (Server- bzw. Client-Authentifizierung).'
  },
  'tls.certificate.chainTooLong': { en: 'Its chain has more certificates than allowed ({code}).', de: 'Seine Kette hat mehr Zertifikate als erlaubt ({code}).' },
  'tls.certificate.wrongName': {
    en: 'It does not name {host}, the address vCenter connects to ({code}). Connect by a name or address the certificate lists, or issue one that lists {host}.',
    de: 'Es nennt {host} nicht, die Adresse, mit der sich vCenter verbindet ({code}). Verbinden Sie sich über einen Namen oder eine Adresse, die das Zertifikat aufführt, oder stellen Sie eines aus, das {host} aufführt.'
  },
  'tls.certificate.unreadable': {
    en: 'It, or a certificate it is checked against, could not be read.',
    de: 'Es oder ein Zertifikat, gegen das es geprüft wird, ließ sich nicht lesen.'
  },
  // The checks PyKMIP (and so the lab's KMS) makes on a client certificate after the handshake.
  'tls.certificate.missingEku': {
    en: 'It has no extended key usage extension; the KMS requires one that allows client authentication.',
    de: 'Ihm fehlt die Erweiterung für die erweiterte Schlüsselverwendung (Extended Key Usage); der KMS verlangt eine, die die Client-Authentifizierung erlaubt.'
  },
  'tls.certificate.noCommonName': {
    en: 'Its subject has no common name (CN), so the KMS cannot tell which client it is.',
    de: 'Sein Inhaberfeld (Subject) enthält keinen Common Name (CN), daher kann der KMS nicht erkennen, welcher Client es ist.'
  },
  'tls.certificate.multipleCommonNames': {
    en: 'Its subject has more than one common name (CN), so the KMS cannot tell which client it is.',
    de: 'Sein Inhaberfeld (Subject) enthält mehr als einen Common Name (CN), daher kann der KMS nicht eindeutig erkennen, welcher Client es ist.'
  },
  'tls.trust.clientRejected': { en: 'The KMS rejects vCenter’s client certificate. {problem}', de: 'Der KMS lehnt vCenters Client-Zertifikat ab. {problem}' },
  'tls.trust.noServerCertificate': { en: 'vCenter does not trust the KMS: it presents no certificate.', de: 'vCenter vertraut dem KMS nicht: Er legt kein Zertifikat vor.' },
  'tls.trust.serverNotTrusted': {
    en: 'vCenter does not trust this KMS server yet (clientTrustServer false): it was added after trust was established. Establish trust for its key provider again.',
    de: 'vCenter vertraut diesem KMS-Server noch nicht (clientTrustServer false): Er wurde hinzugefügt, nachdem das Vertrauen hergestellt war. Stellen Sie das Vertrauen für seinen Schlüsselanbieter erneut her.'
  },
  // Lab files (errors the window shows in the user's language)
  'labFile.newerVersion': {
    en: 'This lab file was saved by a newer KeyFlow Lab (lab file version {version}); this KeyFlow Lab reads versions 1 to {supported}. Update KeyFlow Lab to open it.',
    de: 'Diese Labordatei wurde mit einer neueren Version von KeyFlow Lab gespeichert (Dateiversion {version}); diese Version liest die Dateiversionen 1 bis {supported}. Aktualisieren Sie KeyFlow Lab, um sie zu öffnen.'
  },
  // Why a lab file cannot be opened (shared/labFile, node/labFile): one frame per kind of problem, its detail nested
  'labFile.damaged': { en: 'The lab file is damaged: {detail}', de: 'Die Labordatei ist beschädigt: {detail}' },
  'labFile.damage.blobRef': { en: 'a reference to disk data in it is malformed.', de: 'Ein Verweis auf Plattendaten darin ist fehlerhaft.' },
  'labFile.damage.base64': { en: 'a byte string in it is not valid base64.', de: 'Eine Bytefolge darin ist kein gültiges Base64.' },
  'labFile.damage.indexNotJson': { en: 'its index is not JSON.', de: 'Der Index der Datei ist kein gültiges JSON.' },
  'labFile.damage.versionMismatch': {
    en: 'its container says version {container}, its index version {index}.',
    de: 'Der Container nennt die Version {container}, der Index die Version {index}.'
  },
  'labFile.damage.bareJson': {
    en: 'a version {version} lab file is a container, not bare JSON.',
    de: 'Eine Labordatei der Version {version} ist ein Container, kein reines JSON.'
  },
  'labFile.damage.invalidValue': {
    en: 'the value at {place} is not valid ({problem}).',
    de: 'Der Wert bei {place} ist ungültig (Meldung der Prüfung, englisch: „{problem}“).'
  },
  'labFile.damage.componentId': { en: 'component {key} carries the ID {id}.', de: 'Die Komponente {key} trägt die ID {id}.' },
  'labFile.damage.metaMissing': { en: 'the lab’s metadata or its vCenter is missing.', de: 'Die Metadaten des Labors oder sein vCenter fehlen.' },
  'labFile.damage.componentMissing': { en: 'component {id} is listed but missing.', de: 'Die Komponente {id} ist aufgeführt, fehlt aber.' },
  'labFile.damage.noDiskData': { en: 'it refers to disk data it does not hold.', de: 'Die Datei verweist auf Plattendaten, die sie nicht enthält.' },
  'labFile.damage.noHeader': { en: 'it ends before its header.', de: 'Die Datei endet schon vor ihrem Dateikopf.' },
  'labFile.damage.containerVersion': { en: 'a container cannot have version {version}.', de: 'Ein Container kann nicht die Version {version} haben.' },
  'labFile.damage.noEndMarker': {
    en: 'it is cut short (no end marker): it was not written completely.',
    de: 'Die Datei ist abgeschnitten (keine Endmarke) und wurde nicht vollständig geschrieben.'
  },
  'labFile.damage.endAltered': {
    en: 'it is cut short or altered at its end (no end marker).',
    de: 'Die Datei ist am Ende abgeschnitten oder verändert (keine Endmarke).'
  },
  'labFile.damage.indexOutOfPlace': { en: 'its index is out of place.', de: 'Der Index steht an der falschen Stelle.' },
  'labFile.damage.checksum': {
    en: 'its checksum does not match (the file was changed or corrupted after it was saved).',
    de: 'Die Prüfsumme stimmt nicht (die Datei wurde nach dem Speichern verändert oder beschädigt).'
  },
  'labFile.damage.chunkHash': { en: 'disk chunk {chunk}… does not match its hash.', de: 'Der Plattenblock {chunk}… passt nicht zu seinem Hashwert.' },
  'labFile.damage.chunkMissing': { en: 'disk chunk {chunk}… is missing.', de: 'Der Plattenblock {chunk}… fehlt.' },
  'labFile.damage.chunkHeader': { en: 'disk chunk {chunk}… does not agree with the index.', de: 'Der Plattenblock {chunk}… stimmt nicht mit dem Index überein.' },
  'labFile.damage.chunkInflate': { en: 'disk chunk {chunk}… does not decompress.', de: 'Der Plattenblock {chunk}… lässt sich nicht entpacken.' },
  'labFile.damage.diskShort': { en: 'a disk is shorter than its length says.', de: 'Eine Platte ist kürzer, als ihre Längenangabe sagt.' },
  'labFile.damage.chunkIndex': { en: 'its chunk index is malformed.', de: 'Das Blockverzeichnis ist fehlerhaft.' },
  'labFile.damage.chunkEntry': { en: 'its chunk index entry {chunk} is malformed.', de: 'Der Eintrag {chunk} des Blockverzeichnisses ist fehlerhaft.' },
  'labFile.damage.endedEarly': { en: 'it ends early.', de: 'Die Datei endet zu früh.' },
  'labFile.damage.endedWhileRead': {
    en: 'it ended early (was it changed while being read?).',
    de: 'Die Datei endet zu früh (wurde sie während des Lesens verändert?).'
  },
  'labFile.notLabFile': { en: 'This is not a KeyFlow Lab file.', de: 'Dies ist keine KeyFlow-Lab-Datei.' },
  'labFile.notJson': { en: 'This is not a KeyFlow Lab file: it is not JSON.', de: 'Dies ist keine KeyFlow-Lab-Datei: Der Inhalt ist kein JSON.' },
  'labFile.wrongFormat': {
    en: 'This is not a KeyFlow Lab file (its format is not “{format}”).',
    de: 'Dies ist keine KeyFlow-Lab-Datei (ihr Format ist nicht „{format}“).'
  },
  'labFile.tooLarge': {
    en: 'This is not a KeyFlow Lab file: it is too large for a format-1 file and it is not a container.',
    de: 'Dies ist keine KeyFlow-Lab-Datei: Für eine Datei im Format 1 ist sie zu groß, und ein Container ist sie nicht.'
  },
  'labFile.notRegularFile': {
    en: 'This is not a lab file: only regular files are opened (not a FIFO, a device or a folder).',
    de: 'Dies ist keine Labordatei: Geöffnet werden nur gewöhnliche Dateien (keine FIFOs, Geräte oder Ordner).'
  },
  'labFile.badVersion': {
    en: 'This lab file has version {version}; this KeyFlow Lab reads versions 1 to {supported}.',
    de: 'Diese Labordatei hat die Version {version}; diese Version von KeyFlow Lab liest die Dateiversionen 1 bis {supported}.'
  },
  'labFile.changedSinceOpened': {
    en: 'The lab file changed on disk after it was opened: {detail}',
    de: 'Die Labordatei wurde nach dem Öffnen auf dem Datenträger verändert: {detail}'
  },
  'labFile.changed.chunk': { en: 'disk chunk {chunk}… no longer matches its hash.', de: 'Der Plattenblock {chunk}… passt nicht mehr zu seinem Hashwert.' },
  'labFile.changed.shorter': { en: 'it is shorter now.', de: 'Die Datei ist jetzt kürzer.' },
  // Opening and saving by path (node/labFile/fileErrors.ts): what the system refused, said for the file at hand
  'labFile.cannotOpen': { en: 'The lab file {path} cannot be opened. {reason}', de: 'Die Labordatei {path} lässt sich nicht öffnen. {reason}' },
  'labFile.cannotSave': {
    en: 'The lab could not be saved as {path}. {reason} The open lab stays as it is, and no file was overwritten.',
    de: 'Das Labor konnte nicht als {path} gespeichert werden. {reason} Das geöffnete Labor bleibt unverändert, und keine Datei wurde überschrieben.'
  },
  'labFile.cannotAutosave': {
    en: 'The lab could not be autosaved. {reason} Save the lab yourself to keep your latest changes safe.',
    de: 'Das Labor konnte nicht automatisch gesichert werden. {reason} Speichern Sie das Labor selbst, um Ihre letzten Änderungen zu sichern.'
  },
  'labFile.io.notFound': {
    en: 'The file does not exist (any more): it may have been moved, renamed or deleted.',
    de: 'Die Datei existiert nicht (mehr): Vielleicht wurde sie verschoben, umbenannt oder gelöscht.'
  },
  'labFile.io.folderMissing': { en: 'Its folder does not exist.', de: 'Der Ordner existiert nicht.' },
  'labFile.io.noReadPermission': { en: 'You do not have permission to read it.', de: 'Sie haben keine Leseberechtigung für diese Datei.' },
  'labFile.io.noWritePermission': { en: 'You do not have permission to write there.', de: 'Sie haben dort keine Schreibberechtigung.' },
  'labFile.io.diskFull': { en: 'The disk is full (or your quota is used up).', de: 'Der Datenträger ist voll (oder Ihr Kontingent ist ausgeschöpft).' },
  'labFile.io.readOnly': { en: 'The disk is read-only.', de: 'Der Datenträger ist schreibgeschützt.' },
  'labFile.io.isFolder': { en: 'A folder has that name.', de: 'Unter diesem Namen gibt es einen Ordner.' },
  'labFile.io.other': { en: 'The system reports error {code}.', de: 'Das System meldet den Fehler {code}.' },
  'labFile.io.unexpected': { en: 'An unexpected error occurred: {message}', de: 'Ein unerwarteter Fehler ist aufgetreten (Meldung, englisch: „{message}“).' },
  'labFile.noFileChosen.save': { en: 'No file was chosen: the lab was not saved.', de: 'Es wurde keine Datei gewählt: Das Labor wurde nicht gespeichert.' },
  'labFile.noFileChosen.open': { en: 'No file was chosen: the open lab is unchanged.', de: 'Es wurde keine Datei gewählt: Das geöffnete Labor bleibt unverändert.' },
  // Lab files sent from the window in parts and downloaded in parts (node/host/partedImports.ts, partedExports.ts)
  'labFile.import.tooMany': {
    en: 'Too many lab files are being opened at once ({max}): wait for one to finish, then try again.',
    de: 'Es werden zu viele Labordateien gleichzeitig geöffnet ({max}): Warten Sie, bis eine fertig ist, und versuchen Sie es dann erneut.'
  },
  'labFile.import.gone': {
    en: 'The file was not received in full: the transfer was cancelled or paused too long. Open the file again.',
    de: 'Die Datei wurde nicht vollständig empfangen: Die Übertragung wurde abgebrochen oder zu lange unterbrochen. Öffnen Sie die Datei erneut.'
  },
  'labFile.import.incomplete': {
    en: 'The file was not received in full: {missing, plural, one {# of {parts} parts is missing} other {# of {parts} parts are missing}}. Open the file again.',
    de: 'Die Datei wurde nicht vollständig empfangen: {missing, plural, one {# von {parts} Teilen fehlt} other {# von {parts} Teilen fehlen}}. Öffnen Sie die Datei erneut.'
  },
  'labFile.import.badPart': {
    en: 'Part {index} of the file arrived damaged ({bytes} bytes, not {want}). Open the file again.',
    de: 'Teil {index} der Datei ist beschädigt angekommen ({bytes} statt {want} Byte). Öffnen Sie die Datei erneut.'
  },
  'labFile.import.noSuchPart': {
    en: 'The file has {parts} parts; part {index} does not belong to it. Open the file again.',
    de: 'Die Datei hat {parts} Teile; Teil {index} gehört nicht dazu. Öffnen Sie die Datei erneut.'
  },
  'labFile.import.unreadable': { en: 'The chosen file could not be read.', de: 'Die gewählte Datei konnte nicht gelesen werden.' },
  'labFile.download.badPart': {
    en: 'Part {index} of the lab file arrived damaged ({bytes} bytes, not {want}). Download the lab again.',
    de: 'Teil {index} der Labordatei ist beschädigt angekommen ({bytes} statt {want} Byte). Laden Sie das Labor erneut herunter.'
  },
  'labFile.download.tooMany': {
    en: 'Too many downloads are running at once ({max}): wait for one to finish, then try again.',
    de: 'Es laufen zu viele Downloads gleichzeitig ({max}): Warten Sie, bis einer fertig ist, und versuchen Sie es dann erneut.'
  },
  'labFile.download.gone': {
    en: 'The download was finished, or dropped after a long pause: download the lab again.',
    de: 'Der Download ist beendet oder wurde nach einer langen Pause verworfen: Laden Sie das Labor erneut herunter.'
  },
  'labFile.download.noSuchPart': {
    en: 'The download has {parts} parts; there is no part {index}. Download the lab again.',
    de: 'Der Download hat {parts} Teile; einen Teil {index} gibt es nicht. Laden Sie das Labor erneut herunter.'
  },
  'labFile.download.endedEarly': {
    en: 'The lab file of the download ended early. Download the lab again.',
    de: 'Die Labordatei des Downloads endet zu früh. Laden Sie das Labor erneut herunter.'
  },
  'labFile.download.cannotWrite': {
    en: 'The lab file for the download could not be written. {reason}',
    de: 'Die Labordatei für den Download konnte nicht geschrieben werden. {reason}'
  },
  // The browser window and its lab host (renderer/src/api/wsLabApi.ts): why the window lost the lab
  'labHost.connectionLost': {
    en: 'The connection to the lab host was refused or broke off. Check that the lab host is running, then reload the page.',
    de: 'Die Verbindung zum Labor-Host wurde abgelehnt oder ist abgebrochen. Prüfen Sie, ob der Labor-Host läuft, und laden Sie die Seite dann neu.'
  },
  'labHost.connectionClosed': {
    en: 'The lab host closed the connection. Check that it is still running, then reload the page.',
    de: 'Der Labor-Host hat die Verbindung beendet. Prüfen Sie, ob er noch läuft, und laden Sie die Seite dann neu.'
  },
  'labHost.timelineGaps': {
    en: 'The lab host sent a history with gaps between its events. Reload the page.',
    de: 'Der Labor-Host hat einen Verlauf mit Lücken zwischen den Ereignissen gesendet. Laden Sie die Seite neu.'
  },
  // The window's own work (renderer/src/files/exportGraph.ts): the reason inside file.graphFailed
  'window.graphNotDrawn': { en: 'The browser could not draw it.', de: 'Der Browser konnte ihn nicht zeichnen.' },
  'tls.open': {
    en: 'vCenter opens a TLS session with {kms}: each side verified the other’s certificate (client {client}). The lab checks the certificates for real; it shows the KMIP messages as they are inside the session, without simulating its encryption.',
    de: 'vCenter öffnet eine TLS-Sitzung mit {kms}: Beide Seiten haben das Zertifikat der anderen geprüft (Client {client}). Das Labor prüft die Zertifikate echt; es zeigt die KMIP-Nachrichten, wie sie in der Sitzung stehen, ohne deren Verschlüsselung nachzubilden.'
  },
  'tls.open.external': { en: 'vCenter opens a TLS session with {kms}: {session}.', de: 'vCenter öffnet eine TLS-Sitzung mit {kms}: {session}.' },
  'tls.close': { en: 'vCenter closes the TLS session with {kms}.', de: 'vCenter schließt die TLS-Sitzung mit {kms}.' },
  'kmip.req.DiscoverVersions': { en: 'vCenter asks {kms} which KMIP versions it speaks (Discover Versions).', de: 'vCenter fragt {kms}, welche KMIP-Versionen er spricht (Discover Versions).' },
  'kmip.res.DiscoverVersions': { en: '{kms} lists its KMIP versions; vCenter continues in KMIP 1.1.', de: '{kms} nennt seine KMIP-Versionen; vCenter spricht weiter KMIP 1.1.' },
  'kmip.req.Query': { en: 'vCenter asks {kms} who it is (Query: server information).', de: 'vCenter fragt {kms}, wer er ist (Query: Serverinformationen).' },
  'kmip.res.Query': { en: '{kms} identifies itself.', de: '{kms} stellt sich vor.' },
  'kmip.req.Create': {
    en: 'vCenter asks {kms} to create a new AES-256 key for Encrypt and Decrypt (Create).',
    de: 'vCenter bittet {kms}, einen neuen AES-256-Schlüssel zum Ver- und Entschlüsseln zu erzeugen (Create).'
  },
  'kmip.res.Create': {
    en: '{kms} creates the key and answers with its ID {keyId}: the key itself stays on the KMS.',
    de: '{kms} erzeugt den Schlüssel und antwortet mit seiner ID {keyId}: Der Schlüssel selbst bleibt auf dem KMS.'
  },
  'kmip.req.GetAttributes': { en: 'vCenter reads attributes {names} of key {keyId} (Get Attributes).', de: 'vCenter liest die Attribute {names} von Schlüssel {keyId} (Get Attributes).' },
  'kmip.res.GetAttributes': { en: '{kms} answers with the attributes of {keyId} it has: {values}.', de: '{kms} antwortet mit den vorhandenen Attributen von {keyId}: {values}.' },
  'kmip.req.AddAttribute': { en: 'vCenter tags key {keyId}: {names} (Add Attribute).', de: 'vCenter markiert Schlüssel {keyId}: {names} (Add Attribute).' },
  'kmip.res.AddAttribute': { en: '{kms} stores the tags of {keyId}.', de: '{kms} speichert die Markierungen von {keyId}.' },
  'kmip.req.Get': { en: 'vCenter asks {kms} for the key material of {keyId} (Get).', de: 'vCenter fragt {kms} nach dem Schlüsselmaterial von {keyId} (Get).' },
  'kmip.res.Get': {
    en: '{kms} sends the key material of {keyId} to vCenter, protected only by the TLS session.',
    de: '{kms} schickt das Schlüsselmaterial von {keyId} an vCenter, geschützt nur durch die TLS-Sitzung.'
  },
  'kmip.req.Activate': { en: 'Key {keyId} is Pre-Active: vCenter activates it (Activate).', de: 'Schlüssel {keyId} ist noch nicht aktiviert (Pre-Active): vCenter aktiviert ihn (Activate).' },
  'kmip.res.Activate': { en: '{kms} activates key {keyId}.', de: '{kms} aktiviert Schlüssel {keyId}.' },
  'kmip.req.other': { en: 'vCenter sends {operation} to {kms}.', de: 'vCenter sendet {operation} an {kms}.' },
  'kmip.res.other': { en: '{kms} answers {operation}.', de: '{kms} beantwortet {operation}.' },
  'kmip.res.unreadable': { en: '{kms} answers {operation} with bytes vCenter cannot read as KMIP.', de: '{kms} antwortet auf {operation} mit Bytes, die vCenter nicht als KMIP lesen kann.' },
  'kmip.res.failed': { en: '{kms} refuses {operation}: {reason}. {explanation}', de: '{kms} lehnt die KMIP-Operation {operation} ab: {reason}. {explanation}' },

  // vCenter
  'vcenter.stopped': {
    en: 'vCenter Server stops. Its database (key providers, key IDs) survives; running VMs are not affected.',
    de: 'vCenter Server stoppt. Seine Datenbank (Schlüsselanbieter, Schlüssel-IDs) bleibt erhalten; laufende VMs sind nicht betroffen.'
  },
  'vcenter.started': { en: 'vCenter Server is back and reconnects to its hosts.', de: 'vCenter Server ist zurück und verbindet sich wieder mit seinen Hosts.' },
  'vcenter.key.forget': {
    en: 'vCenter forgets the material of {keyId}: it keeps only the key ID.',
    de: 'vCenter vergisst das Material von {keyId}: Es behält nur die Schlüssel-ID.'
  },
  'vcenter.key.notActive': {
    en: 'Key {keyId} is {state}: vCenter refuses to use it and discards the material.',
    de: 'Schlüssel {keyId} ist {state}: vCenter verwendet ihn nicht und verwirft das Material.'
  },
  'vcenter.push.hostKey': {
    en: 'vCenter pushes the host key {keyId} into the key cache of {host} (in memory only).',
    de: 'vCenter legt den Host-Schlüssel {keyId} in den Schlüssel-Cache von {host} (nur im Arbeitsspeicher).'
  },
  'vcenter.push.kek': {
    en: 'vCenter pushes the KEK {keyId} into the key cache of {host} (in memory only).',
    de: 'vCenter legt den KEK {keyId} in den Schlüssel-Cache von {host} (nur im Arbeitsspeicher).'
  },
  'vcenter.push.hostKey.sealed': {
    en: 'vCenter pushes the host key {keyId} into the key cache of {host}; with key persistence a copy is also sealed by its TPM to the host’s disk.',
    de: 'vCenter legt den Host-Schlüssel {keyId} in den Schlüssel-Cache von {host}; mit Schlüsselpersistenz versiegelt sein TPM eine Kopie auf der Platte des Hosts.'
  },
  'vcenter.push.kek.sealed': {
    en: 'vCenter pushes the KEK {keyId} into the key cache of {host}; with key persistence a copy is also sealed by its TPM to the host’s disk.',
    de: 'vCenter legt den KEK {keyId} in den Schlüssel-Cache von {host}; mit Schlüsselpersistenz versiegelt sein TPM eine Kopie auf der Platte des Hosts.'
  },
  'vcenter.db.vmKey': {
    en: 'vCenter writes to its database: {name} is protected by key {keyId} of {provider} (the ID, never the key).',
    de: 'vCenter schreibt in seine Datenbank: {name} ist mit Schlüssel {keyId} von {provider} geschützt (die ID, nie den Schlüssel).'
  },
  'vcenter.db.hostKey': {
    en: 'vCenter writes to its database: the host key of {name} is {keyId} of {provider} (the ID, never the key).',
    de: 'vCenter schreibt in seine Datenbank: Der Host-Schlüssel von {name} ist {keyId} von {provider} (die ID, nie der Schlüssel).'
  },
  'vcenter.db.vmKeyRemoved': { en: 'vCenter removes the key ID of {name} from its database.', de: 'vCenter entfernt die Schlüssel-ID von {name} aus seiner Datenbank.' },

  // Terms: states and KMIP reasons inside sentences (shared/i18n/terms.ts); the window's badges use them too.
  'term.hostState.incapable': { en: 'incapable', de: 'nicht bereit' },
  'term.hostState.prepared': { en: 'prepared', de: 'vorbereitet' },
  'term.hostState.safe': { en: 'safe', de: 'sicher' },
  'term.hostState.pendingIncapable': { en: 'pendingIncapable', de: 'wird zurückgesetzt' },
  'term.kmipState.PreActive': { en: 'Pre-Active', de: 'vor der Aktivierung' },
  'term.kmipState.Active': { en: 'Active', de: 'aktiv' },
  'term.kmipState.Deactivated': { en: 'Deactivated', de: 'deaktiviert' },
  'term.kmipState.Compromised': { en: 'Compromised', de: 'kompromittiert' },
  'term.kmipState.Destroyed': { en: 'Destroyed', de: 'vernichtet' },
  'term.kmipState.DestroyedCompromised': { en: 'Destroyed Compromised', de: 'vernichtet und kompromittiert' },
  'term.kmipState.unknown': { en: 'State {code}', de: 'Zustand {code}' },
  'term.resultReason.ItemNotFound': { en: 'Item Not Found', de: 'Objekt nicht gefunden (Item Not Found)' },
  'term.resultReason.ResponseTooLarge': { en: 'Response Too Large', de: 'Antwort zu groß (Response Too Large)' },
  'term.resultReason.AuthenticationNotSuccessful': { en: 'Authentication Not Successful', de: 'Anmeldung fehlgeschlagen (Authentication Not Successful)' },
  'term.resultReason.InvalidMessage': { en: 'Invalid Message', de: 'ungültige Nachricht (Invalid Message)' },
  'term.resultReason.OperationNotSupported': { en: 'Operation Not Supported', de: 'Operation nicht unterstützt (Operation Not Supported)' },
  'term.resultReason.MissingData': { en: 'Missing Data', de: 'Daten fehlen (Missing Data)' },
  'term.resultReason.InvalidField': { en: 'Invalid Field', de: 'ungültiges Feld (Invalid Field)' },
  'term.resultReason.FeatureNotSupported': { en: 'Feature Not Supported', de: 'Funktion nicht unterstützt (Feature Not Supported)' },
  'term.resultReason.OperationCanceledByRequester': { en: 'Operation Canceled By Requester', de: 'vom Aufrufer abgebrochen (Operation Canceled By Requester)' },
  'term.resultReason.CryptographicFailure': { en: 'Cryptographic Failure', de: 'kryptografischer Fehler (Cryptographic Failure)' },
  'term.resultReason.IllegalOperation': { en: 'Illegal Operation', de: 'unzulässige Operation (Illegal Operation)' },
  'term.resultReason.PermissionDenied': { en: 'Permission Denied', de: 'keine Berechtigung (Permission Denied)' },
  'term.resultReason.ObjectArchived': { en: 'Object Archived', de: 'Objekt archiviert (Object Archived)' },
  'term.resultReason.IndexOutOfBounds': { en: 'Index Out Of Bounds', de: 'Index außerhalb des Bereichs (Index Out Of Bounds)' },
  'term.resultReason.ApplicationNamespaceNotSupported': { en: 'Application Namespace Not Supported', de: 'Anwendungsnamensraum nicht unterstützt (Application Namespace Not Supported)' },
  'term.resultReason.KeyFormatTypeNotSupported': { en: 'Key Format Type Not Supported', de: 'Schlüsselformat nicht unterstützt (Key Format Type Not Supported)' },
  'term.resultReason.KeyCompressionTypeNotSupported': { en: 'Key Compression Type Not Supported', de: 'Schlüsselkompression nicht unterstützt (Key Compression Type Not Supported)' },
  'term.resultReason.EncodingOptionError': { en: 'Encoding Option Error', de: 'Fehler in der Kodierungsoption (Encoding Option Error)' },
  'term.resultReason.GeneralFailure': { en: 'General Failure', de: 'allgemeiner Fehler (General Failure)' },
  'term.resultReason.unknown': { en: 'Reason {code}', de: 'Grund {code}' },
  'term.kmsNotRunning': { en: 'connection refused', de: 'Verbindung abgelehnt' },
  'term.noExternalKms': { en: 'this lab host cannot reach external KMIP servers', de: 'dieser Labor-Host erreicht keine externen KMIP-Server' },
  'term.externalKmsNotContacted': {
    en: 'not contacted while the lab file was opened (lab files open offline)',
    de: 'beim Öffnen der Labordatei nicht kontaktiert (Labordateien werden offline geöffnet)'
  },
  'term.reasonOfKms': { en: '{kms}: {reason}', de: '{kms}: {reason}' },
  'term.noSuchFile': { en: '{path}: no such file', de: '{path}: Datei nicht gefunden' },
  'term.list': { en: '{a}; {b}', de: '{a}; {b}' },
  'term.none': { en: 'none', de: 'keine' },

  // Hosts
  'datastore.added': { en: 'Datastore {datastore} is shared by the hosts of cluster {cluster}.', de: 'Datenspeicher {datastore} wird von den Hosts im Cluster {cluster} geteilt.' },
  'host.maintenance.entered': {
    en: '{host} enters maintenance mode: no VM runs on it, and none moves to it or is created on it until it exits. Now vCenter may remove it.',
    de: '{host} wechselt in den Wartungsmodus: Dort läuft keine VM, und keine wird dorthin verschoben oder dort angelegt, bis der Host ihn verlässt. Jetzt kann vCenter ihn entfernen.'
  },
  'host.maintenance.exited': { en: '{host} exits maintenance mode: VMs may run on it again.', de: '{host} verlässt den Wartungsmodus: Dort dürfen wieder VMs laufen.' },
  'host.removed': {
    en: 'vCenter removes {host} from cluster {cluster}. Whatever the host held in memory, its key cache included, is gone with it.',
    de: 'vCenter entfernt {host} aus Cluster {cluster}. Was der Host im Speicher hielt, sein Schlüssel-Cache eingeschlossen, ist mit ihm verschwunden.'
  },
  'host.removed.keyStays': {
    en: 'The host key {keyId} of {name} stays in the KMS of {provider}: vCenter never deletes keys.',
    de: 'Der Host-Schlüssel {keyId} von {name} bleibt im KMS von {provider}: vCenter löscht nie Schlüssel.'
  },
  'vm.removed.files': {
    en: '{vm} is deleted from disk: its {count} files on {datastore} are removed.',
    de: '{vm} wird von der Festplatte gelöscht: Die Dateien auf {datastore} werden entfernt ({count}).'
  },
  'vm.removed.keyStays': {
    en: 'The KEK {keyId} of {name} stays in the KMS of {provider}: vCenter never deletes keys, so a copy of the VM’s files could still be opened with it.',
    de: 'Der KEK {keyId} von {name} bleibt im KMS von {provider}: vCenter löscht nie Schlüssel, eine Kopie der VM-Dateien ließe sich also weiterhin damit öffnen.'
  },
  'keyId.forgotten.derivable': {
    en: 'The key {keyId} of {name} came from the KDK of the Native Key Provider {provider}: while that provider exists, its hosts can derive it again, so a copy of the files could still be opened.',
    de: 'Der Schlüssel {keyId} von {name} stammt aus dem KDK des Native Key Providers {provider}: Solange es diesen Anbieter gibt, können seine Hosts ihn erneut ableiten; eine Kopie der Dateien ließe sich also weiterhin öffnen.'
  },
  'vm.removed': { en: 'vCenter forgets {vm}; it no longer exists on {host}.', de: 'vCenter vergisst {vm}; die VM existiert auf {host} nicht mehr.' },
  'kms.removed': {
    en: 'vCenter removes KMS server {kms} from key provider {provider}; the provider’s other servers keep its keys.',
    de: 'vCenter entfernt den KMS-Server {kms} aus dem Schlüsselanbieter {provider}; die anderen Server des Anbieters behalten seine Schlüssel.'
  },
  'kms.removed.last': {
    en: 'vCenter removes KMS server {kms}, the last server of key provider {provider}. None of its keys protects anything in the lab.',
    de: 'vCenter entfernt den KMS-Server {kms}, den letzten Server des Schlüsselanbieters {provider}. Keiner seiner Schlüssel schützt etwas im Labor.'
  },
  'provider.removed': {
    en: 'vCenter removes key provider {provider} and its trust. Its KMS servers keep running and keep their keys; vCenter no longer connects to them.',
    de: 'vCenter entfernt den Schlüsselanbieter {provider} samt Vertrauensstellung. Seine KMS-Server laufen weiter und behalten ihre Schlüssel; vCenter verbindet sich nicht mehr mit ihnen.'
  },
  'host.added': {
    en: 'ESXi host {host} joins cluster {cluster}. Its crypto state is incapable: it holds no keys yet.',
    de: 'ESXi-Host {host} tritt Cluster {cluster} bei. Sein Krypto-Zustand ist „nicht bereit“ (incapable): Er hält noch keine Schlüssel.'
  },
  'host.added.noTpm': {
    en: 'ESXi host {host} joins cluster {cluster}, without a TPM 2.0 chip. Its crypto state is incapable: it holds no keys yet.',
    de: 'ESXi-Host {host} tritt Cluster {cluster} bei, ohne TPM-2.0-Chip. Sein Krypto-Zustand ist „nicht bereit“ (incapable): Er hält noch keine Schlüssel.'
  },
  'host.prepare': {
    en: 'vCenter prepares {host} for encryption (PrepareCrypto): incapable → prepared.',
    de: 'vCenter bereitet {host} auf die Verschlüsselung vor (PrepareCrypto): „nicht bereit“ → „vorbereitet“.'
  },
  'host.safe': {
    en: '{host} is crypto safe: host key {keyId} is in its key cache, and core dumps are encrypted from now on.',
    de: '{host} ist krypto-sicher: Host-Schlüssel {keyId} liegt im Schlüssel-Cache, Core-Dumps werden ab jetzt verschlüsselt.'
  },
  'host.hostKeyMissing': {
    en: 'vCenter could not get the host key {keyId} of {host}: the host stays without it.',
    de: 'vCenter konnte den Host-Schlüssel {keyId} von {host} nicht holen: Der Host bleibt ohne ihn.'
  },
  'host.restart': {
    en: '{host} reboots: its memory is gone — the key cache is empty and its VMs are powered off.',
    de: '{host} startet neu: Sein Arbeitsspeicher ist leer — der Schlüssel-Cache ist geleert und seine VMs sind aus.'
  },
  'host.restart.afterCrash': {
    en: '{host} reboots after the crash: its memory is gone — the key cache is empty and its VMs are powered off.',
    de: '{host} startet nach dem Absturz neu: Sein Arbeitsspeicher ist leer — der Schlüssel-Cache ist geleert und seine VMs sind aus.'
  },
  'host.incapableAfterReboot': {
    en: '{host} was pendingIncapable: after the reboot it is incapable, without a host key.',
    de: '{host} wurde zurückgesetzt: Nach dem Neustart ist er „nicht bereit“, ohne Host-Schlüssel.'
  },
  'host.keys.unsealed': {
    en: 'Key persistence: the TPM of {host} unseals {count, plural, one {# key} other {# keys}} into the key cache — no need to ask vCenter.',
    de: 'Schlüsselpersistenz: Das TPM von {host} entsiegelt {count} Schlüssel in den Schlüssel-Cache — vCenter muss nicht gefragt werden.'
  },
  'host.vcenterUnreachable': {
    en: '{host} cannot reach vCenter: its key cache lived in memory only, and only vCenter can push the keys back — not before it returns.',
    de: '{host} erreicht vCenter nicht: Sein Schlüssel-Cache lebte nur im Arbeitsspeicher, und nur vCenter kann die Schlüssel zurückbringen — nicht bevor es wieder da ist.'
  },
  'host.vcenterUnreachable.sealed': {
    en: '{host} cannot reach vCenter: it keeps going with {count, plural, =0 {no key from its TPM} one {the one key its TPM unsealed} other {the # keys its TPM unsealed}}; a key it never sealed stays missing until vCenter returns.',
    de: '{host} erreicht vCenter nicht: Er arbeitet {count, plural, =0 {ohne Schlüssel aus seinem TPM weiter} one {mit dem einen Schlüssel weiter, den sein TPM entsiegelt hat} other {mit den # Schlüsseln weiter, die sein TPM entsiegelt hat}}; ein nie versiegelter Schlüssel fehlt, bis vCenter zurück ist.'
  },
  'host.preparedWithoutHostKey': {
    en: '{host} has no host key in its key cache ({keyId} was lost with its memory): it is prepared, not crypto safe, until vCenter pushes the key again.',
    de: '{host} hat keinen Host-Schlüssel im Cache ({keyId} ging mit dem Arbeitsspeicher verloren): Er ist vorbereitet (prepared), nicht sicher, bis vCenter den Schlüssel erneut überträgt.'
  },
  'host.reconnect.vcenterBack': {
    en: '{host} reconnects to vCenter, which is back; vCenter pushes the host key again if the host lost it. VMs locked meanwhile stay locked until you unlock them.',
    de: '{host} verbindet sich wieder mit vCenter, das wieder läuft; vCenter gibt dem Host seinen Host-Schlüssel erneut, falls er ihn verloren hat. Inzwischen gesperrte VMs bleiben gesperrt, bis Sie sie entsperren.'
  },
  'host.reconnect': {
    en: '{host} reconnects to vCenter; vCenter gets the keys this host needs from the KMS.',
    de: '{host} verbindet sich wieder mit vCenter; vCenter holt die Schlüssel, die dieser Host braucht, vom KMS.'
  },
  'host.dek.discard': { en: '{host} drops the internal keys of {vm} (VM home key and disk DEKs) from memory.', de: '{host} entfernt die internen Schlüssel von {vm} (VM-Home-Schlüssel und Platten-DEKs) aus dem Speicher.' },
  'host.psod': {
    en: '{host} crashes (purple screen): it writes a core dump of its memory before rebooting. (The lab’s dump holds the key cache and the memory of the running VMs; a real vmkernel zdump holds kernel memory, and VM memory goes to VM core files.)',
    de: '{host} stürzt ab (Purple Screen): Vor dem Neustart schreibt er einen Core-Dump seines Speichers. (Der Dump des Labors enthält den Schlüssel-Cache und den Speicher der laufenden VMs; ein echter vmkernel-zdump enthält Kernel-Speicher, VM-Speicher landet in VM-Core-Dateien.)'
  },
  'host.coredump.vmx': {
    en: '{host} writes {file}, the core file of the VMX process of encrypted VM {vm}: encrypted with the VM key {keyId} (since vSphere 6.7; before, with the host key). Only a host that holds the VM key can read it. (ESXi names monitor core files vmmcores.ve and keeps them in the VM’s directory; the lab puts them in /var/core beside the vmkernel dump.)',
    de: '{host} schreibt {file}, die Core-Datei des VMX-Prozesses der verschlüsselten VM {vm}: verschlüsselt mit dem VM-Schlüssel {keyId} (seit vSphere 6.7; davor mit dem Host-Schlüssel). Lesen kann sie nur ein Host, der den VM-Schlüssel hat. (ESXi nennt Monitor-Core-Dateien vmmcores.ve und legt sie im Verzeichnis der VM ab; das Labor legt sie neben den vmkernel-Dump nach /var/core.)'
  },
  'host.coredump.encrypted': {
    en: '{host} writes {file} as an envelope: a one-time key encrypts the dump and is wrapped by host key {keyId}. (ESXi writes the dump to its dump partition first and copies it to /var/core after the reboot; the lab puts it there at once.)',
    de: '{host} schreibt {file} als Umschlag: Ein Einmalschlüssel verschlüsselt den Dump und wird mit Host-Schlüssel {keyId} umhüllt. (ESXi schreibt den Dump zuerst in seine Dump-Partition und kopiert ihn nach dem Neustart nach /var/core; das Labor legt ihn gleich dort ab.)'
  },
  'host.coredump.plain': {
    en: '{host} is not crypto safe: {file} holds its memory in clear — anyone who copies the file can read it.',
    de: '{host} ist nicht krypto-sicher: {file} enthält seinen Speicher im Klartext — wer die Datei kopiert, kann ihn lesen.'
  },
  'host.coredump.noHostKey': {
    en: '{host} is in host encryption mode but its host key is not in the key cache: the lab writes no core dump here, so no key lands on disk in clear (real ESXi behaviour in this case is not documented).',
    de: '{host} ist im Host-Verschlüsselungsmodus, aber sein Host-Schlüssel ist nicht im Cache: Das Labor schreibt hier keinen Core-Dump, damit kein Schlüssel unverschlüsselt auf die Platte gelangt (das reale ESXi-Verhalten ist in diesem Fall nicht dokumentiert).'
  },
  'host.coredump.event': {
    en: 'vCenter logs the encrypted core dump of {host}: file {file}, key ID {keyId}.',
    de: 'vCenter protokolliert den verschlüsselten Core-Dump von {host}: Datei {file}, Schlüssel-ID {keyId}.'
  },
  'host.cryptoUtil.describe': { en: 'crypto-util on {host}: {args} — the envelope names key {keyId}, which is in the key cache.', de: 'crypto-util auf {host}: {args} — der Umschlag nennt Schlüssel {keyId}, der im Schlüssel-Cache liegt.' },
  'host.cryptoUtil.describe.keyMissing': {
    en: 'crypto-util on {host}: {args} — the envelope’s clear header names key {keyId}, which is not in this host’s key cache: describe works, extract will not until vCenter pushes that key again.',
    de: 'crypto-util auf {host}: {args} — der Klartext-Kopf des Umschlags nennt Schlüssel {keyId}, der nicht im Schlüssel-Cache dieses Hosts liegt: describe geht, extract erst, wenn vCenter diesen Schlüssel wieder bereitstellt.'
  },
  'host.cryptoUtil.extract': {
    en: 'crypto-util on {host}: {args} — {bytes, plural, one {# byte} other {# bytes}} decrypted with the host key from the cache (the lab shows them instead of writing them to disk, where they would expose the keys).',
    de: 'crypto-util auf {host}: {args} — {bytes, plural, one {# Byte} other {# Bytes}} mit dem Host-Schlüssel aus dem Cache entschlüsselt (das Labor zeigt sie an, statt sie auf die Platte zu schreiben, wo sie die Schlüssel preisgäben).'
  },
  'host.cryptoUtil.extract.incident': {
    en: 'crypto-util on {host}: {args} — the password opens the incident key file, and its incident key opens the dump: {bytes, plural, one {# byte} other {# bytes}}, without the host key.',
    de: 'crypto-util auf {host}: {args} — das Kennwort öffnet die Incident-Schlüsseldatei, deren Incident-Schlüssel den Dump: {bytes, plural, one {# Byte} other {# Bytes}}, ohne den Host-Schlüssel.'
  },
  'host.vmSupport.start': {
    en: 'vm-support on {host} with a password for encrypted core dumps: the dumps are recrypted to a one-time incident key, and that key is locked with a key derived from the password (which is not stored).',
    de: 'vm-support auf {host} mit einem Kennwort für verschlüsselte Core-Dumps: Die Dumps werden auf einen einmaligen Incident-Schlüssel umverschlüsselt, und dieser Schlüssel wird mit einem aus dem Kennwort abgeleiteten Schlüssel verschlossen (das Kennwort wird nicht gespeichert).'
  },
  'host.vmSupport.recrypted': {
    en: '{file}: its one-time data key is unwrapped with host key {keyId} from the key cache and wrapped again by the incident key; the encrypted body is copied unchanged.',
    de: '{file}: Sein einmaliger Datenschlüssel wird mit dem Host-Schlüssel {keyId} aus dem Cache ausgepackt und mit dem Incident-Schlüssel neu umhüllt; der verschlüsselte Inhalt wird unverändert kopiert.'
  },
  'host.vmSupport.done': {
    en: 'The bundle is ready in {dir}: {count, plural, one {# recrypted dump} other {# recrypted dumps}} and the incident key file. Support opens them with crypto-util --keyfile <incident key file> --password, without the host key. (vSphere packs this into a .tgz you download; the lab leaves the files in /var/core.)',
    de: 'Das Bundle liegt in {dir}: {count, plural, one {# umverschlüsselter Dump} other {# umverschlüsselte Dumps}} und die Incident-Schlüsseldatei. Der Support öffnet sie mit crypto-util --keyfile <Incident-Schlüsseldatei> --password, ohne den Host-Schlüssel. (vSphere packt das in eine .tgz zum Herunterladen; das Labor lässt die Dateien in /var/core.)'
  },
  'host.vmSupport.noDumps': {
    en: 'vm-support on {host}: there is no encrypted core dump to recrypt; the password changes nothing.',
    de: 'vm-support auf {host}: Es gibt keinen verschlüsselten Core-Dump zum Umverschlüsseln; das Kennwort ändert nichts.'
  },
  'host.esxcli.encryption.tpm': {
    en: 'esxcli on {host}: {args} — ESXi keeps its own configuration (and in it a Native Key Provider’s KDK) in an encrypted archive whose key the TPM seals: mode TPM. This protects the host’s configuration, not VM keys; key persistence builds on the same TPM.',
    de: 'esxcli auf {host}: {args} — ESXi bewahrt seine eigene Konfiguration (und darin den KDK eines Native Key Providers) in einem verschlüsselten Archiv auf, dessen Schlüssel das TPM versiegelt: Modus TPM. Das schützt die Konfiguration des Hosts, nicht die VM-Schlüssel; die Schlüsselpersistenz baut auf demselben TPM auf.'
  },
  'host.esxcli.encryption.none': {
    en: 'esxcli on {host}: {args} — mode NONE: the host has no TPM, so the key of its encrypted configuration lies on the boot device beside it. Whoever copies that device can open the configuration, and a Native Key Provider’s KDK in it; a provider for TPM-protected hosts only gives such a host no KDK.',
    de: 'esxcli auf {host}: {args} — Modus NONE: Der Host hat kein TPM, daher liegt der Schlüssel seiner verschlüsselten Konfiguration auf demselben Boot-Gerät. Wer dieses Gerät kopiert, kann die Konfiguration öffnen und mit ihr den KDK eines Native Key Providers; ein Anbieter nur für TPM-geschützte Hosts gibt einem solchen Host keinen KDK.'
  },
  'host.esxcli.secureBoot.on': {
    en: 'esxcli on {host}: {args} — from now on the TPM unseals the configuration only after a boot with UEFI Secure Boot. (The lab’s hosts boot with Secure Boot on; the lab records the requirement and never boots without it.)',
    de: 'esxcli auf {host}: {args} — ab jetzt entsiegelt das TPM die Konfiguration nur nach einem Start mit UEFI Secure Boot. (Die Hosts des Labors starten mit Secure Boot; das Labor vermerkt die Anforderung und startet nie ohne.)'
  },
  'host.esxcli.secureBoot.off': {
    en: 'esxcli on {host}: {args} — the TPM no longer insists on UEFI Secure Boot before it unseals the configuration.',
    de: 'esxcli auf {host}: {args} — das TPM verlangt vor dem Entsiegeln der Konfiguration kein UEFI Secure Boot mehr.'
  },
  'fault.esxcli': { en: 'esxcli on {host}: {message}', de: 'esxcli auf {host}: {message}' },
  'esxcli.usage': {
    en: 'the lab’s hosts answer “system settings encryption get|set” and “system security keypersistence enable|disable --remove-all-stored-keys”',
    de: 'die Hosts des Labors beantworten „system settings encryption get|set“ und „system security keypersistence enable|disable --remove-all-stored-keys“'
  },
  'esxcli.badOption': { en: 'unknown or repeated option {option}', de: 'unbekannte oder doppelte Option {option}' },
  'esxcli.badValue': { en: '“{value}” is not a value for {option}', de: '„{value}“ ist kein Wert für {option}' },
  'fault.esxcli.noTpm': {
    en: '{host} has no TPM 2.0: its configuration cannot be sealed by one (mode TPM); it stays NONE.',
    de: '{host} hat kein TPM 2.0: Seine Konfiguration kann nicht von einem TPM versiegelt werden (Modus TPM); sie bleibt NONE.'
  },
  'fault.esxcli.tpmIsFinal': {
    en: 'The configuration of {host} is sealed by its TPM: once activated, mode TPM cannot be undone.',
    de: 'Die Konfiguration von {host} ist von seinem TPM versiegelt: Einmal aktiviert, lässt sich der Modus TPM nicht rückgängig machen.'
  },
  'fault.esxcli.secureBootNoTpm': {
    en: 'Secure Boot enforcement is a policy of the TPM that seals the configuration; {host} has no TPM.',
    de: 'Die Secure-Boot-Erzwingung ist eine Richtlinie des TPM, das die Konfiguration versiegelt; {host} hat kein TPM.'
  },
  'fault.esxcli.removeAllStoredKeys': {
    en: 'On {host}, key persistence is turned off as VMware documents it: “disable --remove-all-stored-keys” (the keys sealed so far are removed).',
    de: 'Auf {host} wird die Schlüsselpersistenz so ausgeschaltet, wie VMware es dokumentiert: „disable --remove-all-stored-keys“ (die bisher versiegelten Schlüssel werden entfernt).'
  },
  'host.keyPersistence.on': {
    en: 'Key persistence on {host} (vSphere 7.0 U2+, TPM 2.0): the TPM seals the key cache ({count, plural, one {# key} other {# keys}}) so it survives reboots.',
    de: 'Schlüsselpersistenz auf {host} (vSphere 7.0 U2+, TPM 2.0): Das TPM versiegelt den Schlüssel-Cache ({count} Schlüssel), damit er Neustarts übersteht.'
  },
  'host.keyPersistence.off': {
    en: 'Key persistence off on {host}: the sealed keys are removed (--remove-all-stored-keys).',
    de: 'Schlüsselpersistenz auf {host} aus: Die versiegelten Schlüssel werden entfernt (--remove-all-stored-keys).'
  },
  'host.reenabled': { en: 'Host encryption mode is back on for {host}: pendingIncapable → safe.', de: 'Host-Verschlüsselungsmodus für {host} wieder an: „wird zurückgesetzt“ → „krypto-sicher“.' },
  'host.disabled.prepared': { en: 'Host encryption mode off for {host}: prepared → incapable.', de: 'Host-Verschlüsselungsmodus für {host} aus: „vorbereitet“ → „nicht bereit“.' },
  'host.disabled.pending': {
    en: 'Host encryption mode off for {host}: safe → pendingIncapable. The host key stays in memory until the next reboot.',
    de: 'Host-Verschlüsselungsmodus für {host} aus: „krypto-sicher“ → „wird zurückgesetzt“. Der Host-Schlüssel bleibt bis zum nächsten Neustart im Speicher.'
  },
  'host.rekey.start': { en: 'vCenter changes the host key of {host} (ChangeKey), replacing {keyId}.', de: 'vCenter wechselt den Host-Schlüssel von {host} (ChangeKey) und ersetzt {keyId}.' },
  'host.rekey.dumpRewrapped': {
    en: '{host} re-wraps the one-time key of {file} with the new host key {keyId}; the dump body is unchanged.',
    de: '{host} umhüllt den Einmalschlüssel von {file} neu mit dem neuen Host-Schlüssel {keyId}; der Dump-Inhalt bleibt unverändert.'
  },
  'host.rekey.dumpSkipped': {
    en: '{host} cannot re-wrap {file}: its key {keyId} is not in the cache (best effort).',
    de: '{host} kann {file} nicht neu umhüllen: Sein Schlüssel {keyId} ist nicht im Cache (nach bestem Bemühen).'
  },
  'host.rekey.oldKeyRemoved': {
    en: '{host} removes the old host key {keyId} from its cache: dumps copied off the host earlier need that old key.',
    de: '{host} entfernt den alten Host-Schlüssel {keyId} aus dem Cache: Früher vom Host kopierte Dumps brauchen diesen alten Schlüssel.'
  },

  // VMs
  'vm.created': {
    en: '{host} creates {vm} on {datastore}: .vmx, a {mib, number} MiB disk and NVRAM, all in clear.',
    de: '{host} legt {vm} auf {datastore} an: .vmx, eine {mib, number}-MiB-Platte und NVRAM, alles im Klartext.'
  },
  'vm.created.encrypted': {
    en: '{host} creates {vm} on {datastore} with the VM Encryption Policy: VM home and disk are encrypted from the first byte, nothing is ever written in clear.',
    de: '{host} legt {vm} auf {datastore} mit der VM-Verschlüsselungsrichtlinie an: VM-Home und Platte sind ab dem ersten Byte verschlüsselt, nichts wird je im Klartext geschrieben.'
  },
  'vm.disk.added': {
    en: '{host} adds disk {disk} ({mib, number} MiB) to {vm}, in clear: {descriptor}.',
    de: '{host} fügt {vm} die Platte {disk} ({mib, number} MiB) im Klartext hinzu: {descriptor}.'
  },
  'vm.disk.added.encrypted': {
    en: '{host} adds disk {disk} ({mib, number} MiB) to {vm}, encrypted with a DEK of its own from the start: {descriptor}.',
    de: '{host} fügt {vm} die Platte {disk} ({mib, number} MiB) hinzu, von Anfang an mit einem eigenen DEK verschlüsselt: {descriptor}.'
  },
  'vm.encrypt.start': {
    en: 'Encrypt {vm} with the VM Encryption Policy: vCenter needs a key from the default provider {provider}.',
    de: '{vm} mit der VM-Verschlüsselungsrichtlinie verschlüsseln: vCenter braucht einen Schlüssel vom Standardanbieter {provider}.'
  },
  'vm.encrypt.disks.start': {
    en: 'Encrypt {count, plural, one {disk} other {disks}} {disks} of {vm}: its VM home is encrypted already, so the host locks each new disk key with the VM’s KEK {keyId} from its key cache.',
    de: '{count, plural, one {Platte} other {Platten}} {disks} von {vm} verschlüsseln: Das VM-Home ist schon verschlüsselt, daher verschließt der Host jeden neuen Plattenschlüssel mit dem KEK {keyId} der VM aus seinem Schlüssel-Cache.'
  },
  'vm.dek.generated': {
    en: '{host} generates the DEK of disk {disk} of {vm}: 64 random bytes for XTS-AES-256, made on the host for this disk alone, never sent anywhere.',
    de: '{host} erzeugt den DEK der Platte {disk} von {vm}: 64 Zufallsbytes für XTS-AES-256, auf dem Host nur für diese Platte erzeugt, nie verschickt.'
  },
  'vm.homeKey.generated': {
    en: '{host} generates the VM home key of {vm}: 64 random bytes for XTS-AES-256 that encrypt its NVRAM (and a vTPM’s state in it), apart from every disk key.',
    de: '{host} erzeugt den VM-Home-Schlüssel von {vm}: 64 Zufallsbytes für XTS-AES-256, die das NVRAM (und den Zustand eines vTPM darin) verschlüsseln, getrennt von jedem Plattenschlüssel.'
  },
  'vm.dek.wrapped': {
    en: 'The host locks the key of {vm} ({disk}) with KEK {keyId}: only the locked key is written down. (Real vSphere locks it with its own scheme and writes HMAC-SHA-256 in the key locator; the lab uses RFC 5649 key wrap and writes AES-KWP.)',
    de: 'Der Host verschließt den Schlüssel von {vm} ({disk}) mit KEK {keyId}: Nur der verschlossene Schlüssel wird gespeichert. (Echtes vSphere nutzt ein eigenes Verfahren und schreibt HMAC-SHA-256 in den Key Locator; das Labor nutzt RFC-5649-Key-Wrap und schreibt AES-KWP.)'
  },
  'keySafe.part.home': { en: 'VM home', de: 'VM-Home' },
  'keySafe.part.disk': { en: 'disk {device}', de: 'Platte {device}' },
  'vm.disk.encrypted': {
    en: '{host} rewrites disk {disk} of {vm} with its own DEK (XTS-AES-256): {sectors, plural, one {# sector} other {# sectors}}, each with its sector number as tweak ({from} → {to}).',
    de: '{host} schreibt die Platte {disk} von {vm} mit ihrem eigenen DEK (XTS-AES-256) neu: {sectors, plural, one {# Sektor} other {# Sektoren}}, jeder mit seiner Sektornummer als Tweak ({from} → {to}).'
  },
  'vm.disk.decrypted': {
    en: '{host} rewrites disk {disk} of {vm} in clear: {sectors, plural, one {# sector} other {# sectors}} decrypted ({from} → {to}).',
    de: '{host} schreibt die Platte {disk} von {vm} im Klartext neu: {sectors, plural, one {# Sektor} other {# Sektoren}} entschlüsselt ({from} → {to}).'
  },
  'vm.disk.reencrypted': {
    en: '{host} decrypts disk {disk} of {vm} with its old DEK and encrypts it with a new one ({sectors, plural, one {# sector} other {# sectors}}, {from} → {to}).',
    de: '{host} entschlüsselt die Platte {disk} von {vm} mit ihrem alten DEK und verschlüsselt sie mit einem neuen ({sectors, plural, one {# Sektor} other {# Sektoren}}, {from} → {to}).'
  },
  'vm.disk.rewritten': {
    en: '{host} rewrites disk {disk} of {vm} under the same DEK ({from} → {to}).',
    de: '{host} schreibt die Platte {disk} von {vm} unter demselben DEK neu ({from} → {to}).'
  },
  'vm.nvram.encrypted': {
    en: '{host} rewrites the NVRAM of {vm} with the VM home key ({from} → {to}). (vSphere encrypts the swap file and snapshot memory with it too; the lab writes neither.)',
    de: '{host} schreibt das NVRAM von {vm} mit dem VM-Home-Schlüssel neu ({from} → {to}). (vSphere verschlüsselt damit auch Auslagerungsdatei und Snapshot-Speicher; das Labor schreibt beides nicht.)'
  },
  'vm.nvram.decrypted': {
    en: '{host} rewrites the NVRAM of {vm} in clear ({from} → {to}).',
    de: '{host} schreibt das NVRAM von {vm} im Klartext neu ({from} → {to}).'
  },
  'vm.nvram.reencrypted': {
    en: '{host} decrypts the NVRAM of {vm} with the old VM home key and encrypts it with a new one ({from} → {to}).',
    de: '{host} entschlüsselt das NVRAM von {vm} mit dem alten VM-Home-Schlüssel und verschlüsselt es mit einem neuen ({from} → {to}).'
  },
  'vm.nvram.rewritten': {
    en: '{host} rewrites the NVRAM of {vm} under the same VM home key ({from} → {to}).',
    de: '{host} schreibt das NVRAM von {vm} unter demselben VM-Home-Schlüssel neu ({from} → {to}).'
  },
  'vm.disk.writtenEncrypted': {
    en: 'Disk {disk} of {vm} is on the datastore encrypted: {descriptor} carries encryptionKeys (KEK ID + this disk’s DEK, locked); {removed} is deleted.',
    de: 'Die Platte {disk} von {vm} liegt verschlüsselt auf dem Datenspeicher: {descriptor} enthält encryptionKeys (KEK-ID + den verschlossenen DEK dieser Platte); {removed} ist gelöscht.'
  },
  'vm.disk.writtenPlain': {
    en: 'Disk {disk} of {vm} is in clear again: {descriptor} has no encryptionKeys; {removed} is deleted.',
    de: 'Die Platte {disk} von {vm} ist wieder im Klartext: {descriptor} hat keine encryptionKeys; {removed} ist gelöscht.'
  },
  'vm.files.writtenEncrypted': {
    en: 'The VM home of {vm} is encrypted: {vmx} carries encryption.bundle (KEK ID + the VM home key, locked); {removed} is deleted.',
    de: 'Das VM-Home von {vm} ist verschlüsselt: {vmx} enthält encryption.bundle (KEK-ID + den verschlossenen VM-Home-Schlüssel); {removed} ist gelöscht.'
  },
  'vm.files.writtenPlain': {
    en: 'The VM home of {vm} is in clear again: no encryption.bundle in {vmx}; {removed} is deleted.',
    de: 'Das VM-Home von {vm} ist wieder im Klartext: kein encryption.bundle in {vmx}; {removed} ist gelöscht.'
  },
  'vm.files.keySafeRewritten': {
    en: 'Only the key safes of {vm} change: {vmx} and the descriptors now hold the same internal keys locked by the new KEK; no disk is touched.',
    de: 'Nur die Schlüsselsafes von {vm} ändern sich: {vmx} und die Deskriptoren enthalten jetzt dieselben internen Schlüssel, verschlossen mit dem neuen KEK; keine Platte wird angefasst.'
  },
  'vm.encrypt.done': {
    en: '{vm} is encrypted. {host} drops its internal keys from memory (the VM is off); vCenter keeps only the key ID.',
    de: '{vm} ist verschlüsselt. {host} entfernt die internen Schlüssel aus dem Speicher (die VM ist aus); vCenter behält nur die Schlüssel-ID.'
  },
  'vm.decrypt.start': { en: 'Decrypt {vm}: back to the datastore default policy.', de: '{vm} entschlüsseln: zurück zur Standardrichtlinie des Datenspeichers.' },
  'vm.decrypt.done': {
    en: '{vm} is decrypted. Its KEK stays on the KMS and in host memory until reboot (vSphere never deletes keys).',
    de: '{vm} ist entschlüsselt. Sein KEK bleibt auf dem KMS und bis zum Neustart im Host-Speicher (vSphere löscht nie Schlüssel).'
  },
  'vm.decrypt.disks.done': {
    en: '{count, plural, one {Disk {disks} of {vm} is} other {Disks {disks} of {vm} are}} in clear; its VM home stays encrypted.',
    de: '{count, plural, one {Platte {disks} von {vm} ist} other {Platten {disks} von {vm} sind}} im Klartext; das VM-Home bleibt verschlüsselt.'
  },
  'vm.keySafe.read': {
    en: '{host} reads the key safe of {vm} ({disk}) from {file}: KEK ID {keyId} and the locked key. (vSphere’s .vmx bundle locks a configuration key that opens more secrets; the lab locks each internal key directly with the KEK.)',
    de: '{host} liest den Schlüsselsafe von {vm} ({disk}) aus {file}: KEK-ID {keyId} und den verschlossenen Schlüssel. (Das .vmx-Bundle von vSphere verschließt einen Konfigurationsschlüssel, der weitere Geheimnisse öffnet; das Labor verschließt jeden internen Schlüssel direkt mit dem KEK.)'
  },
  'vm.dek.unwrapped': {
    en: '{host} unlocks the key of {vm} ({disk}) with KEK {keyId} from its key cache.',
    de: '{host} entsperrt den Schlüssel von {vm} ({disk}) mit dem KEK {keyId} aus seinem Schlüssel-Cache.'
  },
  'vm.boot.decrypted': {
    en: '{vm} boots on {host}: the host decrypts {sectors, plural, one {the first sector} other {the first # sectors}} with the DEK, and the guest sees its data in clear.',
    de: '{vm} bootet auf {host}: Der Host entschlüsselt {sectors, plural, one {den ersten Sektor} other {die ersten # Sektoren}} mit dem DEK, und der Gast sieht seine Daten im Klartext.'
  },
  'vm.boot.plain': {
    en: '{vm} boots on {host}, reading {sectors, plural, one {# sector} other {# sectors}} in clear.',
    de: '{vm} bootet auf {host} und liest {sectors, plural, one {# Sektor} other {# Sektoren}} im Klartext.'
  },
  'vm.poweredOn': { en: '{vm} is powered on and runs on {host}.', de: '{vm} ist auf {host} eingeschaltet.' },
  'vm.poweredOff': { en: '{vm} is powered off; its guest memory is gone.', de: '{vm} ist ausgeschaltet; sein Gastspeicher ist weg.' },
  'vm.rekey.shallow.start': {
    en: 'Shallow rekey of {vm}: a new KEK replaces {keyId}; the DEK and the disk stay.',
    de: 'Flache Neuverschlüsselung von {vm}: Ein neuer KEK ersetzt {keyId}; DEK und Platte bleiben.'
  },
  'vm.rekey.deep.start': {
    en: 'Deep rekey of {vm}: a new KEK replaces {keyId} and a new DEK re-encrypts the disk.',
    de: 'Tiefe Neuverschlüsselung von {vm}: Ein neuer KEK ersetzt {keyId}, und ein neuer DEK verschlüsselt die Platte neu.'
  },
  'vm.migrate.vmotion': { en: 'vMotion of {vm} from {from} to {to}: encrypted vMotion.', de: 'vMotion von {vm} von {from} nach {to}: verschlüsseltes vMotion.' },
  'vm.migrate.vmotion.plain': {
    en: 'vMotion of {vm} from {from} to {to}: encrypted vMotion is Disabled for this VM, so its memory crosses the vMotion network in clear.',
    de: 'vMotion von {vm} von {from} nach {to}: Verschlüsseltes vMotion ist für diese VM deaktiviert, ihr Speicher geht im Klartext über das vMotion-Netz.'
  },
  'vmotion.stream.plain': {
    en: 'The memory of {vm} travels from {from} to {to} in clear ({bytes, plural, one {# byte} other {# bytes}}): anyone on the vMotion network reads it.',
    de: 'Der Speicher von {vm} wandert im Klartext von {from} nach {to} ({bytes, plural, one {# Byte} other {# Bytes}}): Jeder im vMotion-Netz kann ihn lesen.'
  },
  'vm.migrateEncryption.set': {
    en: 'Encrypted vMotion of {vm} is now {mode}. (Every lab host runs ESXi 6.5 or later, so Opportunistic always encrypts here.)',
    de: 'Verschlüsseltes vMotion von {vm} ist jetzt {mode}. (Jeder Laborhost läuft mit ESXi 6.5 oder neuer, daher verschlüsselt „Opportunistisch“ hier immer.)'
  },
  'migrateEncryption.disabled': { en: 'Disabled', de: 'Deaktiviert' },
  'migrateEncryption.opportunistic': { en: 'Opportunistic', de: 'Opportunistisch' },
  'migrateEncryption.required': { en: 'Required', de: 'Erforderlich' },
  'vm.ftEncryption.set': {
    en: 'Encrypted Fault Tolerance of {vm} is now {mode}. (Every lab host runs ESXi 7.0 Update 2 or later and supports encrypted FT, so Opportunistic always encrypts here.)',
    de: 'Verschlüsselte Fault Tolerance von {vm} ist jetzt {mode}. (Jeder Laborhost läuft mit ESXi 7.0 Update 2 oder neuer und beherrscht verschlüsselte FT, daher verschlüsselt „Opportunistisch“ hier immer.)'
  },
  'ft.on': {
    en: 'vCenter turns on Fault Tolerance for {vm}: a secondary VM on {host} follows the primary on {primary} through FT logging.',
    de: 'vCenter schaltet Fault Tolerance für {vm} ein: Eine sekundäre VM auf {host} folgt der primären auf {primary} über das FT-Logging.'
  },
  'ft.kek.secondary': {
    en: 'The secondary on {host} runs the encrypted files of {vm}, so {host} needs the KEK {keyId} in its key cache, as a vMotion destination does.',
    de: 'Die sekundäre VM auf {host} läuft aus den verschlüsselten Dateien von {vm}, daher braucht {host} den KEK {keyId} in seinem Schlüssel-Cache, wie ein vMotion-Ziel.'
  },
  'ft.kek.present': {
    en: 'The secondary on {host} runs the encrypted files of {vm}; the KEK {keyId} is already in the key cache of {host}.',
    de: 'Die sekundäre VM auf {host} läuft aus den verschlüsselten Dateien von {vm}; der KEK {keyId} liegt bereits im Schlüssel-Cache von {host}.'
  },
  'ft.secondary.waiting': {
    en: '{vm} is powered off: its secondary on {host} starts with it. (The lab shows FT logging when Fault Tolerance is turned on for a running VM.)',
    de: '{vm} ist ausgeschaltet: Ihre sekundäre VM auf {host} startet mit ihr. (Das Labor zeigt das FT-Logging, wenn Fault Tolerance für eine laufende VM eingeschaltet wird.)'
  },
  'ft.key.generated': {
    en: 'vCenter makes a 256-bit key and a 64-bit nonce ({nonce}) for the FT logging of {vm} — not from the KMS. (The lab keys FT logging as it keys encrypted vMotion; its sources do not say how vSphere does it.)',
    de: 'vCenter erzeugt für das FT-Logging von {vm} einen 256-Bit-Schlüssel und eine 64-Bit-Nonce ({nonce}) — nicht vom KMS. (Das Labor verschlüsselt das FT-Logging wie verschlüsseltes vMotion; seine Quellen sagen nicht, wie vSphere es tut.)'
  },
  'ft.key.sent': { en: 'vCenter sends the FT logging key of {vm} to {host}.', de: 'vCenter schickt den FT-Logging-Schlüssel von {vm} an {host}.' },
  'ft.log.encrypted': {
    en: 'FT logging of {vm} travels from {from} to {to} encrypted (AES-256-GCM, {bytes, plural, one {# byte} other {# bytes}}): the secondary gets the primary’s memory, and nobody on the FT logging network can read it. (Every lab host runs ESXi 7.0 Update 2 or later and supports encrypted FT.)',
    de: 'Das FT-Logging von {vm} geht verschlüsselt von {from} nach {to} (AES-256-GCM, {bytes, plural, one {# Byte} other {# Bytes}}): Die sekundäre VM erhält den Speicher der primären, und niemand im FT-Logging-Netz kann ihn lesen. (Jeder Laborhost läuft mit ESXi 7.0 Update 2 oder neuer und beherrscht verschlüsselte FT.)'
  },
  'ft.log.plain': {
    en: 'FT logging of {vm} travels from {from} to {to} in clear ({bytes, plural, one {# byte} other {# bytes}}): encrypted Fault Tolerance is Disabled for this VM, so anyone on the FT logging network reads its memory.',
    de: 'Das FT-Logging von {vm} geht im Klartext von {from} nach {to} ({bytes, plural, one {# Byte} other {# Bytes}}): Verschlüsselte Fault Tolerance ist für diese VM deaktiviert, daher kann jeder im FT-Logging-Netz ihren Speicher lesen.'
  },
  'ft.off': { en: 'vCenter turns off Fault Tolerance for {vm} and deletes its secondary VM on {host}.', de: 'vCenter schaltet Fault Tolerance für {vm} aus und löscht ihre sekundäre VM auf {host}.' },
  'vm.migrate.cold': { en: 'Cold migration of {vm} from {from} to {to}.', de: 'Kalte Migration von {vm} von {from} nach {to}.' },
  'vm.migrate.registered': { en: '{vm} is now registered on {host}.', de: '{vm} ist jetzt auf {host} registriert.' },
  'vmotion.key.generated': {
    en: 'vCenter makes a one-time 256-bit key and a 64-bit nonce ({nonce}) for this migration — not from the KMS.',
    de: 'vCenter erzeugt für diese Migration einen Einmalschlüssel (256 Bit) und eine 64-Bit-Nonce ({nonce}) — nicht vom KMS.'
  },
  'vmotion.key.sent': { en: 'vCenter sends the one-time key of {vm} to {host} in the migration spec.', de: 'vCenter schickt den Einmalschlüssel von {vm} in der Migrationsspezifikation an {host}.' },
  'vmotion.stream': {
    en: 'The memory of {vm} travels from {from} to {to} encrypted with the one-time key (AES-256-GCM, {bytes, plural, one {# byte} other {# bytes}}).',
    de: 'Der Speicher von {vm} wandert verschlüsselt mit dem Einmalschlüssel von {from} nach {to} (AES-256-GCM, {bytes, plural, one {# Byte} other {# Bytes}}).'
  },
  'vmotion.key.discarded': {
    en: 'Migration of {vm} done: {from}, {to} and vCenter discard the one-time key.',
    de: 'Migration von {vm} fertig: {from}, {to} und vCenter verwerfen den Einmalschlüssel.'
  },
  'vm.clone.encrypted': {
    en: 'Clone {clone} of {vm}: the disk is copied still encrypted, and the .vmx keeps the same key safe — the clone shares key {keyId}.',
    de: 'Klon {clone} von {vm}: Die Platte wird verschlüsselt kopiert, die .vmx behält denselben Schlüsselsafe — der Klon teilt Schlüssel {keyId}.'
  },
  'vm.clone.plain': { en: 'Clone {clone} of {vm}: its files are copied.', de: 'Klon {clone} von {vm}: Seine Dateien werden kopiert.' },
  'vm.clone.decrypted': {
    en: 'Clone {clone} of {vm}, decrypted: the host opens the key safes and writes the copy in clear.',
    de: 'Klon {clone} von {vm}, entschlüsselt: Der Host öffnet die Schlüsselsafes und schreibt die Kopie im Klartext.'
  },
  'vm.clone.encryptedNew': {
    en: 'Clone {clone} of {vm}, encrypted: the copy gets its own KEK {keyId} and its own internal keys; the parent stays in clear.',
    de: 'Klon {clone} von {vm}, verschlüsselt: Die Kopie bekommt einen eigenen KEK {keyId} und eigene interne Schlüssel; das Original bleibt im Klartext.'
  },
  'vm.clone.recrypted': {
    en: 'Clone {clone} of {vm}, recrypted: the copy’s key safes are locked with a new KEK {keyId}, so the clone no longer shares the parent’s key.',
    de: 'Klon {clone} von {vm}, neu verschlüsselt: Die Schlüsselsafes der Kopie werden mit einem neuen KEK {keyId} verschlossen, der Klon teilt den Schlüssel des Originals nicht mehr.'
  },
  'vm.clone.vtpm.copied': {
    en: 'The vTPM of {vm} is copied into {clone} with its secrets: both VMs now hold the same TPM identity (vSphere 8 offers Replace instead).',
    de: 'Das vTPM von {vm} wird mit seinen Geheimnissen nach {clone} kopiert: Beide VMs haben jetzt dieselbe TPM-Identität (vSphere 8 bietet stattdessen „Ersetzen“).'
  },
  'vm.clone.vtpm.replaced': {
    en: '{clone} gets a new, blank vTPM: no secret of the vTPM of {vm} is copied.',
    de: '{clone} bekommt ein neues, leeres vTPM: Kein Geheimnis aus dem vTPM von {vm} wird kopiert.'
  },
  'vm.vtpm.start': {
    en: 'Add a virtual TPM to {vm}: its state lives in the NVRAM, so vSphere encrypts the VM home files — not the disks — with a key from provider {provider}.',
    de: 'Virtuelles TPM zu {vm} hinzufügen: Sein Zustand liegt im NVRAM, daher verschlüsselt vSphere die VM-Home-Dateien — nicht die Platten — mit einem Schlüssel vom Anbieter {provider}.'
  },
  'vm.vtpm.added': {
    en: '{vm} has a vTPM: its seed and endorsement key are in the NVRAM, encrypted with the VM home key. Clones copy it; every vMotion of {vm} is encrypted.',
    de: '{vm} hat ein vTPM: Sein Seed und sein Endorsement Key liegen im NVRAM, verschlüsselt mit dem VM-Home-Schlüssel. Klone kopieren es; jedes vMotion von {vm} ist verschlüsselt.'
  },
  'vm.vtpm.removed': {
    en: 'The vTPM of {vm} is removed and its state erased from the NVRAM; the VM home stays encrypted until you decrypt it.',
    de: 'Das vTPM von {vm} ist entfernt und sein Zustand aus dem NVRAM gelöscht; das VM-Home bleibt verschlüsselt, bis Sie es entschlüsseln.'
  },
  'vm.snapshot.encrypted': {
    en: 'Snapshot {snapshot} of {vm}: the delta disk is encrypted with the same DEK and its descriptor names the same KEK; the .vmx now points at the delta disk. The .vmsn, the configuration as it was, is encrypted like the NVRAM and the swap file. (The lab seals the .vmsn in its own envelope under the KEK; ESXi encrypts it with a key from the .vmx bundle in its encrypted file container.)',
    de: 'Snapshot {snapshot} von {vm}: Die Delta-Platte ist mit demselben DEK verschlüsselt, ihr Deskriptor nennt denselben KEK; die .vmx verweist jetzt auf die Delta-Platte. Die .vmsn, die Konfiguration wie sie war, ist verschlüsselt wie NVRAM und Auslagerungsdatei. (Das Labor versiegelt die .vmsn in seinem eigenen Umschlag unter dem KEK; ESXi verschlüsselt sie mit einem Schlüssel aus dem .vmx-Bundle in seinem verschlüsselten Dateicontainer.)'
  },
  'vm.snapshot.plain': {
    en: 'Snapshot {snapshot} of {vm}: a delta disk takes the new writes and the .vmx now points at it; the .vmsn keeps the configuration as it was.',
    de: 'Snapshot {snapshot} von {vm}: Eine Delta-Platte nimmt die neuen Schreibvorgänge auf, und die .vmx verweist jetzt auf sie; die .vmsn bewahrt die Konfiguration, wie sie war.'
  },
  'vm.snapshots.deleted': {
    en: '{count, plural, one {The snapshot of {vm} is} other {The # snapshots of {vm} are}} deleted: the VM runs on its base disk again, and the .vmx points at it.',
    de: '{count, plural, one {Der Snapshot von {vm} ist} other {Die # Snapshots von {vm} sind}} gelöscht: Die VM läuft wieder auf ihrer Basisplatte, und die .vmx verweist auf sie.'
  },
  'vm.lock.kmsError': {
    en: 'Virtual machine {vm} is locked because of a KMS cluster error: its key {keyId} could not be retrieved (connectionState invalid, cryptoState locked).',
    de: 'Die virtuelle Maschine {vm} ist wegen eines KMS-Cluster-Fehlers gesperrt: Ihr Schlüssel {keyId} war nicht abrufbar (Verbindungszustand ungültig, Krypto-Zustand gesperrt).'
  },
  'vm.lock.keysMissing': {
    en: 'Virtual machine {vm} is locked because keys are missing on KMS cluster: key {keyId} is gone or not Active (connectionState invalid, cryptoState locked). vSphere cannot bring it back: ask the KMS administrator to reactivate the key, then unlock the VM (reactivation is a feature of the KMS product, not of KMIP).',
    de: 'Die virtuelle Maschine {vm} ist gesperrt, weil Schlüssel im KMS-Cluster fehlen: Schlüssel {keyId} ist weg oder nicht aktiv (Verbindungszustand ungültig, Krypto-Zustand gesperrt). vSphere kann ihn nicht zurückholen: Bitten Sie den KMS-Administrator, den Schlüssel zu reaktivieren, und entsperren Sie dann die VM (Reaktivieren ist eine Funktion des KMS-Produkts, nicht von KMIP).'
  },
  'vm.lock.vcenterDown': {
    en: 'Virtual machine {vm} is locked: key {keyId} is not in the host’s key cache and vCenter is unreachable (connectionState invalid, cryptoState locked).',
    de: 'Die virtuelle Maschine {vm} ist gesperrt: Schlüssel {keyId} ist nicht im Cache des Hosts und vCenter ist nicht erreichbar (Verbindungszustand ungültig, Krypto-Zustand gesperrt).'
  },
  'vm.unlock.start': { en: 'Unlock {vm}: vCenter fetches key {keyId} again.', de: '{vm} entsperren: vCenter holt Schlüssel {keyId} erneut.' },
  'vm.unlocked': {
    en: 'The key is back on {host}: hostd reloads {vm} — connected and unlocked.',
    de: 'Der Schlüssel ist wieder auf {host}: hostd lädt {vm} neu — verbunden und entsperrt.'
  },

  // What a command does to a VM, as the end of 'must be powered off to …' / 'um … zu …'
  'term.vmAction.encrypt': { en: 'encrypt it', de: 'sie zu verschlüsseln' },
  'term.vmAction.decrypt': { en: 'decrypt it', de: 'sie zu entschlüsseln' },
  'term.vmAction.deepRekey': { en: 'rekey it deeply (deep rekey)', de: 'sie tief neu zu verschlüsseln (Deep Rekey)' },
  'term.vmAction.addDisk': { en: 'add a disk to it', de: 'ihr eine Platte hinzuzufügen' },
  'term.vmAction.addVtpm': { en: 'add a vTPM to it', de: 'ihr ein vTPM hinzuzufügen' },
  'term.vmAction.removeVtpm': { en: 'remove its vTPM', de: 'ihr vTPM zu entfernen' },
  'term.vmAction.snapshot': { en: 'take a snapshot of it', de: 'einen Snapshot von ihr zu erstellen' },
  'term.vmAction.migrate': { en: 'migrate it', de: 'sie zu migrieren' },
  'term.vmAction.remove': { en: 'remove it', de: 'sie zu entfernen' },
  'term.vmAction.rekey': { en: 'change its keys (rekey)', de: 'ihre Schlüssel zu wechseln (Rekey)' },

  // The lab itself
  'vcenter.actAs': {
    en: 'The lab now acts as {user} with the role {role}: vCenter checks its privileges for every command.',
    de: 'Das Labor handelt jetzt als {user} mit der Rolle {role}: vCenter prüft bei jedem Befehl deren Rechte.'
  },
  'vcenter.actAs.noCryptoAdmin': {
    en: 'This role has no Cryptographic operations privileges (nor Global.Diagnostics): it can power on encrypted VMs whose keys are on the host, but not encrypt, decrypt, recrypt, clone or migrate them, put hosts into crypto mode or take support bundles with encrypted dumps.',
    de: 'Diese Rolle hat keine Rechte für kryptografische Vorgänge (und kein Global.Diagnostics): Sie kann verschlüsselte VMs einschalten, deren Schlüssel auf dem Host liegen, sie aber nicht verschlüsseln, entschlüsseln, neu verschlüsseln, klonen oder migrieren, keine Hosts in den Kryptomodus versetzen und keine Support-Bundles mit verschlüsselten Dumps erstellen.'
  },
  'lab.clock.advanced': {
    en: 'The lab clock moves {days, plural, one {# day} other {# days}} ahead, to {date}: certificates may have expired.',
    de: 'Die Laboruhr springt {days, plural, one {# Tag} other {# Tage}} vor, auf den {date}: Zertifikate können abgelaufen sein.'
  }
} satisfies Record<string, Entry>

/** The id of a sentence of the narration: a sentence that is not in it does not compile. */
export type MessageId = keyof typeof narration
