import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import type { LabPush } from '../../../shared/api/contract'
import { LabApiError } from '../../../shared/api/client'
import { NO_LAB_FOLDER } from '../../../node/web/labFolder'
import { startWebHost, type WebHost } from '../../../node/web/server'
import { formatMessage } from '../../../shared/i18n/format'
import { connectionClosedError, connectWsLabApi } from '../../../renderer/src/api/wsLabApi'
import { rejectionOf } from '../../helpers/rejection'
import { ScriptedLabApi } from '../../helpers/scriptedLabApi'

// The browser sends its page's Origin by itself; from Node the test has to say it.
function socketFrom(origin: string): typeof globalThis.WebSocket {
  return class extends WebSocket {
    constructor(url: string) {
      super(url, { origin })
    }
  } as unknown as typeof globalThis.WebSocket
}

describe('connectWsLabApi against the test host', () => {
  let host: WebHost
  let api: ScriptedLabApi

  beforeAll(async () => {
    const renderer = join(mkdtempSync(join(tmpdir(), 'kf-wsapi-')), 'renderer')
    mkdirSync(renderer)
    writeFileSync(join(renderer, 'index.html'), '<!doctype html>')
    api = new ScriptedLabApi()
    host = await startWebHost({ api, rendererDir: renderer })
  })

  afterAll(() => host.close())

  const socketUrl = () => `${host.origin.replace('http', 'ws')}/api?token=${host.token}`

  it('calls methods before the socket is open, and receives pushes', async () => {
    const client = connectWsLabApi(socketUrl(), socketFrom(host.origin))
    const pushes: LabPush[] = []
    const unsubscribe = client.subscribe((p) => pushes.push(p))
    const [timeline, result] = await Promise.all([client.getTimeline(), client.runCommand({ op: 'host.add', name: 'esx-07', cluster: 'c' })])
    expect(timeline.labId).toBe('lab-1')
    expect(result.fault).toBeNull()
    expect(pushes).toMatchObject([{ type: 'appended', events: [{ text: 'ran host.add for esx-07' }] }])
    unsubscribe()
    await client.rewind(0)
    expect(pushes).toHaveLength(1)
  })

  it('rejects refused calls with the host message', async () => {
    const client = connectWsLabApi(socketUrl(), socketFrom(host.origin))
    await expect(client.openLab({ path: '/none.kflab' })).rejects.toThrow(new LabApiError({ message: `openLab: ${NO_LAB_FOLDER}` }))
  })

  it('fails calls clearly when the host refuses the connection, with a catalog message for the window', async () => {
    const client = connectWsLabApi(socketUrl().replace(/token=\w+/, 'token=wrong'), socketFrom(host.origin))
    const lost = new LabApiError(connectionClosedError(1006))
    await expect(client.getTimeline()).rejects.toThrow(lost)
    const later = await rejectionOf(client.exportLab(), LabApiError)
    expect(later.messageRef).toEqual({ id: 'labHost.connectionLost', params: {} })
    expect(formatMessage(later.messageRef!, 'de')).toMatch(/^Die Verbindung zum Labor-Host wurde abgelehnt oder ist abgebrochen\./)
  })

  it('fails a call in flight when the host goes away, and every call after it', async () => {
    const renderer = join(mkdtempSync(join(tmpdir(), 'kf-wsapi-gone-')), 'renderer')
    mkdirSync(renderer)
    writeFileSync(join(renderer, 'index.html'), '<!doctype html>')
    const slow = new ScriptedLabApi()
    slow.getTimeline = () => new Promise(() => {})
    const doomed = await startWebHost({ api: slow, rendererDir: renderer })
    const client = connectWsLabApi(`${doomed.origin.replace('http', 'ws')}/api?token=${doomed.token}`, socketFrom(doomed.origin))
    await client.rewind(0) // the socket is open
    const inFlight = client.getTimeline()
    await doomed.close()
    for (const call of [inFlight, client.runCommand({ op: 'vcenter.stop' })]) {
      expect((await rejectionOf(call, LabApiError)).messageRef?.id).toBe('labHost.connectionLost')
    }
  })

  it('tells a connection the host closed apart from one refused or broken off, in English and German', () => {
    const closed = connectionClosedError(1000)
    expect(closed).toEqual({ message: formatMessage(closed.message_ref!, 'en'), message_ref: { id: 'labHost.connectionClosed', params: {} } })
    expect(closed.message).toMatch(/^The lab host closed the connection\./)
    expect(formatMessage(closed.message_ref!, 'de')).toMatch(/^Der Labor-Host hat die Verbindung beendet\./)
  })
})
