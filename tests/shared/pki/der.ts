// Byte-level edits of PEM objects, to make real defects (tampered signatures, altered names)
// without re-encoding anything.

export function pemToDer(pem: string): Buffer {
  return Buffer.from(pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64')
}

export function derToPem(der: Buffer, label: string): string {
  const lines = der.toString('base64').match(/.{1,64}/g)!.join('\n')
  return `-----BEGIN ${label}-----\n${lines}\n-----END ${label}-----\n`
}

/** Flips one bit in the last byte: for our certificates and CSRs that is inside the Ed25519 signature. */
export function flipLastByte(pem: string, label: string): string {
  const der = pemToDer(pem)
  der[der.length - 1] ^= 0x01
  return derToPem(der, label)
}

/** Replaces an ASCII string of the same length inside the DER (e.g. a CN), leaving the signature as is. */
export function replaceAscii(pem: string, label: string, from: string, to: string): string {
  if (from.length !== to.length) throw new Error('same length only, so the DER stays well-formed')
  const der = pemToDer(pem)
  const at = der.indexOf(Buffer.from(from, 'ascii'))
  if (at < 0) throw new Error(`${from} not found`)
  der.write(to, at, 'ascii')
  return derToPem(der, label)
}
