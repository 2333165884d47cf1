// The VMDK descriptor: mostly clear text; an encrypted disk names its KEK and carries its own DEK, locked by that
// KEK, in `encryptionKeys` (the key locator grammar of the .vmx bundle).

import { basename } from './vmx'

export interface DescriptorInput {
  flat: string
  sectors: number
  encryptionKeys: string | null
  parentDescriptor?: string
}

export function formatDescriptor(d: DescriptorInput): string {
  const lines = [
    '# Disk DescriptorFile',
    'version=1',
    'encoding="UTF-8"',
    'CID=fffffffe',
    d.parentDescriptor ? 'parentCID=fffffffe' : 'parentCID=ffffffff',
    d.parentDescriptor ? 'createType="vmfsSparse"' : 'createType="vmfs"'
  ]
  if (d.parentDescriptor) lines.push(`parentFileNameHint="${basename(d.parentDescriptor)}"`)
  if (d.encryptionKeys) lines.push(`encryptionKeys="${d.encryptionKeys}"`)
  lines.push(
    '',
    '# Extent description',
    `RW ${d.sectors} ${d.parentDescriptor ? 'VMFSSPARSE' : 'VMFS'} "${basename(d.flat)}"`,
    '',
    '# The Disk Data Base',
    '#DDB',
    '',
    'ddb.adapterType = "pvscsi"',
    'ddb.virtualHWVersion = "19"'
  )
  return lines.join('\n') + '\n'
}

export function readEncryptionKeys(descriptor: string): string | null {
  const m = /^encryptionKeys="(.*)"$/m.exec(descriptor)
  return m ? m[1] : null
}
