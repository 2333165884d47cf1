// The served KMS's durability: a change is answered only once it is saved, saves are shared by concurrent
// changes, a failed save is never reported as success, and reads never wait for the disk.

import { describe, expect, it } from 'vitest'
import { KmipClient, KmipOperationError, ResultReason, type KmipManagedObject } from '../../../shared/kmip'
import { GroupCommit } from '../../../node/kmip/groupCommit'
import { ServedKms } from '../../../node/kmip/servedKms'

function deferred() {
  let resolve!: () => void
  let reject!: (e: unknown) => void
  const promise = new Promise<void>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

const clientOf = (kms: ServedKms, who = 'vcenter-sim') => new KmipClient(async (request) => kms.handle(request, who))

describe('ServedKms', () => {
  it('answers a change only after the save that includes it has finished', async () => {
    const saves: { keys: readonly KmipManagedObject[]; done: ReturnType<typeof deferred> }[] = []
    const kms = new ServedKms({
      save: (keys) => {
        const done = deferred()
        saves.push({ keys, done })
        return done.promise
      }
    })
    let answered = false
    const creating = clientOf(kms)
      .createSymmetricKey()
      .then((r) => {
        answered = true
        return r.value
      })
    await new Promise((r) => setTimeout(r, 20))
    expect(saves).toHaveLength(1)
    expect(answered).toBe(false)
    saves[0].done.resolve()
    const uid = await creating
    expect(saves[0].keys.map((k) => k.uid)).toEqual([uid])
  })

  it('answers reads at once, without touching the disk', async () => {
    let saves = 0
    const kms = new ServedKms({ save: async () => void saves++ })
    const client = clientOf(kms)
    const uid = (await client.createSymmetricKey()).value
    expect(saves).toBe(1)
    // A request that changes nothing is answered synchronously: not even a promise.
    const builder = new KmipClient(async () => new Uint8Array())
    expect(kms.handle(builder.buildRequest([]), 'vcenter-sim')).toBeInstanceOf(Uint8Array)
    await client.get(uid)
    await client.getAttributes(uid)
    await client.locate({ attributes: [] })
    expect(saves).toBe(1)
  })

  it('reports a failed save as General Failure, never as success', async () => {
    const errors: unknown[] = []
    const kms = new ServedKms({ save: async () => Promise.reject(new Error('disk full')), onSaveError: (e) => errors.push(e) })
    const failure = await clientOf(kms).createSymmetricKey().catch((e: unknown) => e)
    expect(failure).toBeInstanceOf(KmipOperationError)
    expect((failure as KmipOperationError).resultReason).toBe(ResultReason.GeneralFailure)
    expect((failure as KmipOperationError).resultMessage).toMatch(/could not save its key store: disk full/)
    expect(errors).toHaveLength(1)
  })

  it('starts from the keys it is given and keeps them per owner', async () => {
    const saved: KmipManagedObject[] = []
    const donor = new ServedKms({ keys: [], save: async (keys) => void saved.splice(0, saved.length, ...keys) })
    await clientOf(donor).createSymmetricKey({ names: ['carried'] })
    const second = new ServedKms({ keys: saved })
    expect(second.keyCount).toBe(1)
    expect((await clientOf(second).locateByName('carried')).value).toHaveLength(1)
    expect((await clientOf(second, 'someone-else').locateByName('carried')).value).toEqual([])
  })
})

describe('GroupCommit', () => {
  it('lets every change that arrives during a save share the next save', async () => {
    const runs: ReturnType<typeof deferred>[] = []
    const group = new GroupCommit(() => {
      const d = deferred()
      runs.push(d)
      return d.promise
    })
    const first = group.commit()
    const waiting = Array.from({ length: 10 }, () => group.commit())
    expect(runs).toHaveLength(1)
    runs[0].resolve()
    await first
    await new Promise((r) => setTimeout(r, 0))
    expect(runs).toHaveLength(2)
    runs[1].resolve()
    await Promise.all(waiting)
    expect(runs).toHaveLength(2)
    await group.idle()
  })

  it('passes a failed save to its waiters and recovers for the next', async () => {
    let fail = true
    const group = new GroupCommit(async () => {
      if (fail) throw new Error('EIO')
    })
    await expect(group.commit()).rejects.toThrow('EIO')
    fail = false
    await expect(group.commit()).resolves.toBeUndefined()
  })
})
