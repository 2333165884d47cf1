// `kms serve`: the lab's KMS as a real KMIP 1.1 server (TLS, mutual authentication), for PyKMIP's client, a real
// vCenter on a lab network, or the lab itself as an external KMS. Prints one line once it listens; SIGINT or
// SIGTERM closes it cleanly (answers in flight go out, the last save completes).

import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { LabStateError, openLabKeyState, type LabKeyState } from '../kmip/labState'
import { startKmsServer, DEFAULT_SERVER_LIMITS } from '../kmip/kmsServer'
import { ServedKms } from '../kmip/servedKms'
import { count } from './count'
import { parseArgs, requireOption, UsageError } from './usage'

const USAGE =
  'usage: npm run --silent lab -- kms serve --pki DIR [--host 127.0.0.1] [--port 5696] [--state FILE.kflab] [--name kms-1]\n' +
  '                                          [--max-sessions 256] [--max-handshakes 64] [--idle-timeout SECONDS]\n' +
  '                                          [--handshake-timeout SECONDS] [--message-timeout SECONDS]\n' +
  '  DIR holds ca.crt (the CA of accepted clients), server.crt and server.key (PEM).'

function integer(text: string, name: string, min: number, max: number): number {
  const n = Number(text)
  if (!/^\d+$/.test(text) || n < min || n > max) throw new UsageError(`--${name} needs a whole number from ${min} to ${max}, not '${text}'\n${USAGE}`)
  return n
}

async function pkiFile(dir: string, name: string): Promise<Buffer> {
  const path = join(dir, name)
  try {
    return await readFile(path)
  } catch (e) {
    throw new UsageError(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n${USAGE}`)
  }
}

export async function kmsServe(args: string[]): Promise<number> {
  const parsed = parseArgs(
    args,
    { options: ['host', 'port', 'pki', 'state', 'name', 'max-sessions', 'max-connections', 'max-handshakes', 'idle-timeout', 'handshake-timeout', 'message-timeout'] },
    USAGE
  )
  if (parsed.positional.length) throw new UsageError(`unexpected argument '${parsed.positional[0]}'\n${USAGE}`)
  const pki = requireOption(parsed, 'pki', USAGE)
  const host = parsed.options.host ?? '127.0.0.1'
  const port = parsed.options.port === undefined ? 5696 : integer(parsed.options.port, 'port', 0, 65535)
  const name = parsed.options.name ?? 'kms-1'
  const option = (name: string, fallback: number, min: number, max: number) =>
    parsed.options[name] === undefined ? fallback : integer(parsed.options[name]!, name, min, max)
  // --max-connections is the name of earlier versions, kept so their scripts still run.
  const maxSessions = option(parsed.options['max-sessions'] === undefined ? 'max-connections' : 'max-sessions', DEFAULT_SERVER_LIMITS.maxSessions, 1, 100_000)
  const maxHandshakes = option('max-handshakes', DEFAULT_SERVER_LIMITS.maxHandshakes, 1, 100_000)
  const seconds = (name: string, fallbackMs: number) => option(name, fallbackMs / 1000, 1, 86_400) * 1000
  const limits = {
    idleTimeoutMs: seconds('idle-timeout', DEFAULT_SERVER_LIMITS.idleTimeoutMs),
    messageTimeoutMs: seconds('message-timeout', DEFAULT_SERVER_LIMITS.messageTimeoutMs)
  }
  const handshakeTimeoutMs = seconds('handshake-timeout', DEFAULT_SERVER_LIMITS.handshakeTimeoutMs)
  // One after the other, so a wrong directory is reported by its first missing file, always the same one.
  const ca = await pkiFile(pki, 'ca.crt')
  const cert = await pkiFile(pki, 'server.crt')
  const key = await pkiFile(pki, 'server.key')

  let state: LabKeyState | null = null
  if (parsed.options.state !== undefined) {
    try {
      state = await openLabKeyState(parsed.options.state, name)
    } catch (e) {
      if (e instanceof LabStateError) throw new UsageError(e.message)
      throw e
    }
  }
  const kms = new ServedKms({
    keys: state?.keys ?? [],
    ...(state ? { save: state.save } : {}),
    onSaveError: (e) => process.stderr.write(`error: ${(e as Error).message}\n`)
  })
  const server = await startKmsServer({ kms, tls: { ca, cert, key }, host, port, maxSessions, maxHandshakes, handshakeTimeoutMs, limits })

  const where = server.host.includes(':') ? `[${server.host}]:${server.port}` : `${server.host}:${server.port}`
  const keys = state ? `keys of ${name} in ${state.path}${state.created ? ' (new lab file)' : ''}` : 'keys in memory only'
  process.stdout.write(`KeyFlow Lab KMS listening on ${where} (KMIP 1.1, TLS, mutual auth; ${keys})\n`)

  // SIGHUP too: the terminal that started it closed. (`npm run lab` execs node, so npm's signal reaches us.) The
  // handlers stay while closing: a second signal (npm relays one, the terminal sends another) must not kill us
  // before the last save completes.
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(s, () => resolve(s))
  })
  await server.close()
  process.stderr.write(`KeyFlow Lab KMS stopped (${signal}): ${count(server.stats.messages, 'message')} on ${count(server.stats.connections, 'connection')}\n`)
  return 0
}
