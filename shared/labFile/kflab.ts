// .kflab lab files: versioned JSON. Byte strings are stored as {"$b64": ...}, big integers as {"$bigint": ...}.
// Opening checks everything first; a seeded lab with a complete history is replayed so its whole timeline comes
// back, and the replay must end in exactly the saved state (otherwise the saved state is restored as it is).

import { fromBase64, toBase64 } from '../crypto/bytes'
import type { LabDeps } from '../lab/context'
import { Lab } from '../lab/lab'
import type { Entity } from '../lab/model'
import { formatPath } from '../lab/script'
import { KFLAB_FORMAT, KFLAB_VERSION, labFileSchema, type LabFileData } from './schema'

export class LabFileError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'LabFileError'
  }
}

function replacer(this: unknown, _key: string, value: unknown): unknown {
  if (value instanceof Uint8Array) return { $b64: toBase64(value) }
  if (typeof value === 'bigint') return { $bigint: value.toString() }
  return value
}

function reviver(_key: string, value: unknown): unknown {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const keys = Object.keys(value)
    if (keys.length === 1 && keys[0] === '$b64' && typeof (value as { $b64: unknown }).$b64 === 'string') {
      try {
        return fromBase64((value as { $b64: string }).$b64)
      } catch {
        throw new LabFileError('a byte string in the file is not valid base64')
      }
    }
    if (keys.length === 1 && keys[0] === '$bigint' && /^-?\d{1,4000}$/.test(String((value as { $bigint: unknown }).$bigint)))
      return BigInt((value as { $bigint: string }).$bigint)
  }
  return value
}

export function labFileData(lab: Lab): LabFileData {
  return {
    format: KFLAB_FORMAT,
    version: KFLAB_VERSION,
    seed: lab.meta.seed,
    history: lab.origin === 'created' ? 'complete' : 'partial',
    commands: lab.commands.map((c) => ({ step: c.step, command: c.command as Record<string, unknown> })),
    entities: Object.fromEntries(lab.entities()) as LabFileData['entities']
  }
}

export function serializeLab(lab: Lab): string {
  return JSON.stringify(labFileData(lab), replacer)
}

/** Reads and checks a lab file; throws LabFileError with a plain reason and place. */
export function parseLabFile(text: string): LabFileData {
  let raw: unknown
  try {
    raw = JSON.parse(text, reviver)
  } catch (e) {
    if (e instanceof LabFileError) throw e
    throw new LabFileError('this is not a KeyFlow Lab file: it is not JSON')
  }
  if (!raw || typeof raw !== 'object' || (raw as { format?: unknown }).format !== KFLAB_FORMAT)
    throw new LabFileError(`this is not a KeyFlow Lab file (format is not "${KFLAB_FORMAT}")`)
  const version = (raw as { version?: unknown }).version
  if (version !== KFLAB_VERSION)
    throw new LabFileError(`this lab file has version ${JSON.stringify(version)}; this KeyFlow Lab reads version ${KFLAB_VERSION}`)
  const parsed = labFileSchema.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new LabFileError(`the lab file is damaged: ${issue.message} at ${formatPath(issue.path as PropertyKey[])}`)
  }
  const data = parsed.data
  for (const [id, e] of Object.entries(data.entities)) if (e.id !== id) throw new LabFileError(`the lab file is damaged: entity ${id} carries id ${e.id}`)
  if (!data.entities.lab || !data.entities.vcenter) throw new LabFileError('the lab file is damaged: the lab metadata or vCenter is missing')
  for (const id of data.entities.lab.kind === 'meta' ? data.entities.lab.order : [])
    if (!data.entities[id]) throw new LabFileError(`the lab file is damaged: component ${id} is listed but missing`)
  return data
}

/** JSON with object keys sorted at every level, so two states compare by content, not by key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, function (this: unknown, key: string, v: unknown) {
    const r = replacer.call(this, key, v)
    if (r && typeof r === 'object' && !Array.isArray(r)) return Object.fromEntries(Object.entries(r).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    return r
  })
}

function sameState(a: Iterable<[string, Entity]>, b: Record<string, Entity>): boolean {
  return canonical(Object.fromEntries(a)) === canonical(b)
}

/** Builds the lab a file describes. Never touches any lab that is already open. */
export async function loadLabFile(data: LabFileData, depsFor: (seed: number | null) => LabDeps): Promise<Lab> {
  const deps = depsFor(data.seed)
  if (data.seed !== null && data.history === 'complete') {
    const replayed = await Lab.create(deps, { seed: data.seed })
    for (const c of data.commands) await replayed.run(c.command, c.step === null ? {} : { step: c.step })
    if (sameState(replayed.entities(), data.entities as Record<string, Entity>)) return replayed
  }
  return Lab.restore(deps, Object.entries(data.entities) as [string, Entity][])
}
