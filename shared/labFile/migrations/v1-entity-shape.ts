// The lab's components as format 1 saved them → the shape this version keeps (same format version 2 container
// step, its own function). Before this shape a VM had one disk, described in `files` with `diskBytes`, and one
// DEK that encrypted both that disk and the NVRAM and was locked by the VM's KEK in the .vmx bundle and, the same
// locator, in the descriptor; vCenter had no user session and trusted a key provider as a whole. Now a VM has a list of `disks` (each with its own key
// safe in its descriptor), a VM home key locking the NVRAM, a vTPM flag; vCenter acts as a user and trusts each
// KMS server on its own.
//
// The migration fills the new fields the way `vm.create`/`vm.encrypt` build them, without touching any file on a
// datastore: the one DEK becomes both the VM home key and disk scsi0:0's DEK, which is exactly what the .vmx
// bundle and the descriptor on the datastore already lock (the same key under the same KEK), so an old encrypted
// VM opens, powers on and rekeys as before. A running VM's DEK in its host's key cache is kept under both new
// cache IDs. Components already in the new shape (format-1 files saved after the change) pass unchanged.
//
// Frozen: this describes the shape of one moment, so it does not use the lab's current helpers.

type Json = Record<string, unknown>

/** The administrator vCenter acts as in a new lab (services/vcenterSetup.ts ADMINISTRATOR_USER). */
const ADMINISTRATOR_SESSION = { user: 'administrator@vsphere.local', role: 'administrator' }
/** The one disk of a format-1 VM sat on the first slot of the first controller. */
const FIRST_DISK = 'scsi0:0'

interface OldVmFiles {
  vmx: string
  descriptor: string
  flat: string
  nvram: string
}

function isObject(v: unknown): v is Json {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Uint8Array)
}

/**
 * vCenter now trusts each KMS server on its own (`trust.servers`). Format 1 trusted a provider as a whole, every
 * server of it included (also ones added after trust was established): those are the servers trusted now.
 */
function migrateProviders(providers: Json, kmsServers: Json[]): Json {
  const out: Json = {}
  for (const [name, provider] of Object.entries(providers)) {
    const trust = isObject(provider) ? provider.trust : undefined
    if (!isObject(provider) || !isObject(trust) || 'servers' in trust) {
      out[name] = provider
      continue
    }
    const trusted = trust.mode === null || trust.mode === undefined ? [] : kmsServers.filter((k) => k.provider === name)
    const servers = Object.fromEntries(trusted.map((k) => [k.name as string, { clientTrustServer: true, serverTrustClient: true }]))
    out[name] = { ...provider, trust: { ...trust, servers } }
  }
  return out
}

function migrateVcenter(vcenter: Json, kmsServers: Json[]): Json {
  const persisted = vcenter.persisted
  if (!isObject(persisted)) return vcenter
  const providers = isObject(persisted.providers) ? migrateProviders(persisted.providers, kmsServers) : persisted.providers
  const session = 'session' in persisted ? persisted.session : { ...ADMINISTRATOR_SESSION }
  return { ...vcenter, persisted: { ...persisted, providers, session } }
}

function migrateVm(vm: Json): Json {
  if ('disks' in vm || !isObject(vm.files)) return vm
  const { diskBytes, files, ...rest } = vm as Json & { diskBytes: unknown; files: OldVmFiles }
  const fileGeneration = typeof vm.fileGeneration === 'number' ? vm.fileGeneration : 0
  const snapshots = Array.isArray(vm.snapshots) ? (vm.snapshots as { vmsn: string; deltaDescriptor: string; deltaData: string }[]) : []
  const disk = {
    device: FIRST_DISK,
    descriptor: files.descriptor,
    flat: files.flat,
    bytes: diskBytes,
    keyId: vm.keyId ?? null,
    providerId: vm.providerId ?? null,
    // Format 1 rewrote the disk and the NVRAM together: the disk's generation is the VM's.
    generation: fileGeneration
  }
  const persisted = isObject(vm.persisted) ? vm.persisted : {}
  return {
    ...rest,
    files: { vmx: files.vmx, nvram: files.nvram },
    disks: [disk],
    vtpm: false,
    persisted: {
      ...persisted,
      files: [files.vmx, files.nvram, files.descriptor, files.flat, ...snapshots.flatMap((s) => [s.vmsn, s.deltaDescriptor, s.deltaData])]
    }
  }
}

/** A running VM's one DEK (`dek:<vm>`) becomes its VM home key and its first disk's DEK, in the same place. */
function migrateHost(host: Json): Json {
  const memory = host.memory
  if (!isObject(memory) || !isObject(memory.keyCache)) return host
  const keyCache: Json = {}
  let changed = false
  for (const [id, entry] of Object.entries(memory.keyCache)) {
    const key = entry as Json
    const vmName = typeof key.vm === 'string' ? key.vm : null
    if (key.keyType === 'dek' && vmName !== null && id === `dek:${vmName}`) {
      for (const part of ['home', FIRST_DISK]) keyCache[`dek:${vmName}/${part}`] = { ...key, keyId: `dek:${vmName}/${part}` }
      changed = true
    } else keyCache[id] = entry
  }
  return changed ? { ...host, memory: { ...memory, keyCache } } : host
}

/** Brings every component of a lab document to the current shape (idempotent). */
export function migrateEntityShape(doc: Json): Json {
  if (!isObject(doc.entities)) return doc
  const entities: Json = {}
  const kmsServers = Object.values(doc.entities).filter((e): e is Json => isObject(e) && e.kind === 'kms')
  for (const [id, entity] of Object.entries(doc.entities)) {
    if (!isObject(entity)) entities[id] = entity
    else if (entity.kind === 'vcenter') entities[id] = migrateVcenter(entity, kmsServers)
    else if (entity.kind === 'vm') entities[id] = migrateVm(entity)
    else if (entity.kind === 'host') entities[id] = migrateHost(entity)
    else entities[id] = entity
  }
  return { ...doc, entities }
}
