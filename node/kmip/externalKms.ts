// External key providers: the lab's vCenter talks to a real KMIP server (PyKMIP, the lab's own `kms serve`, a
// vendor KMS) over mutually authenticated TLS, with the certificates stored on the KMS component. Every failure
// surfaces with the TLS stack's own error and code (told in the reader's language by tlsFailure.ts), and a server
// that stops answering fails the request after a timeout, so an outage in the lab is a real one.

import type { ExternalKmsConnector, KmsLink } from '../../shared/lab/context'
import type { KmsComponent } from '../../shared/lab/model'
import { KmipTlsLink } from './tlsLink'

export interface TlsExternalKmsOptions {
  connectTimeoutMs?: number
  requestTimeoutMs?: number
}

export function tlsExternalKms(options: TlsExternalKmsOptions = {}): ExternalKmsConnector {
  return {
    async connect(kms: KmsComponent): Promise<KmsLink> {
      if (!kms.external) throw new Error(`${kms.name} is the lab's built-in KMS, not an external one`)
      const { host, port, caPem, clientCertPem, clientKeyPem } = kms.external
      const link = await KmipTlsLink.open({
        host,
        port,
        ca: caPem,
        cert: clientCertPem,
        key: clientKeyPem,
        connectTimeoutMs: options.connectTimeoutMs ?? 10_000,
        requestTimeoutMs: options.requestTimeoutMs ?? 10_000
      })
      return {
        send: (request) => link.send(request),
        close: () => link.close(),
        describe: () => link.describe()
      }
    }
  }
}
