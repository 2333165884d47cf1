import { describe, expect, it } from 'vitest'
import { fromBase64, utf8 } from '../../../shared/crypto/bytes'
import { CONTAINER_MAGIC } from '../../../shared/labFile/container'
import { pickedFileBase64 } from '../../../renderer/src/files/pickedFile'

describe('pickedFileBase64 (a picked file as the host imports it)', () => {
  it('sends a container as base64 of its exact bytes, high bytes included', async () => {
    const bytes = Uint8Array.from([...CONTAINER_MAGIC, ...Array.from({ length: 70_000 }, (_, i) => (i * 131) & 0xff)])
    expect(fromBase64(await pickedFileBase64(new Blob([bytes])))).toEqual(bytes)
  })

  it('sends a format-1 JSON file as base64 too (the host reads either kind from the bytes)', async () => {
    const json = '{"format":"kflab/1","lab":{}}'
    expect(fromBase64(await pickedFileBase64(new Blob([json])))).toEqual(utf8(json))
  })
})
