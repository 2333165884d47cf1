// ESXi's `crypto-util envelope describe|extract`, shared by the host command and the command line.
// On the host that wrote a dump the key comes from its key cache. A dump from a password-protected vm-support
// bundle opens with `--keyfile <incident key file> --password <password>`, as on ESXi: there `--keyfile` names the
// bundle's incident key file, locked by the password. The lab's command line also takes a raw 32-byte key with
// `--keyfile` alone — a lab shortcut for teaching, not an ESXi use (docs/vsphere-facts.md#f-support).

import { openEnvelope, readEnvelope, EnvelopeError, type EnvelopeHeader } from '../../crypto/envelope'
import { ZDUMP_HEADER_SIZE } from './coreDump'

export interface CryptoUtilInvocation {
  action: 'describe' | 'extract'
  offset: number
  file: string
  out: string | null
  keyfile: string | null
  password: string | null
}

export const CRYPTO_UTIL_USAGE = [
  'usage: crypto-util envelope describe [--offset N] FILE',
  '       crypto-util envelope extract [--offset N] [--keyfile INCIDENT-KEY-FILE --password PASSWORD] FILE OUTFILE'
].join('\n')

export class CryptoUtilError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'CryptoUtilError'
  }
}

export function parseCryptoUtilArgs(args: readonly string[], opts: { outRequired: boolean }): CryptoUtilInvocation {
  const [group, action, ...rest] = args
  if (group !== 'envelope' || (action !== 'describe' && action !== 'extract'))
    throw new CryptoUtilError(`unknown command '${args.slice(0, 2).join(' ')}'\n${CRYPTO_UTIL_USAGE}`)
  let offset = 0
  let keyfile: string | null = null
  let password: string | null = null
  const positional: string[] = []
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]
    if (a === '--offset') {
      const v = rest[++i]
      if (v === undefined || !/^\d+$/.test(v)) throw new CryptoUtilError(`--offset needs a byte count\n${CRYPTO_UTIL_USAGE}`)
      offset = Number(v)
    } else if (a === '--keyfile') {
      const v = rest[++i]
      if (v === undefined) throw new CryptoUtilError(`--keyfile needs a file\n${CRYPTO_UTIL_USAGE}`)
      keyfile = v
    } else if (a === '--password') {
      const v = rest[++i]
      if (v === undefined) throw new CryptoUtilError(`--password needs the password of the vm-support bundle\n${CRYPTO_UTIL_USAGE}`)
      password = v
    } else if (a.startsWith('--')) throw new CryptoUtilError(`unknown option ${a}\n${CRYPTO_UTIL_USAGE}`)
    else positional.push(a)
  }
  const wanted = action === 'describe' ? 1 : opts.outRequired ? 2 : 1
  if (positional.length < wanted || positional.length > (action === 'describe' ? 1 : 2))
    throw new CryptoUtilError(`wrong number of files\n${CRYPTO_UTIL_USAGE}`)
  if (password !== null && keyfile === null) throw new CryptoUtilError(`--password opens an incident key file: give it with --keyfile\n${CRYPTO_UTIL_USAGE}`)
  return { action, offset, file: positional[0], out: positional[1] ?? null, keyfile, password }
}

export function envelopeAt(bytes: Uint8Array, offset: number): { header: EnvelopeHeader; envelope: Uint8Array } {
  if (offset > bytes.length) throw new CryptoUtilError(`offset ${offset} is beyond the end of the file (${bytes.length} bytes)`)
  const envelope = bytes.subarray(offset)
  try {
    return { header: readEnvelope(envelope).header, envelope }
  } catch (e) {
    const hint =
      offset === 0 && bytes.length > ZDUMP_HEADER_SIZE ? ` (zdump files have a ${ZDUMP_HEADER_SIZE}-byte header: use --offset ${ZDUMP_HEADER_SIZE})` : ''
    throw new CryptoUtilError(`${(e as Error).message}${hint}`)
  }
}

export function describeLines(header: EnvelopeHeader, envelopeBytes: number): string[] {
  return [
    'Envelope (KeyFlow Lab format v1):',
    `  keyID '${header.keyId}'`,
    `  key wrap: ${header.keyWrap} (a one-time data key wrapped by the key above)`,
    `  cipher: ${header.cipher}, nonce ${header.nonce}`,
    `  content: ${header.content}, ${envelopeBytes} bytes`
  ]
}

export function extractPlaintext(envelope: Uint8Array, key: Uint8Array): Uint8Array {
  try {
    return openEnvelope(envelope, key).plaintext
  } catch (e) {
    if (e instanceof EnvelopeError) throw new CryptoUtilError(e.message)
    throw e
  }
}

/** The arguments as narration may show them: a password is never repeated. */
export function maskedArgs(args: readonly string[]): string {
  return args.map((a, i) => (args[i - 1] === '--password' ? '********' : a)).join(' ')
}
