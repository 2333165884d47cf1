// The lab's KMS as a network service: KmipServerCore over an in-memory key store, plus durability. A request that
// changed keys is answered only after the key store is on disk: a KMS that says "created" and then loses the key
// after a crash would leave a VM encrypted with a key nobody has. Saves are grouped (GroupCommit), so concurrent
// clients share them; requests that change nothing are answered at once.

import { randomUUID } from 'node:crypto'
import { decodeTtlv, KMIP_1_0, KmipServerCore, MemoryKeyStore, peekProtocolVersion, ResultReason, type KmipManagedObject, type KmipServerOptions } from '../../shared/kmip'
import { BUILTIN_KMS_VENDOR } from '../../shared/lab/services/kmsSession'
import { messageFailure } from './failureResponse'
import { GroupCommit } from './groupCommit'
import { RandomPool } from './randomPool'

/** A MemoryKeyStore that counts its changes, so a request's effect is known without diffing. */
class CountingKeyStore extends MemoryKeyStore {
  changes = 0

  override put(object: KmipManagedObject): void {
    super.put(object)
    this.changes++
  }
}

export interface ServedKmsOptions {
  /** Keys to start with (from the lab file). */
  keys?: Iterable<KmipManagedObject>
  /** Writes the whole key store durably; without it keys live in memory only. */
  save?: (keys: readonly KmipManagedObject[]) => Promise<void>
  core?: KmipServerOptions
  /** Called when a save fails (the request that needed it is answered with General Failure). */
  onSaveError?: (error: unknown) => void
}

export class ServedKms {
  readonly core: KmipServerCore
  private readonly store: CountingKeyStore
  private readonly saver: GroupCommit | null
  private readonly pool = new RandomPool()
  private readonly random = (n: number): Uint8Array => this.pool.take(n)

  constructor(private readonly options: ServedKmsOptions = {}) {
    this.core = new KmipServerCore({ vendorIdentification: BUILTIN_KMS_VENDOR, ...options.core })
    this.store = new CountingKeyStore(options.keys ?? [])
    const save = options.save
    this.saver = save === undefined ? null : new GroupCommit(() => save(this.store.list()))
  }

  get keyCount(): number {
    return this.store.list().length
  }

  get persistent(): boolean {
    return this.saver !== null
  }

  /** Answers one request from the client `clientId` (its certificate CN). Never throws or rejects. */
  handle(request: Uint8Array, clientId: string): Uint8Array | Promise<Uint8Array> {
    const before = this.store.changes
    const now = Math.floor(Date.now() / 1000)
    const response = this.core.handle(request, { clientId, now, store: this.store, newUid: randomUUID, random: this.random })
    if (this.saver === null || this.store.changes === before) return response
    return this.saver.commit().then(
      () => response,
      (error: unknown) => {
        this.options.onSaveError?.(error)
        // The change stays in memory (and reaches the disk with the next save that works), but this client must
        // not believe it is durable.
        const why = `the KMS could not save its key store: ${error instanceof Error ? error.message : String(error)}`
        return messageFailure(ResultReason.GeneralFailure, why, now, versionOf(request))
      }
    )
  }

  /** Waits for the saves in flight (shutdown). */
  flush(): Promise<void> {
    return this.saver?.idle() ?? Promise.resolve()
  }
}

function versionOf(request: Uint8Array) {
  try {
    return peekProtocolVersion(decodeTtlv(request)) ?? KMIP_1_0
  } catch {
    return KMIP_1_0
  }
}
