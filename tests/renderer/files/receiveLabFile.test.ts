import { describe, expect, it } from 'vitest'
import { toBase64 } from '../../../shared/crypto/bytes'
import { receiveLabFile, type ExportCalls } from '../../../renderer/src/files/receiveLabFile'
import { PARTS_IN_FLIGHT } from '../../../renderer/src/files/sendLabFile'

/** A host that hands out `file` in parts, answering later parts first, and counts how many calls it holds at once. */
function fakeHost(file: Uint8Array, partBytes: number, shortPart = -1) {
  const calls: string[] = []
  let inFlight = 0
  let mostInFlight = 0
  const api: ExportCalls = {
    exportLabBegin: async () => ({ exportId: 'e'.repeat(32), bytes: file.length, partBytes }),
    async exportLabPart(_id, index) {
      inFlight++
      mostInFlight = Math.max(mostInFlight, inFlight)
      await new Promise((r) => setTimeout(r, index % 2 ? 1 : 5))
      inFlight--
      const part = file.subarray(index * partBytes, (index + 1) * partBytes)
      return toBase64(index === shortPart ? part.subarray(1) : part)
    },
    exportLabFinish: async () => void calls.push('finish')
  }
  return { api, calls, mostInFlight: () => mostInFlight }
}

describe('receiveLabFile (the lab file from the host, in parts)', () => {
  it('puts the parts together in order, a few asked for at a time, then lets the host drop its copy', async () => {
    const file = Uint8Array.from({ length: 10_500 }, (_, i) => (i * 131) & 0xff)
    const host = fakeHost(file, 1000)
    const blob = await receiveLabFile(host.api)
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(file)
    expect(host.mostInFlight()).toBe(PARTS_IN_FLIGHT)
    expect(host.calls).toEqual(['finish'])
  })

  it('a part of the wrong size fails the download, and the host still drops its copy', async () => {
    const host = fakeHost(new Uint8Array(5000), 1000, 3)
    await expect(receiveLabFile(host.api)).rejects.toThrow('Part 3 of the lab file arrived damaged (999 bytes, not 1000). Download the lab again.')
    expect(host.calls).toEqual(['finish'])
  })
})
