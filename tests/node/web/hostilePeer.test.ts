// The test host against a hostile peer on loopback (issue 12, findings 2, 4, 5): malformed URLs and upgrades,
// pipelined calls whose answers are never read, oversized messages, peers that leave mid-answer, and paths to
// files outside the folder the person gave. Each case ends with the host still answering a normal request.

import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs'
import { connect as tcpConnect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { WebSocket } from 'ws'
import type { Timeline } from '../../../shared/api/contract'
import { MAX_CALL_BYTES } from '../../../shared/api/wire'
import { NO_LAB_FOLDER, OUTSIDE_LAB_FOLDER } from '../../../node/web/labFolder'
import { startWebHost, type WebHost } from '../../../node/web/server'
import { ScriptedLabApi } from '../../helpers/scriptedLabApi'
import { closed, connect, Conversation } from '../../helpers/wsClient'

/** Sends raw bytes and resolves with the first line the server answers ('' if it just closes). */
function raw(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = tcpConnect(port, '127.0.0.1', () => socket.write(text))
    let got = ''
    socket.on('data', (c: Buffer) => (got += c.toString()))
    socket.on('close', () => resolve(got.split('\r\n')[0]))
    socket.on('error', reject)
    socket.setTimeout(5_000, () => socket.destroy())
  })
}

/** A lab whose timeline answer weighs about `bytes` on the wire, and that counts how often it was asked. */
class HeavyLabApi extends ScriptedLabApi {
  asked = 0
  constructor(private readonly bytes: number) {
    super()
  }
  override async getTimeline(): Promise<Timeline> {
    this.asked++
    const timeline = await super.getTimeline()
    return { ...timeline, labId: 'x'.repeat(this.bytes) }
  }
}

const root = mkdtempSync(join(tmpdir(), 'kf-hostile-'))
const renderer = join(root, 'renderer')
mkdirSync(renderer)
writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>lab</title>')

async function open(host: WebHost): Promise<WebSocket> {
  const r = await connect(`${host.origin.replace('http', 'ws')}/api?token=${host.token}`, { origin: host.origin })
  if (!r.ok) throw new Error(`refused: ${r.status}`)
  return r.ws
}

async function stillServes(host: WebHost): Promise<void> {
  const port = Number(new URL(host.origin).port)
  expect(await raw(port, `GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`)).toBe('HTTP/1.1 200 OK')
}

describe('malformed requests and upgrades', () => {
  let host: WebHost
  let port: number
  beforeAll(async () => {
    host = await startWebHost({ api: new ScriptedLabApi(), rendererDir: renderer })
    port = Number(new URL(host.origin).port)
  })
  afterAll(() => host.close())

  it.each(['//[', '//[/', 'http://[', '/%E0%A4%A', '*'])('GET %s answers 400 and the host keeps serving', async (target) => {
    for (const hostHeader of [`127.0.0.1:${port}`, 'attacker.example']) {
      const line = await raw(port, `GET ${target} HTTP/1.1\r\nHost: ${hostHeader}\r\nConnection: close\r\n\r\n`)
      expect(line).toMatch(/^HTTP\/1\.1 (400|403) /)
    }
    await stillServes(host)
  })

  it.each(['http://[', '//[', '/api?token=%'])('an upgrade to %s is refused without crashing', async (target) => {
    for (const hostHeader of [`127.0.0.1:${port}`, 'attacker.example']) {
      const upgrade = `GET ${target} HTTP/1.1\r\nHost: ${hostHeader}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nOrigin: ${host.origin}\r\n\r\n`
      expect(await raw(port, upgrade)).toMatch(/^HTTP\/1\.1 (400|403) /)
    }
    await stillServes(host)
  })

  it('survives a peer that resets in the middle of an upgrade', async () => {
    await new Promise<void>((resolve) => {
      const socket = tcpConnect(port, '127.0.0.1', () => {
        socket.write(`GET /api HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n`)
        socket.resetAndDestroy()
        resolve()
      })
    })
    await stillServes(host)
  })
})

describe('backpressure and message size', () => {
  let host: WebHost
  let api: HeavyLabApi
  const answerBytes = 512 * 1024
  const limits = { maxCallsInFlight: 4, maxQueuedBytes: 4 * answerBytes, maxUnreadBytes: 64 * answerBytes }
  beforeAll(async () => {
    api = new HeavyLabApi(answerBytes)
    host = await startWebHost({ api, rendererDir: renderer, sessionLimits: limits })
  })
  afterAll(() => host.close())
  afterEach(() => {
    api.asked = 0
  })

  it('runs a bounded number of pipelined calls while the peer does not read, and all of them once it does', async () => {
    const ws = await open(host)
    const socket = (ws as unknown as { _socket: import('node:net').Socket })._socket
    socket.pause()
    for (let i = 1; i <= 300; i++) ws.send(JSON.stringify({ id: i, method: 'getTimeline', args: [] }))
    await new Promise((r) => setTimeout(r, 1_500))
    // Answers the kernel buffers absorb plus the ones queued and in flight: far fewer than 300 (each is 512 KiB).
    const whileNotReading = api.asked
    expect(whileNotReading).toBeGreaterThan(0)
    expect(whileNotReading).toBeLessThan(60)
    const talk = new Conversation(ws)
    socket.resume()
    await talk.reply(300)
    expect(api.asked).toBe(300)
    await closed(ws)
  }, 90_000)

  it('disconnects a peer that stops reading while pushes pile up', async () => {
    const ws = await open(host)
    const socket = (ws as unknown as { _socket: import('node:net').Socket })._socket
    socket.pause()
    await expect.poll(() => api.listeners.size).toBeGreaterThan(0)
    for (let i = 0; i < 100; i++) api.emit({ type: 'reset', labId: 'x'.repeat(answerBytes) })
    // The host lets go of it (its subscription ends), whether or not the paused peer has noticed yet.
    await expect.poll(() => api.listeners.size, { timeout: 10_000 }).toBe(0)
    ws.terminate()
    await stillServes(host)
  }, 30_000)

  it('refuses a large message that is not an import before parsing it, and keeps the connection', async () => {
    const ws = await open(host)
    const talk = new Conversation(ws)
    const started = Date.now()
    talk.send(`{"id":1,"method":"getTimeline","args":[${'1,'.repeat(MAX_CALL_BYTES)}1]}`)
    expect(await talk.reply(-1)).toMatchObject({ error: { message: expect.stringContaining('too large') } })
    expect(Date.now() - started).toBeLessThan(2_000)
    expect(await talk.call(2, 'exportLab', [])).toMatchObject({ id: 2, result: expect.any(String) })
    expect(await talk.call(3, 'importLab', ['x'.repeat(2 * MAX_CALL_BYTES)])).toMatchObject({ id: 3 })
    await closed(ws)
  })

  it('drops the answers of a peer that left mid-call and keeps serving others', async () => {
    let release!: () => void
    api.gate = new Promise<void>((r) => (release = r))
    const ws = await open(host)
    for (let i = 1; i <= 4; i++) ws.send(JSON.stringify({ id: i, method: 'getTimeline', args: [] }))
    await expect.poll(() => api.asked).toBe(4)
    ws.terminate()
    await expect.poll(() => api.listeners.size).toBe(0)
    api.gate = null
    release()
    const again = new Conversation(await open(host))
    expect(await again.call(1, 'exportLab', [])).toMatchObject({ id: 1, result: expect.any(String) })
    await closed(again.ws)
    await stillServes(host)
  })
})

describe('paths the window may name', () => {
  const labs = join(root, 'labs')
  mkdirSync(labs)
  writeFileSync(join(labs, 'mine.kflab'), '{}')
  writeFileSync(join(root, 'outside.kflab'), '{}')
  writeFileSync(join(root, 'notjson.txt'), 'not json')
  symlinkSync(join(root, 'outside.kflab'), join(labs, 'link.kflab'))

  async function openCalls(labFolder: string | null, paths: string[]) {
    const api = new ScriptedLabApi()
    const host = await startWebHost({ api, rendererDir: renderer, labFolder })
    const talk = new Conversation(await open(host))
    const replies = []
    for (const [i, path] of paths.entries()) replies.push(await talk.call(i + 1, i % 2 ? 'saveLab' : 'openLab', [{ path }]))
    await closed(talk.ws)
    await host.close()
    return { api, replies }
  }

  it('refuses every path without a --labs folder, in the same words whether the file exists or not', async () => {
    const paths = [join(root, 'notjson.txt'), join(root, 'missing.kflab'), join(labs, 'mine.kflab'), '/etc/passwd']
    const { api, replies } = await openCalls(null, paths)
    expect(new Set(replies.map((r) => JSON.stringify(r).replace(/"id":\d+/, '')))).toHaveLength(2) // one per method
    for (const r of replies) expect(r).toMatchObject({ error: { message: expect.stringContaining(NO_LAB_FOLDER) } })
    expect(api.calls.filter((c) => c.method === 'openLab' || c.method === 'saveLab')).toEqual([])
  })

  it('with --labs, accepts lab files in that folder and refuses others, links out of it included', async () => {
    const refused = ['../outside.kflab', join(root, 'outside.kflab'), 'link.kflab', join(root, 'notjson.txt'), 'sub/x.kflab', 'mine.txt', '']
    const { api, replies } = await openCalls(labs, ['mine.kflab', 'new.kflab', ...refused.filter((p) => p !== '')])
    // Those two reach the lab (the scripted one cannot read files, so its open fails on its own terms).
    for (const r of replies.slice(0, 2)) expect(JSON.stringify(r)).not.toContain(OUTSIDE_LAB_FOLDER)
    for (const r of replies.slice(2)) expect(r).toMatchObject({ error: { message: expect.stringContaining(OUTSIDE_LAB_FOLDER) } })
    expect(api.calls.filter((c) => c.method === 'openLab' || c.method === 'saveLab').map((c) => c.args[0])).toEqual([
      { path: join(labs, 'mine.kflab') },
      { path: join(labs, 'new.kflab') }
    ])
  })
})
