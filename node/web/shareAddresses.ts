// The addresses a presenter can share on: this machine's own, loopback first (the default, reachable from this
// machine only). Link-local IPv6 addresses are left out: a URL would need the interface's zone, which browsers
// do not accept.

import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os'
import type { ShareAddress } from '../../shared/api/sharing'

export const LOOPBACK = '127.0.0.1'

export function shareAddresses(interfaces: NodeJS.Dict<NetworkInterfaceInfo[]> = networkInterfaces()): ShareAddress[] {
  const out: ShareAddress[] = []
  for (const [name, infos] of Object.entries(interfaces)) {
    for (const info of infos ?? []) {
      if (info.family === 'IPv6' && (info.scopeid ?? 0) !== 0) continue
      if (info.family === 'IPv6' && info.address.toLowerCase().startsWith('fe80:')) continue
      out.push({ address: info.address, name, family: info.family, internal: info.internal })
    }
  }
  if (!out.some((a) => a.address === LOOPBACK)) out.push({ address: LOOPBACK, name: 'lo', family: 'IPv4', internal: true })
  const rank = (a: ShareAddress) => (a.address === LOOPBACK ? 0 : a.internal ? 1 : a.family === 'IPv4' ? 2 : 3)
  return out.sort((a, b) => rank(a) - rank(b))
}
