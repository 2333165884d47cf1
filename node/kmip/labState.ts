// The served KMS keeps its keys in a .kflab lab file: the keys of one built-in KMS component. The file is read once;
// after that the served KMS owns that component's keys and writes them back (atomically) after every change. The
// rest of the lab is written back exactly as it was read, except that its history becomes 'partial': the keys
// changed outside lab commands, so replaying the commands would no longer lead to this state.

import type { KmipManagedObject } from '../../shared/kmip'
import { Lab } from '../../shared/lab/lab'
import { componentId, type KmsComponent } from '../../shared/lab/model'
import { labFileData, withDisksRead } from '../../shared/labFile/kflab'
import type { LabFileData } from '../../shared/labFile/schema'
import { labDeps } from '../host/labHost'
import { readLabBytes, readLabFile, labBytes, writeLab } from '../labFile/labFileIo'

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

async function readOrCreate(path: string, kmsName: string): Promise<{ data: LabFileData; created: boolean }> {
  let read
  try {
    read = await readLabFile(path)
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    if (code === undefined) throw new LabStateError(`${path}: ${(e as Error).message}`)
    if (code !== 'ENOENT') throw new LabStateError(`cannot read ${path}: ${(e as Error).message}`)
    const lab = await Lab.create(labDeps(null), { seed: null })
    const outcome = await lab.run({ op: 'kms.add', name: kmsName, provider: NEW_LAB_PROVIDER })
    if (outcome.fault) throw new LabStateError(`cannot create a KMS named '${kmsName}': ${outcome.fault.text}`)
    await writeLab(lab, path)
    return { data: labFileData(lab), created: true }
  }
  try {
    // The rest of the lab is written back as it was read: its disks are read in once (a KMS state file is small).
    return { data: await withDisksRead(read.data, read.blobs), created: false }
  } finally {
    await read.close()
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
      const next = { ...data, history: 'partial' as const, entities: { ...data.entities, [kms.id]: updated } } as LabFileData
      // Checked before it replaces the old file, so a divergence fails loudly instead of corrupting.
      try {
        const check = await readLabBytes(await labBytes(next))
        await check.close()
      } catch (e) {
        throw new LabStateError(`the keys were not saved: the lab file would not open again (${(e as Error).message})`)
      }
      await writeLab(next, path)
    }
  }
}
