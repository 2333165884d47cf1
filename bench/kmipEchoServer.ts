// The limit for the KMIP benchmark: a TLS server with the same TLS setup as the lab's KMS (mutual auth, same
// certificates) that does no KMIP work at all. It cuts the stream into messages and answers the n-th message with
// the n-th of the canned responses it was given, round robin (the lab KMS's real Create and Get responses, so the
// client decodes answers of the same size and shape). Prints `listening PORT` once ready.
//
//   npx tsx bench/kmipEchoServer.ts PKI_DIR RESPONSES.json     (RESPONSES.json: ["hex", ...])

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createServer } from 'node:tls'
import { KmipFrameReader } from '../shared/kmip'

const [pki, responsesFile] = process.argv.slice(2)
const responses = (JSON.parse(readFileSync(responsesFile, 'utf8')) as string[]).map((hex) => Buffer.from(hex, 'hex'))

const server = createServer(
  {
    ca: readFileSync(join(pki, 'ca.crt')),
    cert: readFileSync(join(pki, 'server.crt')),
    key: readFileSync(join(pki, 'server.key')),
    requestCert: true,
    rejectUnauthorized: true,
    minVersion: 'TLSv1.2'
  },
  (socket) => {
    socket.setNoDelay(true)
    const reader = new KmipFrameReader()
    let n = 0
    socket.on('data', (chunk: Buffer) => {
      for (let i = reader.push(chunk).length; i > 0; i--) socket.write(responses[n++ % responses.length])
    })
    socket.on('error', () => socket.destroy())
  }
)
server.listen(0, '127.0.0.1', () => process.stdout.write(`listening ${(server.address() as { port: number }).port}\n`))
process.once('SIGTERM', () => process.exit(0))
