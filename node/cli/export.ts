// `export core-dump|key|nkp-backup`: copies a core dump off a lab host, a key out of the lab's KMS, or the last
// backup of a Native Key Provider (the PKCS#12 file provider.backup made) into a file (0600: each is key material or
// holds it).

import { toHex } from '../../shared/crypto/bytes'
import { persistedBytes } from '../../shared/lab/files/persisted'
import { componentId } from '../../shared/lab/model'
import { writeFileAtomic } from '../host/atomicFile'
import { openLabFile } from './labFile'
import { terminalSafe } from './terminalText'
import { parseArgs, requireOption, UsageError } from './usage'

const USAGE = [
  'usage: npm run --silent lab -- export core-dump --lab FILE.kflab --host NAME --file /var/core/NAME --out OUT',
  '       npm run --silent lab -- export key --lab FILE.kflab --key KEY-ID --out KEYFILE',
  '       npm run --silent lab -- export nkp-backup --lab FILE.kflab --provider NAME --out FILE.p12'
].join('\n')

export async function exportCommand(args: string[]): Promise<number> {
  const [what, ...rest] = args
  const parsed = parseArgs(rest, { options: ['lab', 'host', 'file', 'key', 'out', 'provider'] }, USAGE)
  if (what !== 'core-dump' && what !== 'key' && what !== 'nkp-backup') throw new UsageError(USAGE)
  const lab = await openLabFile(requireOption(parsed, 'lab', USAGE))
  const out = requireOption(parsed, 'out', USAGE)
  if (what === 'core-dump') {
    const hostName = requireOption(parsed, 'host', USAGE)
    const host = lab.component(componentId.host(hostName))
    if (!host) throw new UsageError(`the lab has no host ${hostName}`)
    let bytes: Uint8Array
    try {
      bytes = persistedBytes(host, requireOption(parsed, 'file', USAGE))
    } catch (e) {
      throw new UsageError((e as Error).message)
    }
    await writeFileAtomic(out, bytes)
    process.stdout.write(`wrote ${bytes.length} bytes to ${out}\n`)
    return 0
  }
  if (what === 'nkp-backup') {
    const name = requireOption(parsed, 'provider', USAGE)
    const vc = lab.component('vcenter')
    const provider = vc?.kind === 'vcenter' && Object.hasOwn(vc.persisted.providers, name) ? vc.persisted.providers[name] : undefined
    if (!provider?.native) throw new UsageError(`the lab has no Native Key Provider ${terminalSafe(name)}`)
    if (!provider.native.backupFile) throw new UsageError(`${terminalSafe(name)} has not been backed up yet (provider.backup)`)
    await writeFileAtomic(out, provider.native.backupFile)
    process.stdout.write(`wrote the PKCS#12 backup of ${terminalSafe(name)} (${provider.native.backupFile.length} bytes) to ${out}\n`)
    return 0
  }
  const keyId = requireOption(parsed, 'key', USAGE)
  for (const e of lab.entities().values()) {
    if (e.kind !== 'kms' || !('keys' in e.persisted)) continue
    // Own keys only: a key ID such as "toString" must not find Object.prototype's member.
    const object = Object.hasOwn(e.persisted.keys, keyId) ? e.persisted.keys[keyId] : undefined
    if (!object) continue
    if (!object.material) throw new UsageError(`key ${terminalSafe(keyId)} was destroyed on ${e.name}: its material is gone`)
    await writeFileAtomic(out, toHex(object.material) + '\n')
    process.stdout.write(`wrote key ${terminalSafe(keyId)} from ${e.name} to ${out} (hex)\n`)
    return 0
  }
  throw new UsageError(`no KMS in the lab holds key ${terminalSafe(keyId)}`)
}
