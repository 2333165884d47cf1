// The lab's KMS server in the test process, and KMIP clients that talk to it (or any KMIP server) over real TLS.

import { KmipClient } from '../../../../shared/kmip'
import { KmipTlsLink } from '../../../../node/kmip/tlsLink'
import { startKmsServer, type KmsServerOptions, type RunningKmsServer } from '../../../../node/kmip/kmsServer'
import { ServedKms, type ServedKmsOptions } from '../../../../node/kmip/servedKms'
import type { ClientName, TestPki } from './pki'

export async function startLabKms(
  pki: TestPki,
  options: Partial<Omit<KmsServerOptions, 'kms' | 'tls'>> & { kms?: ServedKmsOptions } = {}
): Promise<{ server: RunningKmsServer; kms: ServedKms }> {
  const kms = new ServedKms(options.kms)
  const server = await startKmsServer({ ...options, port: options.port ?? 0, kms, tls: pki.server() })
  return { server, kms }
}

export function openLink(pki: TestPki, port: number, who: ClientName = 'client', requestTimeoutMs = 10_000): Promise<KmipTlsLink> {
  return KmipTlsLink.open({ host: '127.0.0.1', port, ...pki.client(who), requestTimeoutMs })
}

/** A KMIP client on its own TLS connection. */
export async function openClient(pki: TestPki, port: number, who: ClientName = 'client'): Promise<{ client: KmipClient; link: KmipTlsLink }> {
  const link = await openLink(pki, port, who)
  return { client: new KmipClient((request) => link.send(request)), link }
}
