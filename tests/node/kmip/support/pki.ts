// A throwaway PKI for the KMIP tests, made by the kit's own scripts (tests/fixtures/pykmip): mkpki.sh for the CA,
// the server and the clients PyKMIP's tests use, and mkpki-negative.sh for the certificates that must be refused.

import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const PYKMIP_FIXTURES = fileURLToPath(new URL('../../../fixtures/pykmip/', import.meta.url))

/** Client certificates in the PKI: client (CN=vcenter-sim), other (CN=other-client), and the refused ones. */
export type ClientName = 'client' | 'other' | 'client_noeku' | 'expired' | 'stranger'

export interface TestPki {
  dir: string
  pem(file: string): string
  /** The TLS material a client presents: our CA, and the named client's certificate and key. */
  client(name?: ClientName): { ca: string; cert: string; key: string }
  server(): { ca: string; cert: string; key: string }
  /** Removes the directory (throwaway keys included). */
  dispose(): void
}

export function makeTestPki(): TestPki {
  const dir = mkdtempSync(join(tmpdir(), 'kflab-kmip-pki-'))
  execFileSync('sh', [join(PYKMIP_FIXTURES, 'mkpki.sh'), dir], { stdio: 'pipe' })
  execFileSync('sh', [join(PYKMIP_FIXTURES, 'mkpki-negative.sh'), dir], { stdio: 'pipe' })
  const pem = (file: string): string => readFileSync(join(dir, file), 'utf8')
  return {
    dir,
    pem,
    client: (name = 'client') => ({ ca: pem('ca.crt'), cert: pem(`${name}.crt`), key: pem(`${name}.key`) }),
    server: () => ({ ca: pem('ca.crt'), cert: pem('server.crt'), key: pem('server.key') }),
    dispose: () => rmSync(dir, { recursive: true, force: true })
  }
}
