// What a format-1 file recorded of a lab, as the lab's components look now: the view in which a replay of its
// commands by this version is compared with the state it saved (see ../sameLab.ts). The commands of the versions
// that wrote format 1 did less than today's: since then an encrypted VM's snapshot (.vmsn) is encrypted (bytes,
// where format 1 kept the configuration text), and a host crash also writes one encrypted VMX core file per running
// encrypted VM (`vmx-zdump.<vm>.<n>`, where format 1 wrote only the vmkernel dump). Those are consequences of the
// same commands, not another lab; what format 1 did record (every component, file name and kind, key ID, state)
// must still agree.
//
// Frozen: this describes what format 1 wrote, so it does not use the lab's current helpers.

type Json = Record<string, unknown>

/** The core files a format-1 host crash wrote: the vmkernel dump only. */
const FORMAT1_CORE_FILE = /^vmkernel-zdump\.\d+$/

function isObject(v: unknown): v is Json {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Uint8Array)
}

/** A datastore file as format 1 recorded it: its kind. Its content (text, or bytes once encrypted) is key-dependent. */
function recordedFiles(files: Json): Json {
  return Object.fromEntries(Object.entries(files).map(([path, f]) => [path, isObject(f) ? { kind: f.kind } : f]))
}

function recordedVarCore(varCore: Json): Json {
  return Object.fromEntries(Object.entries(varCore).filter(([name]) => FORMAT1_CORE_FILE.test(name)))
}

function recordedEntity(entity: unknown): unknown {
  if (!isObject(entity) || !isObject(entity.persisted)) return entity
  const persisted = entity.persisted
  if (entity.kind === 'datastore' && isObject(persisted.files)) return { ...entity, persisted: { ...persisted, files: recordedFiles(persisted.files) } }
  if (entity.kind === 'host' && isObject(persisted.varCore)) return { ...entity, persisted: { ...persisted, varCore: recordedVarCore(persisted.varCore) } }
  return entity
}

/** The components as format 1 would have recorded them (the same for a saved format-1 lab and a replay of it). */
export function format1Record(entities: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(entities).map(([id, e]) => [id, recordedEntity(e)]))
}
