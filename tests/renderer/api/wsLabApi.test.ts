import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import type { LabPush } from '../../../shared/api/contract'
import { LabApiError } from '../../../shared/api/client'
import { NO_LAB_FOLDER } from '../../../node/web/labFolder'
import { startWebHost, type WebHost } from '../../../node/web/server'
import { connectWsLabApi } from '../../../renderer/src/api/wsLabApi'
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

  it('fails calls clearly when the host refuses the connection', async () => {
    const client = connectWsLabApi(socketUrl().replace(/token=\w+/, 'token=wrong'), socketFrom(host.origin))
    await expect(client.getTimeline()).rejects.toThrow(/the connection to the lab host closed/)
    await expect(client.exportLab()).rejects.toThrow(/the connection to the lab host closed/)
  })
})
