import { describe, expect, it } from 'vitest'
import { labHostWith } from '../../helpers/labHost'
import { fromTimeline, moveCursor } from '../../../renderer/src/store/loadedTimeline'
import { diskBeforeLastRewrite, diskOf, vmFolder } from '../../../renderer/src/inspectors/diskHistory'
import { markLines } from '../../../renderer/src/inspectors/fileText'
import { asciiChar, bytesOfHex, countDiffs, differs, headerFields, hexRows, leadingText } from '../../../renderer/src/inspectors/hex'
import { flattenTtlv, nodeAtOffset, nodeRange } from '../../../renderer/src/inspectors/ttlvLink'
import { describeTtlv } from '../../../shared/kmip'
import { fromHex } from '../../../shared/crypto/bytes'

async function encryptedLab() {
  const host = await labHostWith(21, [
    { op: 'kms.add', name: 'kms-1', provider: 'kp' },
    { op: 'provider.add', name: 'kp' },
    { op: 'provider.trust', provider: 'kp', mode: 'csr' },
    { op: 'host.add', name: 'esx-01', cluster: 'c1' },
    { op: 'vm.create', name: 'hr', host: 'esx-01', diskMiB: 0.0625, guestData: 'salary list 2026' },
    { op: 'vm.encrypt', name: 'hr' },
    { op: 'host.crash', name: 'esx-01' }
  ])
  return fromTimeline(await host.getTimeline())
}

describe('hex rows', () => {
  it('lay bytes out 8 to a row with printable ASCII', () => {
    const bytes = bytesOfHex('48656c6c6f00ff20410a')
    expect(hexRows(bytes, 8).map((r) => r.offset)).toEqual([0, 8])
    expect(bytes.map(asciiChar).join('')).toBe('Hello·· A·')
    expect(leadingText(bytes)).toBe('Hello')
    expect(bytesOfHex('00112233', 2)).toEqual([0, 0x11])
  })

  it('mark the bytes that differ', () => {
    expect(differs([1, 2, 3], [1, 9, 3])).toEqual([false, true, false])
    expect(differs([1, 2], null)).toEqual([false, false])
    expect(countDiffs([1, 2, 3], [1, 9])).toBe(2)
    expect(headerFields('VMKZDUMP\nhost=esx-01\nencrypted=yes\n')).toEqual({ host: 'esx-01', encrypted: 'yes' })
  })
})

describe('the disk before and after', () => {
  it('finds the clear disk before encryption beside the encrypted one', async () => {
    const m = await encryptedLab()
    const now = diskOf(m.views, 'vm:hr')!
    expect(now.path).toBe('hr/hr_1-flat.vmdk')
    expect(leadingText(bytesOfHex(now.data.hex, 32))).not.toContain('salary')
    const before = diskBeforeLastRewrite(m, 'vm:hr')!
    expect(before.disk.path).toBe('hr/hr-flat.vmdk')
    expect(leadingText(bytesOfHex(before.disk.data.hex, 32))).toBe('salary list 2026')
    // at that step the disk really is the clear one
    expect(diskOf(moveCursor(m, before.seq).views, 'vm:hr')?.data.hex).toBe(before.disk.data.hex)
    expect(vmFolder(m.views, 'vm:hr')).toBe('hr/')
  })

  it('has nothing to compare before the disk ever changed', async () => {
    const m = await encryptedLab()
    const created = m.events.find((e) => e.kind === 'file.write')!.seq
    expect(diskBeforeLastRewrite(moveCursor(m, created + 1), 'vm:hr')).toBeNull()
  })

  it('marks the key safe in the .vmx and the descriptor’s encryptionKeys', async () => {
    const m = await encryptedLab()
    const files = (m.views['datastore:ds-c1'] as { persisted: { files: Record<string, { text?: string }> } }).persisted.files
    expect(markLines(files['hr/hr.vmx'].text!).filter((l) => l.mark === 'keySafe')).toHaveLength(1)
    expect(markLines(files['hr/hr_1.vmdk'].text!).filter((l) => l.mark === 'encryptionKeys')).toHaveLength(1)
    expect(markLines('displayName = "x"')[0].mark).toBeNull()
  })
})

describe('KMIP tree and bytes', () => {
  it('link every byte of a real KMIP message to the deepest field that holds it', async () => {
    const m = await encryptedLab()
    const get = m.events.find((e) => e.kmip?.operation === 'Get' && e.kmip.direction === 'response')!
    const bytes = fromHex(get.kmip!.hex)
    const flat = flattenTtlv(describeTtlv(bytes))
    expect(flat[0].node.tagName).toBe('Response Message')
    expect(flat[0].node.length).toBe(bytes.length)
    for (let offset = 0; offset < bytes.length; offset += 7) {
      const f = nodeAtOffset(flat, offset)!
      const r = nodeRange(f.node)
      expect(offset).toBeGreaterThanOrEqual(r.start)
      expect(offset).toBeLessThan(r.end)
      // no child of it holds the byte
      expect((f.node.children ?? []).some((c) => offset >= c.offset && offset < c.offset + c.length)).toBe(false)
    }
    const material = flat.find((f) => f.node.tagName === 'Key Material')!
    expect(nodeAtOffset(flat, material.node.offset + 9)?.index).toBe(material.index)
    expect(nodeAtOffset(flat, bytes.length + 5)).toBeNull()
  })
})
