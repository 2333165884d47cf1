import type { ExtendedKeyUsageName, SubjectAltNames } from './types.js'
import {
  AuthorityKeyIdentifierExtension,
  BasicConstraintsExtension,
  ExtendedKeyUsage,
  ExtendedKeyUsageExtension,
  type Extension,
  KeyUsageFlags,
  KeyUsagesExtension,
  SubjectAlternativeNameExtension,
  SubjectKeyIdentifierExtension,
  type X509Certificate
} from './x509.js'

// The extension profiles the lab issues. They mirror what `openssl req`/`openssl x509` produce for
// a CA and for TLS leaves, because OpenSSL (inside PyKMIP, Node and vCenter alike) is the verifier.

export const EKU_OIDS: Record<ExtendedKeyUsageName, string> = {
  serverAuth: ExtendedKeyUsage.serverAuth,
  clientAuth: ExtendedKeyUsage.clientAuth
}

export function ekuName(oid: string): ExtendedKeyUsageName | string {
  const entry = Object.entries(EKU_OIDS).find(([, value]) => value === oid)
  return entry ? entry[0] : oid
}

/** cA=TRUE and keyCertSign: without them OpenSSL refuses the CA as an issuer ("invalid CA certificate"). */
export async function caExtensions(
  publicKeySpki: Uint8Array<ArrayBuffer>,
  issuerCertificate?: X509Certificate
): Promise<Extension[]> {
  const extensions: Extension[] = [
    new BasicConstraintsExtension(true, undefined, true),
    new KeyUsagesExtension(KeyUsageFlags.keyCertSign | KeyUsageFlags.cRLSign, true),
    await SubjectKeyIdentifierExtension.create(publicKeySpki)
  ]
  if (issuerCertificate) extensions.push(await authorityKeyIdentifier(issuerCertificate))
  return extensions
}

export interface LeafProfile {
  publicKeySpki: Uint8Array<ArrayBuffer>
  /** An empty list leaves the EKU extension out, which is exactly what PyKMIP refuses. */
  eku: readonly ExtendedKeyUsageName[]
  san?: SubjectAltNames
  /** The issuing CA; absent for a self-signed leaf. */
  issuerCertificate?: X509Certificate
}

/**
 * A TLS leaf. Key usage is digitalSignature only: an Ed25519 key signs the handshake and never
 * enciphers a key, so keyEncipherment would be meaningless. A self-signed leaf carries no key
 * usage at all: OpenSSL's X509_check_issued requires keyCertSign on the issuer, even when the
 * issuer is the certificate itself, and RFC 5280 forbids keyCertSign without cA=TRUE. Leaving the
 * extension out is how `openssl req -x509` style leaves stay acceptable as their own anchor.
 */
export async function leafExtensions(profile: LeafProfile): Promise<Extension[]> {
  const extensions: Extension[] = [new BasicConstraintsExtension(false, undefined, true)]
  if (profile.issuerCertificate) extensions.push(new KeyUsagesExtension(KeyUsageFlags.digitalSignature, true))
  if (profile.eku.length > 0) extensions.push(new ExtendedKeyUsageExtension(profile.eku.map((e) => EKU_OIDS[e])))
  const names = [
    ...(profile.san?.dns ?? []).map((value) => ({ type: 'dns' as const, value })),
    ...(profile.san?.ip ?? []).map((value) => ({ type: 'ip' as const, value }))
  ]
  if (names.length > 0) extensions.push(new SubjectAlternativeNameExtension(names))
  extensions.push(await SubjectKeyIdentifierExtension.create(profile.publicKeySpki))
  if (profile.issuerCertificate) extensions.push(await authorityKeyIdentifier(profile.issuerCertificate))
  return extensions
}

/** Points at the issuer's own key identifier, so verifiers can pick the right CA among same-named ones. */
async function authorityKeyIdentifier(issuer: X509Certificate): Promise<Extension> {
  const ski = issuer.getExtension(SubjectKeyIdentifierExtension)
  if (ski) return new AuthorityKeyIdentifierExtension(ski.keyId)
  return AuthorityKeyIdentifierExtension.create(issuer.publicKey)
}
