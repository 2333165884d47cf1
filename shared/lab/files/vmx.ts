// The .vmx configuration file: plain `key = "value"` lines. An encrypted VM carries `encryption.bundle`, the key
// locator that names its KEK and holds the VM home key (NVRAM, vTPM) locked by that KEK; each disk's own key is in
// its descriptor. Nothing else in the file is secret.
// Why one `encryption.bundle` line and not the `encryption.keySafe` + `encryption.data` pair: the bundle is the
// form vSphere's API shows (extraConfig), and no public raw vSphere .vmx shows the pair. docs/vsphere-facts.md
// ("Where the lab simplifies") says where this key safe is simpler than vSphere's.

import type { MigrateEncryption } from '../model'

export interface VmxInput {
  name: string
  uuid: string
  /** Descriptor paths by device (scsi0:0 ...). */
  disks: { device: string; descriptor: string }[]
  nvram: string
  vtpm: boolean
  bundle: string | null
  migrateEncryption: MigrateEncryption
}

export function formatVmx(v: VmxInput): string {
  const lines: [string, string][] = [
    ['.encoding', 'UTF-8'],
    ['config.version', '8'],
    ['virtualHW.version', '19'],
    ['displayName', v.name],
    ['guestOS', 'other5xlinux-64'],
    ['memSize', '1024'],
    ['numvcpus', '1'],
    ['uuid.bios', v.uuid],
    ['scsi0.present', 'TRUE'],
    ['scsi0.virtualDev', 'pvscsi'],
    ...v.disks.flatMap((d): [string, string][] => [
      [`${d.device}.present`, 'TRUE'],
      [`${d.device}.fileName`, basename(d.descriptor)]
    ]),
    ['nvram', basename(v.nvram)],
    ['migrate.encryptionMode', v.migrateEncryption]
  ]
  if (v.vtpm) lines.push(['vtpm.present', 'TRUE'])
  if (v.bundle) lines.push(['encryption.bundle', v.bundle])
  return lines.map(([k, val]) => `${k} = "${val.replace(/"/g, '|22')}"`).join('\n') + '\n'
}

/** The same configuration text with its `encryption.bundle` line replaced (a snapshot's .vmsn after a rekey). */
export function withBundle(text: string, bundle: string): string {
  return text.replace(/^encryption\.bundle = ".*"$/m, `encryption.bundle = "${bundle.replace(/"/g, '|22')}"`)
}

export function parseVmx(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const line of text.split('\n')) {
    const m = /^\s*([^=\s]+)\s*=\s*"(.*)"\s*$/.exec(line)
    if (m) out[m[1]] = m[2].replace(/\|22/g, '"')
  }
  return out
}

export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1)
}
