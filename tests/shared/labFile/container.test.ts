import { describe, expect, it } from 'vitest'
import { nodeDiskCipher } from '../../../node/crypto/nodeDiskCipher'
import { nodeContainerCodec } from '../../../node/labFile/codec'
import { bytesSource, labBytes } from '../../../node/labFile/labFileIo'
import { indexPieces, readLabContainer, writeLabContainer, type ContainerCodec, type IndexEntry } from '../../../shared/labFile/container'
import { withDisksRead } from '../../../shared/labFile/kflab'
import { LabFileError } from '../../../shared/labFile/labFileError'
import { secureRandom } from '../../../shared/lab/random'
import { Lab } from '../../../shared/lab/lab'
import { ok } from '../../helpers/lab'
import { chunkIndex } from '../../helpers/labFiles'

const deps = () => ({ random: secureRandom((b) => crypto.getRandomValues(b)), diskCipher: nodeDiskCipher })

/** An unseeded lab (restored from its saved state on open, every disk read from the container) with a 3 MiB encrypted disk. */
async function encryptedDiskFile(): Promise<Uint8Array> {
  const lab = await Lab.create(deps(), { seed: null })
  await ok(lab, { op: 'kms.add', name: 'kms-1', provider: 'kp' }, { op: 'provider.add', name: 'kp' }, { op: 'host.add', name: 'esx-01', cluster: 'c1' })
  await ok(lab, { op: 'provider.trust', provider: 'kp', mode: 'csr' }, { op: 'vm.create', name: 'vm1', host: 'esx-01', diskMiB: 3, encrypt: true })
  return labBytes(lab)
}

function counting(codec: ContainerCodec, lease: boolean) {
  const counts = { hashChunk: 0, leaseChunk: 0 }
  const leaseChunk = codec.leaseChunk!
  const out: ContainerCodec = {
    ...codec,
    leaseChunk: lease
      ? (length) => {
          counts.leaseChunk++
          return leaseChunk(length)
        }
      : undefined,
    hashChunk: (chunk) => {
      counts.hashChunk++
      return codec.hashChunk(chunk)
    }
  }
  return { codec: out, counts }
}

const sink = () => ({ write: async () => undefined })

describe('lab file container', () => {
  for (const lease of [true, false]) {
    it(`reads stored disk chunks ${lease ? 'through leased buffers' : 'straight into the disk'}, checks each, and the next save hashes none of them again`, async () => {
      const bytes = await encryptedDiskFile()
      const stored = chunkIndex(bytes).filter(([, [, , , encoding]]) => encoding === 0)
      expect(stored.length).toBeGreaterThanOrEqual(3)
      const { codec, counts } = counting(nodeContainerCodec, lease)
      const { data, blobs } = await readLabContainer(bytesSource(bytes), codec)
      const withDisks = await withDisksRead(data, blobs)
      // Every stored chunk was checked, on a lease where the codec lends one.
      expect(lease ? counts.leaseChunk : counts.hashChunk).toBeGreaterThanOrEqual(stored.length)

      counts.hashChunk = 0
      await writeLabContainer(withDisks, sink(), codec)
      expect(counts.hashChunk).toBe(0)
    })

    it(`a changed byte in a stored chunk is refused ${lease ? 'through leased buffers' : 'straight into the disk'}, naming the chunk`, async () => {
      const bytes = await encryptedDiskFile()
      const [hash, [offset, storedLength]] = chunkIndex(bytes).find(([, [, , , encoding]]) => encoding === 0)!
      const damaged = Uint8Array.from(bytes)
      damaged[offset + Math.floor(storedLength / 2)] ^= 0x10
      const { codec } = counting(nodeContainerCodec, lease)
      const { data, blobs } = await readLabContainer(bytesSource(damaged), codec)
      const error = await withDisksRead(data, blobs).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(LabFileError)
      expect((error as Error).message).toBe(`The lab file is damaged: disk chunk ${hash.slice(0, 12)}… does not match its hash.`)
      await expect(blobs.verify()).rejects.toThrow(`disk chunk ${hash.slice(0, 12)}… does not match its hash`)
    })
  }
})

describe('the chunk index', () => {
  it('is written in pieces that join to the very JSON of the whole index, so no single step stringifies thousands of entries', () => {
    const index = new Map<string, IndexEntry>()
    for (let i = 0; i < 1300; i++) index.set(i.toString(16).padStart(64, 'a'), [14 + 42 + i * (1048576 + 42), 1048576, 1048576, i % 2])
    const pieces = [...indexPieces(index)]
    expect(pieces.length).toBe(3)
    expect(pieces.join('')).toBe('{"chunks":' + JSON.stringify(Object.fromEntries(index)) + ',"lab":')
    expect([...indexPieces(new Map())].join('')).toBe('{"chunks":{},"lab":')
  })
})
