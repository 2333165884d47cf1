// vmkernel zdump files as the lab writes them to /var/core: a 4096-byte clear-text header (which is why
// crypto-util needs `--offset 4096` for zdumps), then the dump — an envelope on a crypto-safe host, plain memory
// otherwise.

import { concatBytes, fromUtf8, toHex, utf8 } from '../../crypto/bytes'
import type { CachedKey, HostComponent, VmComponent } from '../model'

export const ZDUMP_HEADER_SIZE = 4096
export const ZDUMP_MAGIC = 'VMKZDUMP'

export function zdumpName(counter: number): string {
  return `vmkernel-zdump.${counter}`
}

/** What the host had in RAM when it crashed: its key cache and the memory of its running VMs. */
export function hostMemoryImage(host: HostComponent, running: VmComponent[], time: number): Uint8Array {
  const lines = [
    `KeyFlow Lab vmkernel memory image of ${host.name} (uuid ${host.uuid}) at ${new Date(time * 1000).toISOString()}`,
    `crypto state: ${host.cryptoState}`,
    `key cache: ${Object.keys(host.memory.keyCache).length} entries`
  ]
  for (const k of Object.values(host.memory.keyCache) as CachedKey[])
    lines.push(`  ${k.keyType.padEnd(10)} ${k.keyId}${k.vm ? ` (${k.vm})` : ''} material=${toHex(k.material)}`)
  lines.push(`running VMs: ${running.length}`)
  for (const vm of running) {
    const guest = vm.memory.guest ?? new Uint8Array(0)
    lines.push(`  ${vm.name}: guest memory (${guest.length} bytes)`, `    text: ${printable(guest)}`, `    hex: ${toHex(guest)}`)
  }
  return utf8(lines.join('\n') + '\n')
}

/** What a VM's VMX process had in memory when the host crashed: the guest memory of that VM only. */
export function vmxMemoryImage(vm: VmComponent, time: number): Uint8Array {
  const guest = vm.memory.guest ?? new Uint8Array(0)
  const lines = [`KeyFlow Lab VMX core of ${vm.name} (uuid ${vm.uuid}) at ${new Date(time * 1000).toISOString()}`, `guest memory (${guest.length} bytes)`]
  lines.push(`  text: ${printable(guest)}`, `  hex: ${toHex(guest)}`)
  return utf8(lines.join('\n') + '\n')
}

function printable(bytes: Uint8Array): string {
  let end = bytes.length
  while (end > 0 && bytes[end - 1] === 0) end--
  return Array.from(bytes.subarray(0, end), (b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.')).join('')
}

export function buildZdump(opts: { host: string; time: number; encrypted: boolean; keyId: string | null; body: Uint8Array }): Uint8Array {
  const header = new Uint8Array(ZDUMP_HEADER_SIZE)
  const text = [
    ZDUMP_MAGIC,
    `host=${opts.host}`,
    `time=${new Date(opts.time * 1000).toISOString()}`,
    `encrypted=${opts.encrypted ? 'yes' : 'no'}`,
    ...(opts.keyId ? [`keyID=${opts.keyId}`] : []),
    `payloadOffset=${ZDUMP_HEADER_SIZE}`,
    ''
  ].join('\n')
  header.set(utf8(text))
  return concatBytes(header, opts.body)
}

export function readZdumpHeader(bytes: Uint8Array): Record<string, string> | null {
  if (bytes.length < ZDUMP_HEADER_SIZE || fromUtf8(bytes.subarray(0, ZDUMP_MAGIC.length)) !== ZDUMP_MAGIC) return null
  const text = fromUtf8(bytes.subarray(0, ZDUMP_HEADER_SIZE)).replace(/\0+$/, '')
  const out: Record<string, string> = {}
  for (const line of text.split('\n').slice(1)) {
    const i = line.indexOf('=')
    if (i > 0) out[line.slice(0, i)] = line.slice(i + 1)
  }
  return out
}
