import { describe, expect, it } from 'vitest'
import type { IpcMain, IpcMainInvokeEvent } from 'electron'
import { channel, labApiMethods, PUSH_CHANNEL, type LabPush } from '../../shared/api/contract'
import { forwardPushes, menuRequests, refuseRendererPaths, registerLabIpc, UNTRUSTED_SENDER_MESSAGE } from '../../electron/ipc'
import { ScriptedLabApi } from '../helpers/scriptedLabApi'

type Handler = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>

function fakeIpcMain() {
  const handlers = new Map<string, Handler>()
  const ipc = {
    handle: (ch: string, h: Handler) => {
      if (handlers.has(ch)) throw new Error(`second handler for ${ch}`)
      handlers.set(ch, h)
    },
    removeHandler: (ch: string) => handlers.delete(ch)
  }
  return { ipc: ipc as unknown as Pick<IpcMain, 'handle' | 'removeHandler'>, handlers }
}

const event = (trusted: boolean) => ({ trusted }) as unknown as IpcMainInvokeEvent
const isTrusted = (e: IpcMainInvokeEvent) => (e as unknown as { trusted: boolean }).trusted

describe('registerLabIpc', () => {
  it('registers one channel per contract method and removes them again', () => {
    const { ipc, handlers } = fakeIpcMain()
    const dispose = registerLabIpc(ipc, new ScriptedLabApi(), { isTrusted })
    expect([...handlers.keys()].sort()).toEqual(labApiMethods.map(channel).sort())
    dispose()
    expect(handlers.size).toBe(0)
  })

  it('answers trusted, valid calls with the result', async () => {
    const { ipc, handlers } = fakeIpcMain()
    const api = new ScriptedLabApi()
    registerLabIpc(ipc, api, { isTrusted })
    const reply = await handlers.get(channel('runCommand'))!(event(true), { op: 'host.add', name: 'esx-01', cluster: 'c1' })
    expect(reply).toEqual({ ok: true, result: { index: 0, firstSeq: 1, lastSeq: 1, fault: null } })
  })

  it('refuses calls from anyone but our window, before the host sees them', async () => {
    const { ipc, handlers } = fakeIpcMain()
    const api = new ScriptedLabApi()
    registerLabIpc(ipc, api, { isTrusted })
    const reply = await handlers.get(channel('runCommand'))!(event(false), { op: 'host.add', name: 'x', cluster: 'y' })
    expect(reply).toEqual({ ok: false, error: { message: UNTRUSTED_SENDER_MESSAGE } })
    expect(api.calls).toEqual([])
  })

  it('treats a failing trust check as untrusted', async () => {
    const { ipc, handlers } = fakeIpcMain()
    registerLabIpc(ipc, new ScriptedLabApi(), {
      isTrusted: () => {
        throw new Error('frame disposed')
      }
    })
    expect(await handlers.get(channel('getTimeline'))!(event(true))).toEqual({ ok: false, error: { message: UNTRUSTED_SENDER_MESSAGE } })
  })

  it('answers bad arguments and host failures with errors, never throwing', async () => {
    const { ipc, handlers } = fakeIpcMain()
    const failures: string[] = []
    registerLabIpc(ipc, new ScriptedLabApi(), { isTrusted, onFailure: (m, msg) => failures.push(`${m}|${msg}`) })
    const bad = (await handlers.get(channel('rewind'))!(event(true), 'three')) as { ok: boolean; error: { message: string } }
    expect(bad.ok).toBe(false)
    expect(bad.error.message).toMatch(/^rewind: invalid args\[0\]/)
    const failed = await handlers.get(channel('openLab'))!(event(true), { path: '/x.kflab' })
    expect(failed).toEqual({ ok: false, error: { message: 'openLab: cannot read /x.kflab' } })
    expect(failures).toHaveLength(2)
  })
})

describe('refuseRendererPaths', () => {
  it('lets the window save and open only through the dialog', async () => {
    const { ipc, handlers } = fakeIpcMain()
    const api = new ScriptedLabApi()
    registerLabIpc(ipc, api, { isTrusted, refuse: refuseRendererPaths })
    const save = (await handlers.get(channel('saveLab'))!(event(true), { path: '/home/user/.bashrc' })) as { ok: boolean; error: { message: string } }
    expect(save).toEqual({ ok: false, error: { message: 'saveLab: the window cannot name a file path; the file dialog chooses it' } })
    const open = (await handlers.get(channel('openLab'))!(event(true), { path: '/etc/shadow' })) as { ok: boolean }
    expect(open.ok).toBe(false)
    expect(api.calls).toEqual([])
  })

  it('passes calls without paths and all other methods', () => {
    expect(refuseRendererPaths('saveLab', [{}])).toBeNull()
    expect(refuseRendererPaths('openLab', [{}])).toBeNull()
    expect(refuseRendererPaths('readFile', ['host:a', '/var/core/x'])).toBeNull()
    expect(refuseRendererPaths('runCommand', [{ op: 'vcenter.stop', path: '/x' }])).toBeNull()
  })
})

describe('forwardPushes', () => {
  it('sends pushes on the push channel to the one window, only while it may receive', () => {
    const api = new ScriptedLabApi()
    const sent: [string, LabPush][] = []
    let destroyed = false
    let receiving = true
    const target = { isDestroyed: () => destroyed, send: (ch: string, p: LabPush) => sent.push([ch, p]) }
    const stop = forwardPushes(api, () => target, () => receiving)
    const push: LabPush = { type: 'reset', labId: 'lab-1' }
    api.emit(push)
    receiving = false
    api.emit(push)
    receiving = true
    destroyed = true
    api.emit(push)
    destroyed = false
    stop()
    api.emit(push)
    expect(sent).toEqual([[PUSH_CHANNEL, push]])
  })
})

describe('menuRequests', () => {
  it('asks our window to carry out New and Open only while it shows the app', () => {
    const sent: unknown[] = []
    let showsApp = true
    const target = { isDestroyed: () => false, send: (ch: string, push: LabPush) => sent.push([ch, push]) }
    const ask = menuRequests(() => target, () => showsApp)
    ask('newLab')()
    ask('openLab')()
    showsApp = false
    ask('newLab')()
    expect(sent).toEqual([
      [PUSH_CHANNEL, { type: 'menu', item: 'newLab' }],
      [PUSH_CHANNEL, { type: 'menu', item: 'openLab' }]
    ])
  })
})
