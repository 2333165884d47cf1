import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CSP_HEADER } from '../../../shared/web/csp'
import { startWebHost, type WebHost } from '../../../node/web/server'
import { ScriptedLabApi } from '../../helpers/scriptedLabApi'
import { closed, connect, Conversation } from '../../helpers/wsClient'

function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      let body = ''
      res.on('data', (c: Buffer) => (body += c.toString()))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

describe('the test host server', () => {
  let host: WebHost
  let api: ScriptedLabApi
  let wsUrl: string

  beforeAll(async () => {
    const root = mkdtempSync(join(tmpdir(), 'kf-web-'))
    const renderer = join(root, 'renderer')
    mkdirSync(renderer)
    writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>lab</title>')
    writeFileSync(join(root, 'secret.txt'), 'outside')
    api = new ScriptedLabApi()
    host = await startWebHost({ api, rendererDir: renderer })
    wsUrl = `${host.origin.replace('http', 'ws')}/api?token=${host.token}`
  })

  afterAll(async () => {
    await host.close()
  })

  it('listens on 127.0.0.1 and puts a fresh random token in the page URL', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{48}$/)
    expect(host.url.endsWith(host.token)).toBe(true)
  })

  it('serves the renderer with the CSP header', async () => {
    const r = await get(host.url)
    expect(r.status).toBe(200)
    expect(r.body).toContain('<title>lab</title>')
    expect(r.headers['content-security-policy']).toBe(CSP_HEADER)
    expect(r.headers['x-content-type-options']).toBe('nosniff')
  })

  it('refuses requests naming another host (DNS rebinding)', async () => {
    const r = await get(host.url, { Host: 'attacker.example' })
    expect(r.status).toBe(403)
  })

  it('never serves files outside the renderer', async () => {
    const r = await get(`${host.origin}/%2e%2e/secret.txt`)
    expect(r.status).toBeGreaterThanOrEqual(400)
    expect(r.body).not.toContain('outside')
  })

  describe('refuses the WebSocket with 403', () => {
    const cases: [string, () => { url: string; origin?: string; headers?: Record<string, string> }][] = [
      ['without a token', () => ({ url: wsUrl.replace(/\?token=.*/, ''), origin: host.origin })],
      ['with a wrong token', () => ({ url: wsUrl.replace(/token=.{6}/, 'token=000000'), origin: host.origin })],
      ['with a shorter token', () => ({ url: wsUrl.slice(0, -1), origin: host.origin })],
      ['without an Origin', () => ({ url: wsUrl })],
      ['from another origin', () => ({ url: wsUrl, origin: 'http://evil.example' })],
      ['from another port of 127.0.0.1', () => ({ url: wsUrl, origin: 'http://127.0.0.1:1' })],
      ['with "localhost" as origin', () => ({ url: wsUrl, origin: host.origin.replace('127.0.0.1', 'localhost') })],
      ['with a foreign Host header', () => ({ url: wsUrl, origin: host.origin, headers: { Host: 'evil.example' } })]
    ]
    for (const [name, make] of cases) {
      it(name, async () => {
        const { url, origin, headers } = make()
        const r = await connect(url, { ...(origin ? { origin } : {}), headers })
        expect(r.ok).toBe(false)
        if (!r.ok) expect(r.status).toBe(403)
      })
    }
    it('and answers 404 on other paths', async () => {
      const r = await connect(wsUrl.replace('/api', '/other'), { origin: host.origin })
      expect(!r.ok && r.status).toBe(404)
    })
  })

  it('accepts the page with the token and its own Origin, and runs a call round trip', async () => {
    const r = await connect(wsUrl, { origin: host.origin })
    expect(r.ok).toBe(true)
    if (!r.ok) return
    const talk = new Conversation(r.ws)
    const timeline = await talk.call(1, 'getTimeline', [])
    expect(timeline).toMatchObject({ id: 1, result: { labId: 'lab-1', baseSeq: 0 } })

    const ran = await talk.call(2, 'runCommand', [{ op: 'host.add', name: 'esx-01', cluster: 'c1' }])
    expect(ran).toEqual({ id: 2, result: { index: 0, firstSeq: 1, lastSeq: 1, fault: null } })
    // The push for the command comes before its reply, so the window has the events when the answer arrives.
    const pushIndex = talk.messages.findIndex((m) => 'push' in m)
    const replyIndex = talk.messages.findIndex((m) => 'id' in m && m.id === 2)
    expect(pushIndex).toBeGreaterThan(-1)
    expect(pushIndex).toBeLessThan(replyIndex)
    expect(talk.messages[pushIndex]).toMatchObject({ push: { type: 'appended', events: [{ seq: 1, text: 'ran host.add for esx-01' }] } })
    await closed(r.ws)
  })

  it('serves a recent window of the timeline and older history pages over the socket', async () => {
    const r = await connect(wsUrl, { origin: host.origin })
    if (!r.ok) throw new Error('refused')
    const talk = new Conversation(r.ws)
    await talk.call(1, 'runCommand', [{ op: 'host.add', name: 'page-a', cluster: 'c1' }])
    await talk.call(2, 'runCommand', [{ op: 'host.add', name: 'page-b', cluster: 'c1' }])
    const recent = (await talk.call(3, 'getTimeline', [{ recent: 1 }])) as { result: { baseSeq: number; events: { seq: number }[] } }
    const end = recent.result.baseSeq + 1
    expect(recent.result.events.map((e) => e.seq)).toEqual([end])
    const page = (await talk.call(4, 'getHistory', [end - 2, end - 1])) as { result: { baseSeq: number; events: { seq: number }[] } }
    expect(page.result).toMatchObject({ baseSeq: end - 2, events: [{ seq: end - 1 }] })
    expect(await talk.call(5, 'getHistory', [3, 1])).toMatchObject({ id: 5, error: { message: expect.stringMatching(/^getHistory: invalid args/) } })
    await closed(r.ws)
  })

  it('answers bad calls with errors and keeps the connection', async () => {
    const r = await connect(wsUrl, { origin: host.origin })
    if (!r.ok) throw new Error('refused')
    const talk = new Conversation(r.ws)
    expect(await talk.call(1, 'nope', [])).toEqual({ id: 1, error: { message: 'unknown lab API method "nope"' } })
    expect(await talk.call(2, 'rewind', ['x'])).toMatchObject({ id: 2, error: { message: expect.stringMatching(/^rewind: invalid args\[0\]/) } })
    talk.send('not json')
    expect(await talk.reply(-1)).toEqual({ id: -1, error: { message: 'the message is not JSON' } })
    talk.send({ id: 9, method: 'getTimeline' })
    expect(await talk.reply(9)).toMatchObject({ id: 9, error: { message: expect.stringContaining('not a call') } })
    expect(await talk.call(3, 'openLab', [{ path: '/x.kflab' }])).toMatchObject({ id: 3, error: { message: expect.stringContaining('--labs') } })
    expect(await talk.call(4, 'exportLab', [])).toMatchObject({ id: 4, result: expect.any(String) })
    await closed(r.ws)
  })

  it('stops pushing to a connection once it closes', async () => {
    const before = api.listeners.size
    const r = await connect(wsUrl, { origin: host.origin })
    if (!r.ok) throw new Error('refused')
    expect(api.listeners.size).toBe(before + 1)
    await closed(r.ws)
    await expect.poll(() => api.listeners.size).toBe(before)
  })
})
