import { describe, expect, it } from 'vitest'
import type { LabFileInfo } from '../../../shared/api/contract'
import { fromBase64 } from '../../../shared/crypto/bytes'
import { PARTS_IN_FLIGHT, sendLabFile, type ImportCalls } from '../../../renderer/src/files/sendLabFile'

const info: LabFileInfo = { path: null, name: 'untitled.kflab', dirty: false }

/** A host that keeps the parts it is sent and counts how many calls it holds at once. */
function fakeHost(partBytes: number, failAt = -1) {
  const parts = new Map<number, Uint8Array>()
  const calls: string[] = []
  let inFlight = 0
  let mostInFlight = 0
  const api: ImportCalls = {
    importLabBegin: async () => ({ importId: 'a'.repeat(32), partBytes }),
    async importLabPart(_id, index, base64) {
      inFlight++
      mostInFlight = Math.max(mostInFlight, inFlight)
      await new Promise((r) => setTimeout(r, 1))
      inFlight--
      if (index === failAt) throw new Error('importLabPart: the connection was closed')
      parts.set(index, fromBase64(base64))
    },
    importLabFinish: async () => (calls.push('finish'), info),
    importLabCancel: async () => void calls.push('cancel')
  }
  return { api, parts, calls, mostInFlight: () => mostInFlight }
}

describe('sendLabFile (a picked lab file to the host, in parts)', () => {
  it('sends every byte in parts of the size the host asks for, a few at a time, then finishes', async () => {
    const bytes = Uint8Array.from({ length: 10_000 }, (_, i) => (i * 131) & 0xff)
    const host = fakeHost(1000)
    expect(await sendLabFile(host.api, new Blob([bytes]))).toBe(info)
    expect([...host.parts.keys()].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
    expect(Uint8Array.from([...host.parts.entries()].sort(([a], [b]) => a - b).flatMap(([, p]) => [...p]))).toEqual(bytes)
    expect(host.mostInFlight()).toBe(PARTS_IN_FLIGHT)
    expect(host.calls).toEqual(['finish'])
  })

  it('a part that fails cancels the import on the host and is reported', async () => {
    const host = fakeHost(1000, 4)
    await expect(sendLabFile(host.api, new Blob([new Uint8Array(10_000)]))).rejects.toThrow(/connection was closed/)
    expect(host.calls).toEqual(['cancel'])
  })
})
