// Opening a lab never reaches the network: while a file's commands are replayed, every external KMS refuses at
// once (narrated as "not contacted while opening"); once the lab is built, the real connector is back, so the
// user's next command that needs a key reconnects.

import { ExternalKmsNotContacted, type ExternalKmsConnector, type LabDeps } from '../lab/context'

const offline: ExternalKmsConnector = {
  connect: () => Promise.reject(new ExternalKmsNotContacted())
}

export async function openOffline<T>(depsFor: (seed: number | null) => LabDeps, build: (depsFor: (seed: number | null) => LabDeps) => Promise<T>): Promise<T> {
  const reconnect: (() => void)[] = []
  const result = await build((seed) => {
    const deps = depsFor(seed)
    const connector = deps.externalKms
    // A connector exists only where the host can reach external KMSs; where it cannot, the lab says that instead.
    if (!connector) return deps
    const opening: LabDeps = { ...deps, externalKms: offline }
    reconnect.push(() => void (opening.externalKms = connector))
    return opening
  })
  // The built lab keeps the deps object it was given: hand it back its real connector now.
  for (const r of reconnect) r()
  return result
}
