// `crypto-util envelope describe|extract` on core dumps exported from a lab host. As support does on ESXi, a dump
// from a password-protected vm-support bundle opens with `--keyfile <incident key file> --password <password>`.
// `--keyfile` alone with a raw 32-byte key is a lab shortcut (ESXi's crypto-util takes no raw key files).

import { readFile, writeFile } from 'node:fs/promises'
import { fromHex } from '../../shared/crypto/bytes'
import { CryptoUtilError, describeLines, envelopeAt, extractPlaintext, parseCryptoUtilArgs } from '../../shared/lab/files/cryptoUtil'
import { IncidentKeyError, openIncidentKey } from '../../shared/lab/files/incidentKey'
import { terminalSafe, writeLines } from './terminalText'
import { UsageError } from './usage'

async function readInput(path: string, what: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path))
  } catch (e) {
    throw new UsageError(`crypto-util: cannot read ${what} ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`)
  }
}

/** A key file holds the 32-byte key raw, or as 64 hex digits (with or without a trailing newline). */
export function readKeyFile(bytes: Uint8Array): Uint8Array {
  if (bytes.length === 32) return bytes
  const text = new TextDecoder().decode(bytes).trim()
  if (/^[0-9a-fA-F]{64}$/.test(text)) return fromHex(text)
  throw new UsageError('crypto-util: the key file must hold a 32-byte AES-256 key, raw or as 64 hex digits')
}

export async function cryptoUtilCommand(args: string[]): Promise<number> {
  let inv
  try {
    inv = parseCryptoUtilArgs(args, { outRequired: true })
  } catch (e) {
    if (e instanceof CryptoUtilError) throw new UsageError(`crypto-util: ${e.message}`)
    throw e
  }
  const bytes = await readInput(inv.file, 'file')
  try {
    const { header, envelope } = envelopeAt(bytes, inv.offset)
    if (inv.action === 'describe') {
      writeLines(process.stdout, describeLines(header, envelope.length))
      return 0
    }
    if (!inv.keyfile)
      throw new UsageError(
        `crypto-util: outside a host there is no key cache. Run crypto-util on the host that wrote the dump (host.cryptoUtil), or take a vm-support bundle with a password (host.vmSupport) and give its incident key file with --keyfile and --password (keyID '${terminalSafe(header.keyId)}')`
      )
    const keyBytes = await readInput(inv.keyfile, 'key file')
    let key: Uint8Array
    if (inv.password !== null) {
      try {
        const incident = openIncidentKey(keyBytes, inv.password)
        if (incident.keyId !== header.keyId) throw new CryptoUtilError(`the incident key file holds key '${incident.keyId}', but this envelope needs '${terminalSafe(header.keyId)}'`)
        key = incident.key
      } catch (e) {
        if (e instanceof IncidentKeyError) throw new CryptoUtilError(e.message)
        throw e
      }
    } else key = readKeyFile(keyBytes)
    const plain = extractPlaintext(envelope, key)
    await writeFile(inv.out!, plain)
    process.stdout.write(`extracted ${plain.length} bytes to ${inv.out} (keyID '${terminalSafe(header.keyId)}')\n`)
    return 0
  } catch (e) {
    if (e instanceof CryptoUtilError) {
      process.stderr.write(`crypto-util: ${terminalSafe(e.message)}\n`)
      return 1
    }
    throw e
  }
}
