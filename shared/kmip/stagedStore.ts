// A write-behind view of a key store for one request message. Batch items see each other's changes at once, but
// nothing reaches the real store until the whole message is answered: that is how a batch with the Undo option
// is rolled back, and how a response that turns out too large leaves no half-done work behind.

import type { KmipKeyStore, KmipManagedObject } from './store'

export class StagedStore implements KmipKeyStore {
  private readonly staged = new Map<string, KmipManagedObject>()

  constructor(private readonly base: KmipKeyStore) {}

  get(uid: string): KmipManagedObject | undefined {
    return this.staged.get(uid) ?? this.base.get(uid)
  }

  put(object: KmipManagedObject): void {
    this.staged.set(object.uid, object)
  }

  list(): readonly KmipManagedObject[] {
    const out: KmipManagedObject[] = []
    const seen = new Set<string>()
    for (const object of this.base.list()) {
      out.push(this.staged.get(object.uid) ?? object)
      seen.add(object.uid)
    }
    for (const [uid, object] of this.staged) if (!seen.has(uid)) out.push(object)
    return out
  }

  commit(): void {
    for (const object of this.staged.values()) this.base.put(object)
    this.staged.clear()
  }

  discard(): void {
    this.staged.clear()
  }
}
