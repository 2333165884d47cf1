import { PemConverter } from './x509.js'

// PEM the way OpenSSL and Node write it (64-column base64, trailing newline), so lab output can be
// concatenated into bundles and fed to the openssl CLI unchanged.

export type PemLabel = 'CERTIFICATE' | 'CERTIFICATE REQUEST' | 'PRIVATE KEY' | 'PUBLIC KEY'

export function toPem(der: ArrayBuffer | Uint8Array, label: PemLabel): string {
  return `${PemConverter.encode(der instanceof Uint8Array ? der.slice().buffer : der, label)}\n`
}

/** The DER of the first PEM block carrying `label`; throws if there is none. */
export function fromPem(pem: string, label: PemLabel): Uint8Array<ArrayBuffer> {
  const block = PemConverter.decodeWithHeaders(pem).find((b) => b.type === label)
  if (!block) throw new Error(`no ${label} PEM block found`)
  return new Uint8Array(block.rawData)
}
