// VMware's key locator grammar, as vSphere exposes it in `encryption.bundle` and in the VMDK descriptor's
// `encryptionKeys`: vmware:key/list/(pair/(fqid/<VMWARE-NULL>/<provider>/<keyId>,<MAC>,<lockedData>)).
// The locker (fqid) names the KEK by provider and key ID; the locked data is the DEK, wrapped by that KEK.
//
// The lab locks with AES key wrap with padding (RFC 5649) and writes `AES-KWP` in the MAC position; real vSphere
// writes HMAC-SHA-256 there and uses its own locking scheme. The grammar and the meaning of each part are real.

import { fromBase64, toBase64 } from '../../crypto/bytes'

export const KEY_LOCATOR_PREFIX = 'vmware:key/'
export const LAB_LOCK_ALGORITHM = 'AES-KWP'

export interface KeyLocatorPair {
  providerId: string
  keyId: string
  mac: string
  lockedData: Uint8Array
}

/** Key locator text is %-escaped: the grammar's own characters cannot appear raw inside a component. */
function escapePart(text: string): string {
  return text.replace(/[%/(),\s]/g, (c) => '%' + c.charCodeAt(0).toString(16).padStart(2, '0'))
}

function unescapePart(text: string): string {
  return text.replace(/%([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
}

export function formatKeyLocator(pair: KeyLocatorPair): string {
  const locker = `fqid/<VMWARE-NULL>/${escapePart(pair.providerId)}/${escapePart(pair.keyId)}`
  return `${KEY_LOCATOR_PREFIX}list/(pair/(${locker},${escapePart(pair.mac)},${escapePart(toBase64(pair.lockedData))}))`
}

const PATTERN = /^vmware:key\/list\/\(pair\/\(fqid\/<VMWARE-NULL>\/([^/(),]+)\/([^/(),]+),([^/(),]+),([^/(),]+)\)\)$/

export function parseKeyLocator(text: string): KeyLocatorPair {
  const m = PATTERN.exec(text)
  if (!m) throw new Error('not a key locator of the form vmware:key/list/(pair/(fqid/<VMWARE-NULL>/<provider>/<keyId>,<MAC>,<data>))')
  return {
    providerId: unescapePart(m[1]),
    keyId: unescapePart(m[2]),
    mac: unescapePart(m[3]),
    lockedData: fromBase64(unescapePart(m[4]))
  }
}
