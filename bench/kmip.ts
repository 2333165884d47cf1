// How fast the lab's KMS answers a KMIP client, next to PyKMIP's server and next to this machine's limit. One run,
// one client: the lab's KmipClient over one TLS connection doing Create+Get pairs for a fixed time against
//   (a) the lab's KMS (`kms serve`, its own process, keys in memory),
//   (b) PyKMIP's server (Debian python3-pykmip, serve.sh),
//   (c) a TLS server that does no KMIP work and answers with same-sized canned responses (bench/kmipEchoServer.ts),
// taking turns in ten slices each (so load from elsewhere hits them alike), then (a) with several connections, and
// the network fuzzer against a fresh (a). Two kinds of pair: `sequential` (Create, then Get: two round trips, as
// vCenter sends them) and `batched` (Create and Get in one message, the Get naming the new key through KMIP's ID
// Placeholder: one round trip, so the server's own work weighs more than the client's and the network's). Servers run in their own processes; client and servers share this
// machine's cores, so the figures are what a 2-core box gives, not a server's peak.
//
//   npx tsx bench/kmip.ts [--seconds=10] [--fuzz=1000000] [--connections=8]     prints one JSON record per line

import { spawn, type ChildProcess } from 'node:child_process'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createInterface } from 'node:readline'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { toHex } from '../shared/crypto/bytes'
import { createPayload, getPayload, keyMaterialOf, KmipClient, Operation, ResultStatus, templateFor } from '../shared/kmip'
import { KmipTlsLink } from '../node/kmip/tlsLink'
import { fuzzFraming, fuzzServer } from '../tests/node/kmip/support/fuzzer'
import { makeTestPki, type TestPki } from '../tests/node/kmip/support/pki'
import { startPykmip, type PykmipServer } from '../tests/node/kmip/support/pykmip'
import { exchangeAndClose } from '../tests/node/kmip/support/rawTls'

const root = fileURLToPath(new URL('..', import.meta.url))
const tsx = join(root, 'node_modules/.bin/tsx')

export interface KmipBenchOptions {
  /** Seconds each contender is measured, in ten slices (default 10). */
  seconds?: number
  /** Fuzz messages sent to the lab's KMS (default 1 000 000; 0 skips). */
  fuzz?: number
  /** Connections for the multi-connection run (default 8). */
  connections?: number
}

interface PairRun {
  pairs: number
  seconds: number
  latenciesMs: number[]
  session: string
}

/** Starts a server process and resolves with the port from the first line matching `portPattern`. */
function startProcess(args: string[], portPattern: RegExp): Promise<{ child: ChildProcess; port: number }> {
  return new Promise((resolve, reject) => {
    // Its own process group (tsx runs node as a child): the cleanup stops both.
    const child = spawn(tsx, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
    let stderr = ''
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()))
    child.once('close', (code) => reject(new Error(`${args.join(' ')} exited (${code}): ${stderr}`)))
    const lines = createInterface({ input: child.stdout! })
    lines.on('line', (line) => {
      const port = portPattern.exec(line)?.[1]
      if (port !== undefined) resolve({ child, port: Number(port) })
    })
  })
}

function link(pki: TestPki, port: number): Promise<KmipTlsLink> {
  return KmipTlsLink.open({ host: '127.0.0.1', port, ...pki.client(), requestTimeoutMs: 30_000 })
}

type PairMode = 'sequential' | 'batched'

/** One Create+Get pair; returns the key material the Get brought back. */
async function onePair(client: KmipClient, mode: PairMode): Promise<Uint8Array> {
  if (mode === 'sequential') return (await client.get((await client.createSymmetricKey()).value)).value.keyMaterial
  const reply = await client.send([
    { operation: Operation.Create, payload: createPayload.encodeRequest({ objectType: 2, templateAttribute: { templateNames: [], attributes: templateFor({}) } }) },
    { operation: Operation.Get, payload: getPayload.encodeRequest({}) }
  ])
  const get = reply.results[1]
  if (reply.results[0]?.resultStatus !== ResultStatus.Success || get?.resultStatus !== ResultStatus.Success || !get.payload)
    throw new Error('a batched Create+Get failed')
  return keyMaterialOf(getPayload.decodeResponse(get.payload)).keyMaterial
}

/** Create+Get pairs on one connection, run in slices so that contenders can take turns. */
class PairLoop {
  private readonly latenciesMs: number[] = []
  private busySeconds = 0

  private constructor(
    private readonly connection: KmipTlsLink,
    private readonly client: KmipClient,
    private readonly mode: PairMode
  ) {}

  static async open(pki: TestPki, port: number, warmup = 50, mode: PairMode = 'sequential'): Promise<PairLoop> {
    const connection = await link(pki, port)
    const client = new KmipClient((request) => connection.send(request))
    for (let i = 0; i < warmup; i++) await onePair(client, mode)
    return new PairLoop(connection, client, mode)
  }

  async runFor(seconds: number): Promise<void> {
    const started = performance.now()
    const deadline = started + seconds * 1000
    let now = started
    while (now < deadline) {
      const material = await onePair(this.client, this.mode)
      if (material.length !== 32) throw new Error('a Get returned no 32-byte key')
      const done = performance.now()
      this.latenciesMs.push(done - now)
      now = done
    }
    this.busySeconds += (now - started) / 1000
  }

  result(): PairRun {
    return { pairs: this.latenciesMs.length, seconds: this.busySeconds, latenciesMs: this.latenciesMs, session: this.connection.describe() }
  }

  close(): void {
    this.connection.close()
  }
}

async function pairs(pki: TestPki, port: number, seconds: number, warmup = 50): Promise<PairRun> {
  const loop = await PairLoop.open(pki, port, warmup)
  try {
    await loop.runFor(seconds)
    return loop.result()
  } finally {
    loop.close()
  }
}

/** Contenders take turns in short slices, so a noisy, shared machine slows them all alike. */
async function interleaved(loops: PairLoop[], seconds: number, rounds: number): Promise<PairRun[]> {
  for (let r = 0; r < rounds; r++) for (const loop of loops) await loop.runFor(seconds / rounds)
  return loops.map((loop) => loop.result())
}

async function pairsOver(pki: TestPki, port: number, seconds: number, connections: number): Promise<PairRun> {
  const runs = await Promise.all(Array.from({ length: connections }, () => pairs(pki, port, seconds)))
  return {
    pairs: runs.reduce((n, r) => n + r.pairs, 0),
    seconds: Math.max(...runs.map((r) => r.seconds)),
    latenciesMs: runs.flatMap((r) => r.latenciesMs),
    session: runs[0].session
  }
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}

const round = (value: number, digits = 3): number => Math.round(value * 10 ** digits) / 10 ** digits

function record(name: string, what: string, run: PairRun, connections = 1) {
  return {
    name,
    what,
    connections,
    session: run.session,
    pairs: run.pairs,
    seconds: round(run.seconds, 2),
    pairsPerSecond: round(run.pairs / run.seconds, 1),
    p50Ms: round(percentile(run.latenciesMs, 50)),
    p90Ms: round(percentile(run.latenciesMs, 90)),
    p99Ms: round(percentile(run.latenciesMs, 99))
  }
}

/** The lab KMS's real responses to one pair of this mode, for the echo server to replay. */
async function cannedResponses(pki: TestPki, port: number, mode: PairMode): Promise<string[]> {
  const connection = await link(pki, port)
  const seen: Uint8Array[] = []
  const client = new KmipClient(async (request) => {
    const response = await connection.send(request)
    seen.push(response)
    return response
  })
  await onePair(client, mode)
  connection.close()
  return seen.map(toHex)
}

export async function benchKmip(opts: KmipBenchOptions = {}): Promise<object[]> {
  const seconds = opts.seconds ?? 10
  const fuzz = opts.fuzz ?? 1_000_000
  const connections = opts.connections ?? 8
  const pki = makeTestPki()
  const children: ChildProcess[] = []
  const scratch = mkdtempSync(join(tmpdir(), 'kflab-bench-'))
  let pykmip: PykmipServer | undefined
  try {
    const pykmipStarting = startPykmip(pki)
    const lab = await startProcess(['node/cli/main.ts', 'kms', 'serve', '--pki', pki.dir, '--port', '0'], /listening on 127\.0\.0\.1:(\d+) /)
    children.push(lab.child)
    pykmip = await pykmipStarting
    const rate = (run: PairRun): number => run.pairs / run.seconds
    const records: object[] = [
      { name: 'environment', cpus: cpus().length, cpu: cpus()[0]?.model, node: process.version, platform: `${process.platform} ${process.arch}` }
    ]
    for (const mode of ['sequential', 'batched'] as const) {
      const responses = join(scratch, `responses-${mode}.json`)
      writeFileSync(responses, JSON.stringify(await cannedResponses(pki, lab.port, mode)))
      const echo = await startProcess(['bench/kmipEchoServer.ts', pki.dir, responses], /^listening (\d+)$/)
      children.push(echo.child)
      const loops = [await PairLoop.open(pki, lab.port, 50, mode), await PairLoop.open(pki, pykmip.port, 10, mode), await PairLoop.open(pki, echo.port, 50, mode)]
      const [a, b, c] = await interleaved(loops, seconds, 10)
      for (const loop of loops) loop.close()
      const how = mode === 'sequential' ? 'Create, then Get (two round trips)' : 'Create and Get in one batched message (ID Placeholder)'
      records.push(
        record(`(a) lab KMS, ${mode}`, `KmipClient, ${how}, on one TLS connection to \`kms serve\` (own process, keys in memory)`, a),
        record(`(b) PyKMIP, ${mode}`, "the same client and loop against Debian's pykmip-server 0.10 (INFO logging, SQLite)", b),
        record(`(c) TLS limit, ${mode}`, 'the same client and loop against a TLS server that answers canned responses of the same size', c),
        { name: `ratio a/b, ${mode}`, value: round(rate(a) / rate(b), 1), goal: '>= 30', met: rate(a) / rate(b) >= 30 },
        { name: `ratio a/c, ${mode}`, value: round(rate(a) / rate(c), 2), goal: '>= 0.5', met: rate(a) / rate(c) >= 0.5 },
        { name: `ratio c/b, ${mode}`, value: round(rate(c) / rate(b), 1), note: 'the most a/b can be with this client on this machine' }
      )
    }
    const a8 = await pairsOver(pki, lab.port, seconds, connections)
    const a1 = records.find((r) => (r as { name: string }).name === '(a) lab KMS, sequential') as { pairsPerSecond: number }
    records.push(
      record(`(a) lab KMS × ${connections}, sequential`, `${connections} clients, one TLS connection each, in one client process`, a8, connections),
      { name: `ratio a×${connections}/a, sequential`, value: round(rate(a8) / a1.pairsPerSecond, 2) }
    )
    if (fuzz > 0) {
      // A fresh server: the runs above left it holding ~100 000 keys, and Locate (which the fuzzer mutates) scans
      // every key, so the fuzz would measure Locate over a big store instead of the handling of hostile input.
      const target = await startProcess(['node/cli/main.ts', 'kms', 'serve', '--pki', pki.dir, '--port', '0'], /listening on 127\.0\.0\.1:(\d+) /)
      children.push(target.child)
      const report = await fuzzServer({ messages: fuzz, connections: 4, seed: Date.now() & 0xffff, connect: () => link(pki, target.port) })
      const framing = await fuzzFraming({ cases: Math.max(100, Math.round(fuzz / 500)), seed: 3, exchange: (bytes) => exchangeAndClose(pki, target.port, bytes) })
      const after = await pairs(pki, target.port, 1, 0)
      records.push({
        name: 'fuzz: lab KMS',
        messages: report.messages,
        answered: report.answered,
        badAnswers: report.badAnswers,
        seconds: round(report.seconds, 1),
        messagesPerSecond: report.perSecond,
        success: report.success,
        failures: report.failures,
        framingCases: framing.cases,
        framingAnswered: framing.answered,
        framingClosed: framing.closedSilently,
        framingBadAnswers: framing.badAnswers,
        servesAfterwards: after.pairs > 0
      })
    }
    return records
  } finally {
    pykmip?.kill()
    for (const child of children) {
      try {
        process.kill(-child.pid!, 'SIGKILL')
      } catch {
        // already gone
      }
    }
    pki.dispose()
    rmSync(scratch, { recursive: true, force: true })
  }
}

function option(name: string): number | undefined {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`))
  return arg === undefined ? undefined : Number(arg.slice(name.length + 3))
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const records = await benchKmip({ seconds: option('seconds'), fuzz: option('fuzz'), connections: option('connections') })
  for (const record of records) console.log(JSON.stringify(record))
}
