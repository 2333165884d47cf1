import { describe, expect, it } from 'vitest'
import type { IpcRenderer } from 'electron'
import { channel, labApiMethods, PUSH_CHANNEL, type LabPush } from '../../shared/api/contract'
import { LabApiError } from '../../shared/api/client'
import { createPreloadApi } from '../../electron/preloadApi'

function fakeIpcRenderer(reply: (ch: string, args: unknown[]) => unknown) {
  const listeners = new Map<string, Set<(...a: unknown[]) => void>>()
  const invoked: [string, unknown[]][] = []
  const ipc = {
    invoke: async (ch: string, ...args: unknown[]) => {
      invoked.push([ch, args])
      return reply(ch, args)
    },
    on: (ch: string, l: (...a: unknown[]) => void) => {
      if (!listeners.has(ch)) listeners.set(ch, new Set())
      listeners.get(ch)!.add(l)
    },
    removeListener: (ch: string, l: (...a: unknown[]) => void) => listeners.get(ch)?.delete(l)
  }
  return { ipc: ipc as unknown as IpcRenderer, invoked, listeners }
}

describe('the preload API', () => {
  it('exposes exactly the contract: named functions, no ipcRenderer or channels', () => {
    const api = createPreloadApi(fakeIpcRenderer(() => ({ ok: true, result: null })).ipc)
    expect(Object.keys(api).sort()).toEqual([...labApiMethods, 'subscribe'].sort())
    for (const value of Object.values(api)) expect(typeof value).toBe('function')
  })

  it('invokes each method on its own channel with its arguments', async () => {
    const { ipc, invoked } = fakeIpcRenderer((ch) => ({ ok: true, result: ch }))
    const api = createPreloadApi(ipc)
    expect(await api.runCommand({ op: 'host.add', name: 'esx-01', cluster: 'c1' })).toBe(channel('runCommand'))
    expect(await api.getTimeline()).toBe(channel('getTimeline'))
    expect(invoked).toEqual([
      [channel('runCommand'), [{ op: 'host.add', name: 'esx-01', cluster: 'c1' }]],
      [channel('getTimeline'), []]
    ])
  })

  it('rejects with the host error message, and with a clear one for a malformed reply', async () => {
    const refused = createPreloadApi(fakeIpcRenderer(() => ({ ok: false, error: { message: 'rewind: no event 5' } })).ipc)
    await expect(refused.rewind(5)).rejects.toThrow(new LabApiError({ message: 'rewind: no event 5' }))
    const garbage = createPreloadApi(fakeIpcRenderer(() => 'hello').ipc)
    await expect(garbage.rewind(5)).rejects.toThrow('rewind: malformed reply from the main process')
  })

  it('delivers pushes without the IPC event, and unsubscribes', () => {
    const { ipc, listeners } = fakeIpcRenderer(() => null)
    const api = createPreloadApi(ipc)
    const got: unknown[][] = []
    const unsubscribe = api.subscribe((...args: unknown[]) => got.push(args))
    const push: LabPush = { type: 'reset', labId: 'l' }
    for (const l of listeners.get(PUSH_CHANNEL)!) l({ sender: 'ipc event' }, push)
    expect(got).toEqual([[push]])
    unsubscribe()
    expect(listeners.get(PUSH_CHANNEL)!.size).toBe(0)
  })
})
