// A PKCS#12 file (RFC 7292) holding one secret: the Native Key Provider's backup. The secret (the KDK) sits in a
// SecretBag inside an encrypted SafeContents (PBES2: PBKDF2-HMAC-SHA256 + AES-256-CBC), the whole file under an
// HMAC-SHA256 integrity MAC — the algorithms OpenSSL 3 uses by default, so `openssl pkcs12 -info` reads it.
// What VMware puts inside its own backup file is not public (docs/vsphere-facts.md, where the lab simplifies).

import { cbc } from '@noble/ciphers/aes.js'
import { hmac } from '@noble/hashes/hmac.js'
import { pbkdf2 } from '@noble/hashes/pbkdf2.js'
import { sha256 } from '@noble/hashes/sha2.js'
import { bytesEqual, utf8 } from './bytes'
import {
  algorithm,
  bmpString,
  children,
  explicit,
  implicitPrimitive,
  integer,
  octetString,
  oid,
  read,
  readInteger,
  readOid,
  sequence,
  setOf,
  Tag,
  type Node
} from './der'
import { PKCS12_KDF_MAC, pkcs12Kdf, pkcs12Password } from './pkcs12Kdf'

export const OID = {
  data: '1.2.840.113549.1.7.1',
  encryptedData: '1.2.840.113549.1.7.6',
  secretBag: '1.2.840.113549.1.12.10.1.5',
  friendlyName: '1.2.840.113549.1.9.20',
  localKeyId: '1.2.840.113549.1.9.21',
  pbes2: '1.2.840.113549.1.5.13',
  pbkdf2: '1.2.840.113549.1.5.12',
  hmacWithSha256: '1.2.840.113549.2.9',
  aes256Cbc: '2.16.840.1.101.3.4.1.42',
  sha256: '2.16.840.1.101.3.4.2.1'
} as const

export const PBKDF2_ITERATIONS = 10_000
export const MAC_ITERATIONS = 2048

export interface SecretBackup {
  /** The secret itself (the KDK). */
  secret: Uint8Array
  /** PKCS#9 friendlyName of the bag (the provider's name). */
  friendlyName: string
  /** PKCS#9 localKeyId of the bag (the KDK's ID). */
  localKeyId: string
}

function pbes2Params(salt: Uint8Array, iv: Uint8Array): Uint8Array {
  const kdf = algorithm(OID.pbkdf2, sequence(octetString(salt), integer(PBKDF2_ITERATIONS), algorithm(OID.hmacWithSha256)))
  return algorithm(OID.pbes2, sequence(kdf, algorithm(OID.aes256Cbc, octetString(iv))))
}

function pbes2Key(password: string, salt: Uint8Array, iterations: number): Uint8Array {
  // PBES2 takes the password's bytes as they are (UTF-8), unlike the MAC's BMPString.
  return pbkdf2(sha256, utf8(password), salt, { c: iterations, dkLen: 32 })
}

function attribute(type: string, value: Uint8Array): Uint8Array {
  return sequence(oid(type), setOf(value))
}

export function writeSecretPkcs12(backup: SecretBackup, password: string, random: (n: number) => Uint8Array): Uint8Array {
  const secretBag = sequence(oid(OID.data), explicit(0, octetString(backup.secret)))
  const safeBag = sequence(
    oid(OID.secretBag),
    explicit(0, secretBag),
    setOf(attribute(OID.friendlyName, bmpString(backup.friendlyName)), attribute(OID.localKeyId, octetString(utf8(backup.localKeyId))))
  )
  const safeContents = sequence(safeBag)

  const salt = random(16)
  const iv = random(16)
  const encrypted = cbc(pbes2Key(password, salt, PBKDF2_ITERATIONS), iv).encrypt(safeContents)
  const encryptedData = sequence(integer(0), sequence(oid(OID.data), pbes2Params(salt, iv), implicitPrimitive(0, encrypted)))
  const authenticatedSafe = sequence(sequence(oid(OID.encryptedData), explicit(0, encryptedData)))

  const macSalt = random(16)
  const macKey = pkcs12Kdf(PKCS12_KDF_MAC, pkcs12Password(password), macSalt, MAC_ITERATIONS, 32)
  const mac = hmac(sha256, macKey, authenticatedSafe)
  const macData = sequence(sequence(algorithm(OID.sha256), octetString(mac)), octetString(macSalt), integer(MAC_ITERATIONS))
  return sequence(integer(3), sequence(oid(OID.data), explicit(0, octetString(authenticatedSafe))), macData)
}

export class Pkcs12Error extends Error {
  constructor(readonly reason: 'format' | 'password') {
    super(reason === 'password' ? 'PKCS#12: wrong password (the MAC does not match)' : 'PKCS#12: not a backup file this lab can read')
  }
}

function expect(node: Node | undefined, tag: number): Node {
  if (!node || node.tag !== tag) throw new Pkcs12Error('format')
  return node
}

/** Reads a file written by `writeSecretPkcs12`: checks the MAC with the password, then decrypts the secret. */
export function readSecretPkcs12(file: Uint8Array, password: string): SecretBackup {
  try {
    const [version, authSafe, macData] = children(expect(read(file), Tag.sequence))
    if (readInteger(expect(version, Tag.integer)) !== 3) throw new Pkcs12Error('format')
    const [, authContent] = children(expect(authSafe, Tag.sequence))
    const authenticatedSafe = expect(children(expect(authContent, 0xa0))[0], Tag.octetString).value

    const [digestInfo, macSalt, macIterations] = children(expect(macData, Tag.sequence))
    const [, digest] = children(digestInfo)
    const macKey = pkcs12Kdf(PKCS12_KDF_MAC, pkcs12Password(password), macSalt.value, readInteger(macIterations), 32)
    if (!bytesEqual(hmac(sha256, macKey, authenticatedSafe), digest.value)) throw new Pkcs12Error('password')

    const [contentInfo] = children(read(authenticatedSafe))
    const [type, wrapped] = children(contentInfo)
    if (readOid(type) !== OID.encryptedData) throw new Pkcs12Error('format')
    const [, encryptedContentInfo] = children(children(wrapped)[0])
    const [, pbes2, encrypted] = children(encryptedContentInfo)
    const [kdf, scheme] = children(children(pbes2)[1])
    const [salt, iterations] = children(children(kdf)[1])
    const iv = children(scheme)[1].value
    const safeContents = cbc(pbes2Key(password, salt.value, readInteger(iterations)), iv).decrypt(encrypted.value)

    const [safeBag] = children(read(safeContents))
    const [bagId, bagValue, attributes] = children(safeBag)
    if (readOid(bagId) !== OID.secretBag) throw new Pkcs12Error('format')
    const secret = children(children(children(bagValue)[0])[1])[0].value
    const attrs = new Map(children(attributes).map((a) => [readOid(children(a)[0]), children(children(a)[1])[0].value]))
    const name = attrs.get(OID.friendlyName) ?? new Uint8Array(0)
    let friendlyName = ''
    for (let i = 0; i + 1 < name.length; i += 2) friendlyName += String.fromCharCode((name[i] << 8) | name[i + 1])
    return { secret: secret.slice(), friendlyName, localKeyId: new TextDecoder().decode(attrs.get(OID.localKeyId) ?? new Uint8Array(0)) }
  } catch (e) {
    if (e instanceof Pkcs12Error) throw e
    throw new Pkcs12Error('format')
  }
}
