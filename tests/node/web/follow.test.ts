// Follow along's security on loopback: the viewer token is its own secret and only opens the viewer server; a viewer
// can read and nothing else; requests without a token or from a foreign page are refused; the room has a size; a
// viewer that falls behind is dropped; stopping sharing disconnects everyone.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket as WebSocketClient, type WebSocket } from 'ws'
import { labApiMethods, type LabApi, type LabExportStart, type Timeline } from '../../../shared/api/contract'
import type { WireServerMessage } from '../../../shared/api/wire'
import { ViewerHub } from '../../../node/web/viewerHub'
import { SHARING_STOPPED, VIEWERS_FULL } from '../../../shared/api/sharing'
import { LabHost } from '../../../node/host/labHost'
import { allows } from '../../../node/web/capabilities'
import { startWebHost, type WebHost } from '../../../node/web/server'
import { Sharing } from '../../../node/web/sharing'
import { closed, connect, Conversation } from '../../helpers/wsClient'
import { startTestHost } from '../../helpers/spawnTestHost'

function fakeRendererDir(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'kf-follow-')), 'renderer')
  mkdirSync(dir)
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>lab</title>')
  return dir
}

const closeOf = (ws: WebSocket) => new Promise<{ code: number; reason: string }>((r) => ws.once('close', (code, reason) => r({ code, reason: reason.toString() })))

let running: { sharing: Sharing; host: WebHost }[] = []
afterEach(async () => {
  for (const r of running) await Promise.all([r.sharing.dispose(), r.host.close()])
  running = []
})

async function share(options: { maxViewers?: number; maxQueuedBytes?: number } = {}) {
  const api = await LabHost.create({ seed: 7 })
  const sharing = new Sharing({ api, rendererDir: fakeRendererDir(), ...options })
  const host = await startWebHost({ api: sharing.presenterApi(), rendererDir: fakeRendererDir() })
  running.push({ sharing, host })
  const viewerUrl = new URL((await sharing.start('127.0.0.1')).viewerUrl!)
  const viewerToken = viewerUrl.searchParams.get('viewer')!
  const viewerSocket = (token = viewerToken, param = 'viewer') => `ws://${viewerUrl.host}/api?${param}=${token}`
  const presenterSocket = (token = host.token, param = 'token') => `${host.origin.replace('http', 'ws')}/api?${param}=${token}`
  /** A viewer that hears everything from its first message on (the hub greets it with the presenter's step). */
  const listeningViewer = () =>
    new Promise<{ ws: WebSocket; messages: WireServerMessage[] }>((resolve, reject) => {
      const ws = new WebSocketClient(viewerSocket(), { origin: viewerUrl.origin })
      const messages: WireServerMessage[] = []
      ws.on('message', (d) => messages.push(JSON.parse(String(d)) as WireServerMessage))
      ws.once('open', () => resolve({ ws, messages }))
      ws.once('error', reject)
    })
  const viewer = async () => {
    const r = await connect(viewerSocket(), { origin: viewerUrl.origin })
    if (!r.ok) throw new Error(`viewer refused: ${r.status}`)
    return r.ws
  }
  return { api, sharing, host, viewerUrl, viewerToken, viewerSocket, presenterSocket, viewer, listeningViewer }
}

describe('follow along: tokens', () => {
  it('gives viewers their own secret, which never opens the presenter socket, and a fresh one each time sharing starts', async () => {
    const s = await share()
    expect(s.viewerToken).toMatch(/^[0-9a-f]{48}$/)
    expect(s.viewerToken).not.toBe(s.host.token)
    expect(s.host.token.includes(s.viewerToken) || s.viewerToken.includes(s.host.token)).toBe(false)
    // The viewer token on the presenter's socket, under either parameter: refused.
    for (const param of ['token', 'viewer']) {
      const r = await connect(s.presenterSocket(s.viewerToken, param), { origin: s.host.origin })
      expect(!r.ok && r.status).toBe(403)
    }
    // The presenter's token on the viewer server: refused there too (it opens only the presenter's own host).
    for (const param of ['token', 'viewer']) {
      const r = await connect(s.viewerSocket(s.host.token, param), { origin: s.viewerUrl.origin })
      expect(!r.ok && r.status).toBe(403)
    }
    // Nothing a viewer can read carries the presenter's token.
    const v = new Conversation(await s.viewer())
    const timeline = (await v.call(1, 'getTimeline', [])) as { result: Timeline }
    const lab = (await v.call(2, 'exportLab', [])) as { result: string }
    expect(JSON.stringify(timeline) + lab.result + JSON.stringify(v.messages)).not.toContain(s.host.token)
    await closed(v.ws)
    const again = new URL((await s.sharing.start('127.0.0.1')).viewerUrl!)
    expect(again.searchParams.get('viewer')).not.toBe(s.viewerToken)
    const old = await connect(`ws://${again.host}/api?viewer=${s.viewerToken}`, { origin: again.origin })
    expect(!old.ok && old.status).toBe(403)
  })

  it('refuses a socket without a token, with a wrong one, or from a foreign page', async () => {
    const s = await share()
    const noToken = await connect(`ws://${s.viewerUrl.host}/api`, { origin: s.viewerUrl.origin })
    expect(!noToken.ok && noToken.status).toBe(403)
    const wrong = await connect(s.viewerSocket('0'.repeat(48)), { origin: s.viewerUrl.origin })
    expect(!wrong.ok && wrong.status).toBe(403)
    const foreignViewer = await connect(s.viewerSocket(), { origin: 'http://evil.example' })
    expect(!foreignViewer.ok && foreignViewer.status).toBe(403)
    const foreignPresenter = await connect(s.presenterSocket(), { origin: 'http://evil.example' })
    expect(!foreignPresenter.ok && foreignPresenter.status).toBe(403)
    // The presenter's page origin cannot open the viewer socket either (another port, another origin).
    const crossed = await connect(s.viewerSocket(), { origin: s.host.origin })
    expect(!crossed.ok && crossed.status).toBe(403)
    const noPresenterToken = await connect(`${s.host.origin.replace('http', 'ws')}/api`, { origin: s.host.origin })
    expect(!noPresenterToken.ok && noPresenterToken.status).toBe(403)
  })
})

describe('follow along: what a viewer may do', () => {
  it('lets a viewer read timelines, history, files and the lab file, and refuses every other method', async () => {
    const s = await share()
    await s.api.runCommand({ op: 'host.add', name: 'esx-01', cluster: 'c1' })
    const v = new Conversation(await s.viewer())
    let id = 0
    const reads: [string, unknown[]][] = [
      ['getTimeline', []],
      ['getHistory', [0, 1]],
      ['exportLab', []]
    ]
    for (const [method, args] of reads) expect(await v.call(++id, method, args)).toHaveProperty('result')
    // The lab file in parts, as the viewer's "Download this lab" fetches it.
    const begun = (await v.call(++id, 'exportLabBegin', [])) as { result: LabExportStart }
    const part = (await v.call(++id, 'exportLabPart', [begun.result.exportId, 0])) as { result: string }
    expect(Buffer.from(part.result, 'base64').length).toBe(Math.min(begun.result.bytes, begun.result.partBytes))
    expect(await v.call(++id, 'exportLabFinish', [begun.result.exportId])).not.toHaveProperty('error')
    const changes: Record<string, unknown[]> = {
      runCommand: [{ op: 'host.add', name: 'esx-02', cluster: 'c1' }],
      checkCommands: [[]],
      rewind: [0],
      undo: [],
      redo: [],
      newLab: [{}],
      saveLab: [{}],
      openLab: [{}],
      importLab: ['{}'],
      importLabBegin: [{ bytes: 1 }],
      importLabPart: ['0'.repeat(32), 0, 'AA=='],
      importLabFinish: ['0'.repeat(32)],
      importLabCancel: ['0'.repeat(32)],
      showStep: [{ labId: 'x', seq: 0 }],
      getSharing: [],
      setSharing: [{ address: '127.0.0.1' }],
      setMenuLanguage: [{ language: 'de' }]
    }
    for (const method of labApiMethods) {
      if (allows('viewer', method)) continue
      expect(changes[method], `a refusal case for ${method}`).toBeDefined()
      const reply = await v.call(++id, method, changes[method])
      expect(reply, method).toEqual({ id, error: { message: `${method}: refused: a viewer follows the presenter and cannot change the lab` } })
    }
    const unknown = await v.call(++id, 'deleteEverything', [])
    expect('error' in unknown && unknown.error.message).toMatch(/unknown lab API method/)
    const timeline = (await v.call(id + 1, 'getTimeline', [])) as { result: Timeline }
    expect(timeline.result.commands).toHaveLength(1)
    expect(s.sharing.status().viewerUrl).not.toBeNull()
    await closed(v.ws)
  })

  it('sends viewers the lab changes and the step the presenter shows', async () => {
    const s = await share()
    const v = await s.listeningViewer()
    const labId = (await s.api.getTimeline()).labId
    await s.sharing.presenterApi().showStep!({ labId, seq: 0 })
    await s.api.runCommand({ op: 'host.add', name: 'esx-01', cluster: 'c1' })
    await s.sharing.presenterApi().showStep!({ labId, seq: 2 })
    await expect.poll(() => v.messages.filter((m) => 'push' in m).map((m) => ('push' in m ? m.push.type : ''))).toEqual(['shown', 'appended', 'shown'])
    // A late viewer hears the presenter's step at once.
    const late = await s.listeningViewer()
    await expect.poll(() => late.messages[0]).toEqual({ push: { type: 'shown', labId, seq: 2 } })
    await Promise.all([closed(v.ws), closed(late.ws)])
  })
})

describe('follow along: the room', () => {
  it('holds at most maxViewers; the next one is told the room is full', async () => {
    const s = await share({ maxViewers: 2 })
    const a = await s.viewer()
    const b = await s.viewer()
    const c = await s.viewer()
    expect(await closeOf(c)).toEqual({ code: VIEWERS_FULL.code, reason: VIEWERS_FULL.reason })
    expect(s.sharing.status().viewers).toBe(2)
    await Promise.all([closed(a), closed(b)])
    await expect.poll(() => s.sharing.status().viewers).toBe(0)
  })

  it('drops a viewer with more than maxQueuedBytes waiting instead of queueing for it; the others get the push', async () => {
    const hub = new ViewerHub({ subscribe: () => () => {} } as unknown as LabApi, { maxQueuedBytes: 1000 })
    const fakeViewer = (bufferedAmount: number) => {
      const sent: string[] = []
      const ws = { OPEN: 1, readyState: 1, bufferedAmount, sent, terminated: false, once() {}, close() {}, send: (t: string) => sent.push(t), terminate: () => (ws.terminated = true) }
      return ws
    }
    const stalled = fakeViewer(5000)
    const reading = fakeViewer(0)
    hub.add(stalled as unknown as WebSocket)
    hub.add(reading as unknown as WebSocket)
    expect(hub.count).toBe(2)
    hub.broadcast({ type: 'reset', labId: 'lab' })
    await new Promise((r) => setImmediate(r))
    expect(stalled.terminated).toBe(true)
    expect(stalled.sent).toEqual([])
    expect(reading.sent).toEqual([JSON.stringify({ push: { type: 'reset', labId: 'lab' } })])
    expect(hub.count).toBe(1)
  })

  it('disconnects every viewer when sharing stops, and refuses new ones', async () => {
    const s = await share()
    const viewers = [await s.viewer(), await s.viewer(), await s.viewer()]
    const closes = viewers.map(closeOf)
    const status = await s.sharing.stop()
    expect(status.viewerUrl).toBeNull()
    expect(status.viewers).toBe(0)
    for (const c of await Promise.all(closes)) expect(c).toEqual({ code: SHARING_STOPPED.code, reason: SHARING_STOPPED.reason })
    await expect(connect(s.viewerSocket(), { origin: s.viewerUrl.origin })).rejects.toThrow(/ECONNREFUSED/)
  })

  it('shares only on an address of this machine', async () => {
    const s = await share()
    await expect(s.sharing.start('8.8.8.8')).rejects.toThrow(/not an address of this machine/)
    const presenter = s.sharing.presenterApi()
    await expect(presenter.setSharing!({ address: '0.0.0.0' })).rejects.toThrow(/not an address of this machine/)
  })
})

describe('npm run web -- --follow-along', () => {
  it('prints the presenter URL first and "viewer: URL" second, both on 127.0.0.1', async () => {
    const host = await startTestHost(['--seed', '7', '--renderer', fakeRendererDir(), '--follow-along'], 2)
    try {
      expect(host.lines[0]).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{48}$/)
      expect(host.lines[1]).toMatch(/^viewer: http:\/\/127\.0\.0\.1:\d+\/\?viewer=[0-9a-f]{48}$/)
    } finally {
      await host.stop()
    }
  })
})
