import { describe, expect, it } from 'vitest'
import { fromBase64 } from '../../../shared/crypto/bytes'
import { CONTAINER_MAGIC } from '../../../shared/labFile/container'
import { labFileForImport } from '../../../renderer/src/files/labFileForImport'

describe('labFileForImport (a picked file as the host imports it)', () => {
  it('sends a container as base64 of its exact bytes, high bytes included', async () => {
    const bytes = Uint8Array.from([...CONTAINER_MAGIC, ...Array.from({ length: 70_000 }, (_, i) => (i * 131) & 0xff)])
    const text = await labFileForImport(new Blob([bytes]))
    expect(fromBase64(text)).toEqual(bytes)
  })

  it('sends a format-1 JSON file and an old base64 download as their text', async () => {
    const json = '{"format":"kflab/1","lab":{}}'
    expect(await labFileForImport(new Blob([json]))).toBe(json)
    expect(await labFileForImport(new Blob(['iUtGTEFC']))).toBe('iUtGTEFC')
  })
})
