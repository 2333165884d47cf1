// Every sentence the lab says, in English and German. Events and faults carry an id and parameters; the window
// renders them in the chosen language, the command line in English. Placeholders: {name}.

export type Language = 'en' | 'de'

type Entry = { en: string; de: string }

export const catalog: Record<string, Entry> = {
  // Faults (refused commands)
  'fault.event': { en: 'Refused ({fault}): {reason}', de: 'Abgelehnt ({fault}): {reason}' },
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
    en: 'Key provider {provider} has no KMS server: add one with kms.add first.',
    de: 'Schlüsselanbieter {provider} hat keinen KMS-Server: Fügen Sie zuerst einen mit kms.add hinzu.'
  },
  'fault.providerExternalTrust': {
    en: 'Key provider {provider} uses a real KMIP server: its trust comes from the certificates given with kms.add, not from a lab trust mode.',
    de: 'Schlüsselanbieter {provider} nutzt einen echten KMIP-Server: Das Vertrauen kommt aus den Zertifikaten von kms.add, nicht aus einem Labor-Vertrauensmodus.'
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
  'fault.kms.adminRefused': { en: '{kms} refused {operation} on {keyId}: {reason}', de: '{kms} lehnt {operation} für {keyId} ab: {reason}' },
  'fault.kmip': { en: '{kms} answered {operation} with {reason}: {message}', de: '{kms} beantwortete {operation} mit {reason}: {message}' },
  'fault.kmip.unreadable': { en: 'an answer vCenter cannot read', de: 'einer Antwort, die vCenter nicht lesen kann' },
  'fault.keyMissingInKms': {
    en: 'Key {keyId} is missing on key provider {provider} ({reason}).',
    de: 'Schlüssel {keyId} fehlt beim Schlüsselanbieter {provider} ({reason}).'
  },
  'fault.keyNotActive': {
    en: 'Key {keyId} is {state} on the KMS; vCenter only uses Active keys.',
    de: 'Schlüssel {keyId} ist auf dem KMS {state}; vCenter verwendet nur aktive Schlüssel.'
  },
  'fault.hostIncapable': {
    en: '{host} is not crypto safe: a host accepts keys only in the prepared or safe state.',
    de: '{host} ist nicht krypto-sicher: Ein Host nimmt Schlüssel nur im Zustand „prepared“ oder „safe“ an.'
  },
  'vm.kek.notPushed.pendingIncapable': {
    en: 'vCenter gives {host} no copy of the KEK of {vm}: its encryption mode is off (pendingIncapable), so it takes no new keys, and {vm} cannot run there.',
    de: 'vCenter gibt {host} keine Kopie des KEK von {vm}: Sein Verschlüsselungsmodus ist aus (pendingIncapable), der Host nimmt keine neuen Schlüssel an, und {vm} kann dort nicht laufen.'
  },
  'fault.hostPendingIncapable': {
    en: '{host} is pendingIncapable (encryption turned off, reboot pending): no encrypted VMs can be created or moved there.',
    de: '{host} ist pendingIncapable (Verschlüsselung ausgeschaltet, Neustart steht aus): Dort können keine verschlüsselten VMs angelegt oder hinbewegt werden.'
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
  'fault.mustBePoweredOff': { en: '{vm} must be powered off to {action}.', de: '{vm} muss ausgeschaltet sein für: {action}.' },
  'fault.hasSnapshots': {
    en: '{vm} has {count} snapshot(s): vSphere cannot {action} a VM with snapshots (msg.hostd.configSpec.enc.snapshots). Delete the snapshots first.',
    de: '{vm} hat {count} Snapshot(s): vSphere kann eine VM mit Snapshots nicht {action} (msg.hostd.configSpec.enc.snapshots). Löschen Sie zuerst die Snapshots.'
  },
  'fault.notEncrypted': { en: '{vm} is not encrypted.', de: '{vm} ist nicht verschlüsselt.' },
  'fault.alreadyEncrypted': { en: '{vm} is already encrypted; use vm.rekey to change its keys.', de: '{vm} ist bereits verschlüsselt; ändern Sie die Schlüssel mit vm.rekey.' },
  'fault.kekNotInCache': {
    en: 'The key {keyId} of {vm} is not in the key cache of {host} (EncryptionKeyRequired).',
    de: 'Der Schlüssel {keyId} von {vm} ist nicht im Schlüssel-Cache von {host} (EncryptionKeyRequired).'
  },
  'fault.noBundle': { en: 'The .vmx of {vm} has no encryption bundle.', de: 'Die .vmx von {vm} enthält kein Verschlüsselungspaket.' },
  'fault.keySafeCorrupt': { en: 'The key safe of {vm} cannot be opened with its KEK: the .vmx was altered.', de: 'Der Schlüsselsafe von {vm} lässt sich mit seinem KEK nicht öffnen: Die .vmx wurde verändert.' },
  'fault.alreadyOn': { en: '{vm} is already powered on.', de: '{vm} ist bereits eingeschaltet.' },
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
  'fault.notLocked': { en: '{vm} is not locked (InvalidVmState).', de: '{vm} ist nicht gesperrt (InvalidVmState).' },
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
    en: '{host} holds {count} VM key(s) in its key cache: host encryption mode cannot be turned off while key material is present.',
    de: '{host} hält {count} VM-Schlüssel im Schlüssel-Cache: Der Host-Verschlüsselungsmodus lässt sich nicht abschalten, solange Schlüsselmaterial vorhanden ist.'
  },

  // KMS
  'kms.added': {
    en: 'KMS {kms} starts as the first server of key provider cluster {provider}, with its own CA and a TLS server certificate.',
    de: 'KMS {kms} startet als erster Server des Schlüsselanbieter-Clusters {provider}, mit eigener CA und TLS-Serverzertifikat.'
  },
  'kms.joined': {
    en: 'KMS {kms} joins key provider cluster {provider}: it copies the cluster CA and replicates {count} key(s) from {peer}.',
    de: 'KMS {kms} tritt dem Schlüsselanbieter-Cluster {provider} bei: Er übernimmt die Cluster-CA und repliziert {count} Schlüssel von {peer}.'
  },
  'kms.added.external': {
    en: '{kms} is a real KMIP server at {host}:{port} (key provider {provider}); vCenter will talk to it over TLS.',
    de: '{kms} ist ein echter KMIP-Server unter {host}:{port} (Schlüsselanbieter {provider}); vCenter spricht mit ihm über TLS.'
  },
  'kms.stopped': { en: 'KMS {kms} stops: it no longer answers.', de: 'KMS {kms} stoppt: Er antwortet nicht mehr.' },
  'kms.started': { en: 'KMS {kms} is back.', de: 'KMS {kms} ist wieder da.' },
  'kms.synced': {
    en: 'KMS {kms} catches up with {peer}: {count} key change(s) replicated while it was away.',
    de: 'KMS {kms} holt bei {peer} nach: {count} Schlüsseländerung(en) wurden in seiner Abwesenheit repliziert.'
  },
  'kms.replicated': {
    en: '{from} replicates key {keyId} to {to} (servers of one provider hold the same keys).',
    de: '{from} repliziert Schlüssel {keyId} nach {to} (Server eines Anbieters halten dieselben Schlüssel).'
  },
  'kms.admin.revoked': {
    en: 'The KMS administrator revokes key {keyId} on {kms}: its state is now {state}. VMs keep running until their host needs the key again.',
    de: 'Der KMS-Administrator widerruft Schlüssel {keyId} auf {kms}: Sein Zustand ist jetzt {state}. VMs laufen weiter, bis ihr Host den Schlüssel erneut braucht.'
  },
  'kms.admin.destroyed': {
    en: 'The KMS administrator destroys key {keyId} on {kms}: the key material is gone for good.',
    de: 'Der KMS-Administrator vernichtet Schlüssel {keyId} auf {kms}: Das Schlüsselmaterial ist endgültig weg.'
  },
  'kms.admin.activated': { en: 'The KMS administrator activates key {keyId} on {kms}.', de: 'Der KMS-Administrator aktiviert Schlüssel {keyId} auf {kms}.' },

  // Providers and trust
  'provider.added': { en: 'vCenter registers the standard key provider {provider}.', de: 'vCenter registriert den Standard-Schlüsselanbieter {provider}.' },
  'provider.default': { en: '{provider} is now the default key provider.', de: '{provider} ist jetzt der Standard-Schlüsselanbieter.' },
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
  'tls.rejectedByVcenter': {
    en: 'TLS handshake with {kms} fails: vCenter does not trust the KMS certificate ({message}).',
    de: 'TLS-Handshake mit {kms} scheitert: vCenter vertraut dem KMS-Zertifikat nicht ({message}).'
  },
  'tls.rejectedByKms': {
    en: 'TLS handshake with {kms} fails: the KMS rejects vCenter’s client certificate ({message}).',
    de: 'TLS-Handshake mit {kms} scheitert: Der KMS lehnt vCenters Client-Zertifikat ab ({message}).'
  },
  'tls.external.failed': { en: 'vCenter cannot open a TLS session with {kms}: {message}', de: 'vCenter kann keine TLS-Sitzung mit {kms} öffnen: {message}' },
  'tls.external.notContacted': {
    en: 'Opening the lab file: vCenter does not contact the external KMS {kms} (lab files open offline). The provider stays disconnected until your next command that needs a key connects to it again.',
    de: 'Die Labordatei wird geöffnet: vCenter kontaktiert den externen KMS {kms} nicht (Labordateien werden offline geöffnet). Der Anbieter bleibt getrennt, bis Ihr nächster Befehl, der einen Schlüssel braucht, wieder eine Verbindung aufbaut.'
  },
  // Lab files (errors the window shows in the user's language)
  'labFile.newerVersion': {
    en: 'This lab file was saved by a newer KeyFlow Lab (lab file version {version}); this KeyFlow Lab reads versions 1 to {supported}. Update KeyFlow Lab to open it.',
    de: 'Diese Labordatei wurde mit einer neueren Version von KeyFlow Lab gespeichert (Dateiversion {version}); diese Version liest die Dateiversionen 1 bis {supported}. Aktualisieren Sie KeyFlow Lab, um sie zu öffnen.'
  },
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
  'kmip.req.Activate': { en: 'Key {keyId} is Pre-Active: vCenter activates it (Activate).', de: 'Schlüssel {keyId} ist Pre-Active: vCenter aktiviert ihn (Activate).' },
  'kmip.res.Activate': { en: '{kms} activates key {keyId}.', de: '{kms} aktiviert Schlüssel {keyId}.' },
  'kmip.req.other': { en: 'vCenter sends {operation} to {kms}.', de: 'vCenter sendet {operation} an {kms}.' },
  'kmip.res.other': { en: '{kms} answers {operation}.', de: '{kms} beantwortet {operation}.' },
  'kmip.res.failed': { en: '{kms} refuses {operation}: {reason} ({message}).', de: '{kms} lehnt {operation} ab: {reason} ({message}).' },

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
  'vcenter.db.vmKey': {
    en: 'vCenter writes to its database: {name} is protected by key {keyId} of {provider} (the ID, never the key).',
    de: 'vCenter schreibt in seine Datenbank: {name} ist mit Schlüssel {keyId} von {provider} geschützt (die ID, nie den Schlüssel).'
  },
  'vcenter.db.hostKey': {
    en: 'vCenter writes to its database: the host key of {name} is {keyId} of {provider} (the ID, never the key).',
    de: 'vCenter schreibt in seine Datenbank: Der Host-Schlüssel von {name} ist {keyId} von {provider} (die ID, nie der Schlüssel).'
  },
  'vcenter.db.vmKeyRemoved': { en: 'vCenter removes the key ID of {name} from its database.', de: 'vCenter entfernt die Schlüssel-ID von {name} aus seiner Datenbank.' },

  // Hosts
  'datastore.added': { en: 'Datastore {datastore} is shared by the hosts of cluster {cluster}.', de: 'Datenspeicher {datastore} wird von den Hosts im Cluster {cluster} geteilt.' },
  'host.added': {
    en: 'ESXi host {host} joins cluster {cluster}. Its crypto state is incapable: it holds no keys yet.',
    de: 'ESXi-Host {host} tritt Cluster {cluster} bei. Sein Krypto-Zustand ist incapable: Er hält noch keine Schlüssel.'
  },
  'host.prepare': {
    en: 'vCenter prepares {host} for encryption (PrepareCrypto): incapable → prepared.',
    de: 'vCenter bereitet {host} auf Verschlüsselung vor (PrepareCrypto): incapable → prepared.'
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
    de: '{host} war pendingIncapable: Nach dem Neustart ist er incapable, ohne Host-Schlüssel.'
  },
  'host.keys.unsealed': {
    en: 'Key persistence: the TPM of {host} unseals {count} key(s) into the key cache — no need to ask vCenter.',
    de: 'Schlüsselpersistenz: Das TPM von {host} entsiegelt {count} Schlüssel in den Schlüssel-Cache — vCenter muss nicht gefragt werden.'
  },
  'host.vcenterUnreachable': {
    en: '{host} cannot reach vCenter: nobody can bring its keys back.',
    de: '{host} erreicht vCenter nicht: Niemand kann seine Schlüssel zurückbringen.'
  },
  'host.reconnect.vcenterBack': {
    en: '{host} reconnects to vCenter, which is back; vCenter pushes the host key again if the host lost it. VMs locked meanwhile stay locked until you unlock them.',
    de: '{host} verbindet sich wieder mit vCenter, das wieder läuft; vCenter gibt dem Host seinen Host-Schlüssel erneut, falls er ihn verloren hat. Inzwischen gesperrte VMs bleiben gesperrt, bis Sie sie entsperren.'
  },
  'host.reconnect': {
    en: '{host} reconnects to vCenter; vCenter gets the keys this host needs from the KMS.',
    de: '{host} verbindet sich wieder mit vCenter; vCenter holt die Schlüssel, die dieser Host braucht, vom KMS.'
  },
  'host.dek.discard': { en: '{host} drops the DEK of {vm} from memory.', de: '{host} entfernt den DEK von {vm} aus dem Speicher.' },
  'host.psod': {
    en: '{host} crashes (purple screen): it writes a core dump of its memory before rebooting. (The lab’s dump holds the key cache and the memory of the running VMs; a real vmkernel zdump holds kernel memory, and VM memory goes to VM core files.)',
    de: '{host} stürzt ab (Purple Screen): Vor dem Neustart schreibt er einen Core-Dump seines Speichers. (Der Dump des Labors enthält den Schlüssel-Cache und den Speicher der laufenden VMs; ein echter vmkernel-zdump enthält Kernel-Speicher, VM-Speicher landet in VM-Core-Dateien.)'
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
    en: '{host} is crypto safe but its host key is not in the key cache: the lab writes no core dump here (real ESXi behaviour in this case is not documented).',
    de: '{host} ist krypto-sicher, aber sein Host-Schlüssel ist nicht im Cache: Das Labor schreibt hier keinen Core-Dump (das reale ESXi-Verhalten ist nicht dokumentiert).'
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
    en: 'crypto-util on {host}: {args} — {bytes} bytes decrypted with the host key from the cache (the lab shows them instead of writing them to disk, where they would expose the keys).',
    de: 'crypto-util auf {host}: {args} — {bytes} Bytes mit dem Host-Schlüssel aus dem Cache entschlüsselt (das Labor zeigt sie an, statt sie auf die Platte zu schreiben, wo sie die Schlüssel preisgäben).'
  },
  'host.keyPersistence.on': {
    en: 'Key persistence on {host} (vSphere 7.0 U2+, TPM 2.0): the TPM seals the key cache ({count} key(s)) so it survives reboots.',
    de: 'Schlüsselpersistenz auf {host} (vSphere 7.0 U2+, TPM 2.0): Das TPM versiegelt den Schlüssel-Cache ({count} Schlüssel), damit er Neustarts übersteht.'
  },
  'host.keyPersistence.off': {
    en: 'Key persistence off on {host}: the sealed keys are removed (--remove-all-stored-keys).',
    de: 'Schlüsselpersistenz auf {host} aus: Die versiegelten Schlüssel werden entfernt (--remove-all-stored-keys).'
  },
  'host.reenabled': { en: 'Host encryption mode is back on for {host}: pendingIncapable → safe.', de: 'Host-Verschlüsselungsmodus für {host} wieder an: pendingIncapable → safe.' },
  'host.disabled.prepared': { en: 'Host encryption mode off for {host}: prepared → incapable.', de: 'Host-Verschlüsselungsmodus für {host} aus: prepared → incapable.' },
  'host.disabled.pending': {
    en: 'Host encryption mode off for {host}: safe → pendingIncapable. The host key stays in memory until the next reboot.',
    de: 'Host-Verschlüsselungsmodus für {host} aus: safe → pendingIncapable. Der Host-Schlüssel bleibt bis zum nächsten Neustart im Speicher.'
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
    en: '{host} creates {vm} on {datastore}: .vmx, a {mib} MiB disk and NVRAM, all in clear.',
    de: '{host} legt {vm} auf {datastore} an: .vmx, eine {mib}-MiB-Platte und NVRAM, alles im Klartext.'
  },
  'vm.encrypt.start': {
    en: 'Encrypt {vm} with the VM Encryption Policy: vCenter needs a key from the default provider {provider}.',
    de: '{vm} mit der VM-Verschlüsselungsrichtlinie verschlüsseln: vCenter braucht einen Schlüssel vom Standardanbieter {provider}.'
  },
  'vm.dek.generated': {
    en: '{host} generates the DEK of {vm}: 64 random bytes for XTS-AES-256, made on the host, never sent anywhere.',
    de: '{host} erzeugt den DEK von {vm}: 64 Zufallsbytes für XTS-AES-256, auf dem Host erzeugt, nie verschickt.'
  },
  'vm.dek.wrapped': {
    en: 'The host wraps the DEK of {vm} with KEK {keyId} (AES key wrap): only the wrapped DEK will be written down. (Real vSphere locks it with its own scheme and writes HMAC-SHA-256 in the key locator; the lab uses RFC 5649 key wrap and writes AES-KWP.)',
    de: 'Der Host umhüllt den DEK von {vm} mit KEK {keyId} (AES Key Wrap): Nur der umhüllte DEK wird gespeichert. (Echtes vSphere nutzt ein eigenes Verfahren und schreibt HMAC-SHA-256 in den Key Locator; das Labor nutzt RFC-5649-Key-Wrap und schreibt AES-KWP.)'
  },
  'vm.disk.encrypted': {
    en: '{host} rewrites the disk of {vm} with XTS-AES-256: {sectors} sectors, each with its sector number as tweak ({from} → {to}).',
    de: '{host} schreibt die Platte von {vm} mit XTS-AES-256 neu: {sectors} Sektoren, jeder mit seiner Sektornummer als Tweak ({from} → {to}).'
  },
  'vm.disk.decrypted': {
    en: '{host} rewrites the disk of {vm} in clear: {sectors} sectors decrypted ({from} → {to}).',
    de: '{host} schreibt die Platte von {vm} im Klartext neu: {sectors} Sektoren entschlüsselt ({from} → {to}).'
  },
  'vm.disk.reencrypted': {
    en: 'Deep rekey: {host} decrypts the disk of {vm} with the old DEK and encrypts it with the new one ({sectors} sectors, {from} → {to}).',
    de: 'Tiefe Neuverschlüsselung: {host} entschlüsselt die Platte von {vm} mit dem alten DEK und verschlüsselt sie mit dem neuen ({sectors} Sektoren, {from} → {to}).'
  },
  'vm.files.writtenEncrypted': {
    en: 'The new files of {vm} are on the datastore: {vmx} carries encryption.bundle (KEK ID + wrapped DEK), {descriptor} carries encryptionKeys; {removed} is deleted.',
    de: 'Die neuen Dateien von {vm} liegen auf dem Datenspeicher: {vmx} enthält encryption.bundle (KEK-ID + umhüllter DEK), {descriptor} enthält encryptionKeys; {removed} ist gelöscht.'
  },
  'vm.files.writtenPlain': {
    en: 'The files of {vm} are in clear again: no encryption.bundle in {vmx}; {removed} is deleted.',
    de: 'Die Dateien von {vm} sind wieder im Klartext: kein encryption.bundle in {vmx}; {removed} ist gelöscht.'
  },
  'vm.files.keySafeRewritten': {
    en: 'Only the key safe of {vm} changes: {vmx} now holds the same DEK wrapped by the new KEK; the disk is not touched.',
    de: 'Nur der Schlüsselsafe von {vm} ändert sich: {vmx} enthält jetzt denselben DEK, umhüllt mit dem neuen KEK; die Platte bleibt unberührt.'
  },
  'vm.encrypt.done': {
    en: '{vm} is encrypted. {host} drops the DEK from memory (the VM is off); vCenter keeps only the key ID.',
    de: '{vm} ist verschlüsselt. {host} entfernt den DEK aus dem Speicher (die VM ist aus); vCenter behält nur die Schlüssel-ID.'
  },
  'vm.decrypt.start': { en: 'Decrypt {vm}: back to the datastore default policy.', de: '{vm} entschlüsseln: zurück zur Standardrichtlinie des Datenspeichers.' },
  'vm.decrypt.done': {
    en: '{vm} is decrypted. Its KEK stays on the KMS and in host memory until reboot (vSphere never deletes keys).',
    de: '{vm} ist entschlüsselt. Sein KEK bleibt auf dem KMS und bis zum Neustart im Host-Speicher (vSphere löscht nie Schlüssel).'
  },
  'vm.keySafe.read': {
    en: '{host} reads the key safe of {vm} from its .vmx: KEK ID {keyId} and the wrapped DEK.',
    de: '{host} liest den Schlüsselsafe von {vm} aus der .vmx: KEK-ID {keyId} und den umhüllten DEK.'
  },
  'vm.dek.unwrapped': {
    en: '{host} unwraps the DEK of {vm} with KEK {keyId} from its key cache.',
    de: '{host} packt den DEK von {vm} mit dem KEK {keyId} aus seinem Schlüssel-Cache aus.'
  },
  'vm.boot.decrypted': {
    en: '{vm} boots on {host}: the host decrypts the first {sectors} sector(s) with the DEK, and the guest sees its data in clear.',
    de: '{vm} bootet auf {host}: Der Host entschlüsselt die ersten {sectors} Sektor(en) mit dem DEK, und der Gast sieht seine Daten im Klartext.'
  },
  'vm.boot.plain': { en: '{vm} boots on {host}, reading {sectors} sector(s) in clear.', de: '{vm} bootet auf {host} und liest {sectors} Sektor(en) im Klartext.' },
  'vm.poweredOn': { en: '{vm} is powered on on {host}.', de: '{vm} ist auf {host} eingeschaltet.' },
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
  'vm.migrate.cold': { en: 'Cold migration of {vm} from {from} to {to}.', de: 'Kalte Migration von {vm} von {from} nach {to}.' },
  'vm.migrate.registered': { en: '{vm} is now registered on {host}.', de: '{vm} ist jetzt auf {host} registriert.' },
  'vmotion.key.generated': {
    en: 'vCenter makes a one-time 256-bit key and a 64-bit nonce ({nonce}) for this migration — not from the KMS.',
    de: 'vCenter erzeugt für diese Migration einen Einmalschlüssel (256 Bit) und eine 64-Bit-Nonce ({nonce}) — nicht vom KMS.'
  },
  'vmotion.key.sent': { en: 'vCenter sends the one-time key of {vm} to {host} in the migration spec.', de: 'vCenter schickt den Einmalschlüssel von {vm} in der Migrationsspezifikation an {host}.' },
  'vmotion.stream': {
    en: 'The memory of {vm} travels from {from} to {to} encrypted with the one-time key (AES-256-GCM, {bytes} bytes).',
    de: 'Der Speicher von {vm} wandert verschlüsselt mit dem Einmalschlüssel von {from} nach {to} (AES-256-GCM, {bytes} Bytes).'
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
  'vm.snapshot.encrypted': {
    en: 'Snapshot {snapshot} of {vm}: the delta disk is encrypted with the same DEK and its descriptor names the same KEK.',
    de: 'Snapshot {snapshot} von {vm}: Die Delta-Platte ist mit demselben DEK verschlüsselt, ihr Deskriptor nennt denselben KEK.'
  },
  'vm.snapshot.plain': { en: 'Snapshot {snapshot} of {vm}.', de: 'Snapshot {snapshot} von {vm}.' },
  'vm.snapshots.deleted': { en: 'The {count} snapshot(s) of {vm} are deleted.', de: 'Die {count} Snapshot(s) von {vm} sind gelöscht.' },
  'vm.lock.kmsError': {
    en: 'Virtual machine {vm} is locked because of a KMS cluster error: its key {keyId} could not be retrieved (connectionState invalid, cryptoState locked).',
    de: 'Die virtuelle Maschine {vm} ist wegen eines KMS-Cluster-Fehlers gesperrt: Ihr Schlüssel {keyId} war nicht abrufbar (connectionState invalid, cryptoState locked).'
  },
  'vm.lock.keysMissing': {
    en: 'Virtual machine {vm} is locked because keys are missing on KMS cluster: key {keyId} is gone or not Active (connectionState invalid, cryptoState locked).',
    de: 'Die virtuelle Maschine {vm} ist gesperrt, weil Schlüssel im KMS-Cluster fehlen: Schlüssel {keyId} ist weg oder nicht aktiv (connectionState invalid, cryptoState locked).'
  },
  'vm.lock.vcenterDown': {
    en: 'Virtual machine {vm} is locked: key {keyId} is not in the host’s key cache and vCenter is unreachable (connectionState invalid, cryptoState locked).',
    de: 'Die virtuelle Maschine {vm} ist gesperrt: Schlüssel {keyId} ist nicht im Cache des Hosts und vCenter ist nicht erreichbar (connectionState invalid, cryptoState locked).'
  },
  'vm.unlock.start': { en: 'Unlock {vm}: vCenter fetches key {keyId} again.', de: '{vm} entsperren: vCenter holt Schlüssel {keyId} erneut.' },
  'vm.unlocked': {
    en: 'The key is back on {host}: hostd reloads {vm} — connected and unlocked.',
    de: 'Der Schlüssel ist wieder auf {host}: hostd lädt {vm} neu — verbunden und entsperrt.'
  },

  // The lab itself
  'lab.clock.advanced': {
    en: 'The lab clock moves {days} day(s) ahead, to {date}: certificates may have expired.',
    de: 'Die Laboruhr springt {days} Tag(e) vor, auf den {date}: Zertifikate können abgelaufen sein.'
  }
}
