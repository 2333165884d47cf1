// What the preload hands to the page: exactly the LabApi, as named functions over IPC. The page never sees
// ipcRenderer, channel names or the event objects (a push listener gets the push only).

import type { IpcRenderer, IpcRendererEvent } from 'electron'
import { channel, PUSH_CHANNEL, type LabApi, type LabPush } from '../shared/api/contract'
import { createLabApiClient } from '../shared/api/client'
import type { CallOutcome } from '../shared/api/dispatch'

type IpcRendererLike = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>

function isOutcome(value: unknown): value is CallOutcome {
  return typeof value === 'object' && value !== null && typeof (value as CallOutcome).ok === 'boolean'
}

export function createPreloadApi(ipc: IpcRendererLike): LabApi {
  return createLabApiClient(
    async (method, args) => {
      const reply: unknown = await ipc.invoke(channel(method), ...args)
      return isOutcome(reply) ? reply : { ok: false, error: { message: `${method}: malformed reply from the main process` } }
    },
    (listener) => {
      const onPush = (_event: IpcRendererEvent, push: LabPush) => listener(push)
      ipc.on(PUSH_CHANNEL, onPush)
      return () => {
        ipc.removeListener(PUSH_CHANNEL, onPush)
      }
    }
  )
}
