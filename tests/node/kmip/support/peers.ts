// The servers a test file talks to: a lab KMS over TLS, and PyKMIP's server when asked. Started once for the file
// (PyKMIP takes seconds to come up, so it starts while the lab's KMS does), stopped after its last test.

import { afterAll, beforeAll } from 'vitest'
import type { RunningKmsServer } from '../../../../node/kmip/kmsServer'
import { startLabKms } from './labKms'
import { makeTestPki, type TestPki } from './pki'
import { requirePykmip, startPykmip, type PykmipServer } from './pykmip'

export interface Peers {
  pki: TestPki
  lab: RunningKmsServer
  /** Set when the file asked for PyKMIP; a missing python3-pykmip fails the file (CI installs it). */
  pykmip: PykmipServer | undefined
}

export function usePeers(opts: { pykmip?: boolean; lab?: Parameters<typeof startLabKms>[1] } = {}): Peers {
  const peers = { pykmip: undefined } as Peers
  beforeAll(async () => {
    if (opts.pykmip) requirePykmip()
    peers.pki = makeTestPki()
    const starting = opts.pykmip ? startPykmip(peers.pki) : undefined
    peers.lab = (await startLabKms(peers.pki, opts.lab)).server
    if (starting) peers.pykmip = await starting
  })
  afterAll(async () => {
    peers.pykmip?.kill()
    await peers.lab?.close()
    peers.pki?.dispose()
  })
  return peers
}
