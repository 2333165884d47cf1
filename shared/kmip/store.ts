// The KMS key store: managed objects as immutable records. An operation never edits an object in place; it puts a
// new record under the same uid. That is what lets the lab keep every past state for stepping back.

import type { KmipAttributeValue } from './attributes'
import type { ObjectType, RevocationReasonCode, State } from './enums'

export interface KmipRevocation {
  readonly reason: RevocationReasonCode | number
  readonly message?: string
}

export interface KmipManagedObject {
  readonly uid: string
  /** Object Type; Symmetric Key for everything this KMS creates or registers. */
  readonly objectType: ObjectType | number
  readonly algorithm: number
  /** Cryptographic Length in bits. */
  readonly length: number
  readonly usageMask: number
  /** Key material; null once the object is destroyed. */
  readonly material: Uint8Array | null
  readonly state: State
  /** Name attribute instances (Name Type 'Uninterpreted Text String'), in Attribute Index order. */
  readonly names: readonly string[]
  /** Every other attribute by name: custom x-/y- attributes, Contact Information, Digest, … (one instance each). */
  readonly attributes: Readonly<Record<string, KmipAttributeValue>>
  /** The client identity (certificate CN) that created or registered it. */
  readonly owner: string
  // Dates are POSIX seconds.
  readonly initialDate: number
  readonly activationDate?: number
  readonly deactivationDate?: number
  readonly destroyDate?: number
  readonly compromiseDate?: number
  readonly compromiseOccurrenceDate?: number
  readonly lastChangeDate: number
  readonly revocation?: KmipRevocation
}

export interface KmipKeyStore {
  get(uid: string): KmipManagedObject | undefined
  /** Inserts or replaces the object with this uid. */
  put(object: KmipManagedObject): void
  /** All objects in insertion order. */
  list(): readonly KmipManagedObject[]
}

export class MemoryKeyStore implements KmipKeyStore {
  private readonly objects = new Map<string, KmipManagedObject>()

  constructor(objects: Iterable<KmipManagedObject> = []) {
    for (const object of objects) this.put(object)
  }

  get(uid: string): KmipManagedObject | undefined {
    return this.objects.get(uid)
  }

  put(object: KmipManagedObject): void {
    // Freezing catches code that tries to edit a stored record instead of putting a new one.
    this.objects.set(
      object.uid,
      Object.freeze({ ...object, names: Object.freeze([...object.names]), attributes: Object.freeze({ ...object.attributes }) })
    )
  }

  list(): readonly KmipManagedObject[] {
    return [...this.objects.values()]
  }
}
