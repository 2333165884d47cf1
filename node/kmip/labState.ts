// The served KMS keeps its keys in a .kflab lab file: the keys of one built-in KMS component. The file is read once;
// after that the served KMS owns that component's keys and writes them back (atomically) after every change. The
// rest of the lab is written back exactly as it was read, except that its history becomes 'partial': the keys
// changed outside lab commands, so replaying the commands would no longer lead to this state.

import { readFile } from 'node:fs/promises'
import { toBase64 } from '../../shared/crypto/bytes'
import type { KmipManagedObject } from '../../shared/kmip'
import { Lab } from '../../shared/lab/lab'
import { componentId, type KmsComponent } from '../../shared/lab/model'
import { parseLabFile, serializeLab } from '../../shared/labFile/kflab'
import type { LabFileData } from '../../shared/labFile/schema'
import { writeFileAtomic } from '../host/atomicFile'
import { labDeps } from '../host/labHost'

/** The key provider a new lab file's KMS belongs to (the lab's usual name for the first one). */
export const NEW_LAB_PROVIDER = 'kp'

export class LabStateError extends Error {
  override readonly name = 'LabStateError'
}

export interface LabKeyState {
  path: string
  kmsName: string
  /** True when the file did not exist and was created with one built-in KMS. */
  created: boolean
  keys: KmipManagedObject[]
  /** Replaces the KMS's keys in the file with these, atomically. */
  save(keys: readonly KmipManagedObject[]): Promise<void>
}

// The .kflab encoding of byte strings and big integers (see shared/labFile/kflab.ts); every file written is
// checked with parseLabFile before it replaces the old one, so a divergence fails loudly instead of corrupting.
function replacer(this: unknown, _key: string, value: unknown): unknown {
  if (value instanceof Uint8Array) return { $b64: toBase64(value) }
  if (typeof value === 'bigint') return { $bigint: value.toString() }
  return value
}

async function readOrCreate(path: string, kmsName: string): Promise<{ data: LabFileData; created: boolean }> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw new LabStateError(`cannot read ${path}: ${(e as Error).message}`)
    const lab = await Lab.create(labDeps(null), { seed: null })
    const outcome = await lab.run({ op: 'kms.add', name: kmsName, provider: NEW_LAB_PROVIDER })
    if (outcome.fault) throw new LabStateError(`cannot create a KMS named '${kmsName}': ${outcome.fault.text}`)
    const fresh = serializeLab(lab)
    await writeFileAtomic(path, fresh)
    return { data: parseLabFile(fresh), created: true }
  }
  try {
    return { data: parseLabFile(text), created: false }
  } catch (e) {
    throw new LabStateError(`${path}: ${(e as Error).message}`)
  }
}

function servedKms(data: LabFileData, path: string, kmsName: string): KmsComponent {
  const entity = data.entities[componentId.kms(kmsName)] as KmsComponent | undefined
  if (entity === undefined || entity.kind !== 'kms') {
    const names = Object.values(data.entities)
      .filter((e) => e.kind === 'kms')
      .map((e) => (e as KmsComponent).name)
    const known = names.length ? `it has ${names.join(', ')}` : 'it has no KMS'
    throw new LabStateError(`${path} has no KMS named '${kmsName}' (${known}); choose one with --name`)
  }
  if (entity.external) throw new LabStateError(`'${kmsName}' in ${path} is an external KMS: its keys live elsewhere`)
  return entity
}

/** Opens (or creates) the lab file and takes the keys of the KMS named `kmsName`. */
export async function openLabKeyState(path: string, kmsName: string): Promise<LabKeyState> {
  const { data, created } = await readOrCreate(path, kmsName)
  const kms = servedKms(data, path, kmsName)
  return {
    path,
    kmsName,
    created,
    keys: Object.values(kms.persisted.keys),
    save: async (keys) => {
      const updated: KmsComponent = { ...kms, persisted: { ...kms.persisted, keys: Object.fromEntries(keys.map((k) => [k.uid, k])) } }
      const next = { ...data, history: 'partial' as const, entities: { ...data.entities, [kms.id]: updated } }
      const text = JSON.stringify(next, replacer)
      try {
        parseLabFile(text)
      } catch (e) {
        throw new LabStateError(`the keys were not saved: the lab file would not open again (${(e as Error).message})`)
      }
      await writeFileAtomic(path, text)
    }
  }
}
