// The window's side of LabApi, built once for every transport: the preload (Electron IPC) and the WebSocket client
// both hand in how to send one call and how to listen for pushes. Listing each method here lets the compiler check
// that every LabApi method is reachable, with its exact argument types.

import type { ApiError, LabApi, LabApiMethod } from './contract'
import type { CallOutcome } from './dispatch'
import type { MessageRef } from '../lab/events'

type Result<M extends LabApiMethod> = Awaited<ReturnType<NonNullable<LabApi[M]>>>

/** Sends one call and resolves with the host's outcome envelope (never rejects for a refused call). */
export type SendCall = (method: LabApiMethod, args: unknown[]) => Promise<CallOutcome>

/** A call the host refused or that failed there; `messageRef` is set for the lab's domain refusals. */
export class LabApiError extends Error {
  readonly messageRef: MessageRef | undefined

  constructor(error: ApiError) {
    super(error.message)
    this.name = 'LabApiError'
    this.messageRef = error.message_ref
  }
}

export function createLabApiClient(send: SendCall, subscribe: LabApi['subscribe']): Required<LabApi> {
  async function call<M extends LabApiMethod>(method: M, args: Parameters<NonNullable<LabApi[M]>>): Promise<Result<M>> {
    const outcome = await send(method, args)
    if (!outcome.ok) throw new LabApiError(outcome.error)
    return outcome.result as Result<M>
  }
  return {
    // Without options the call carries no argument, as hosts before `recent` expected.
    getTimeline: (options) => call('getTimeline', options === undefined ? [] : [options]),
    getHistory: (fromSeq, toSeq) => call('getHistory', [fromSeq, toSeq]),
    runCommand: (command) => call('runCommand', [command]),
    checkCommands: (commands) => call('checkCommands', [commands]),
    rewind: (seq) => call('rewind', [seq]),
    undo: () => call('undo', []),
    redo: () => call('redo', []),
    newLab: (options) => call('newLab', [options]),
    saveLab: (options) => call('saveLab', [options]),
    openLab: (options) => call('openLab', [options]),
    exportLab: () => call('exportLab', []),
    importLab: (text) => call('importLab', [text]),
    importLabBegin: (options) => call('importLabBegin', [options]),
    importLabPart: (id, index, base64) => call('importLabPart', [id, index, base64]),
    importLabFinish: (id) => call('importLabFinish', [id]),
    importLabCancel: (id) => call('importLabCancel', [id]),
    exportLabBegin: () => call('exportLabBegin', []),
    exportLabPart: (id, index) => call('exportLabPart', [id, index]),
    exportLabFinish: (id) => call('exportLabFinish', [id]),
    readFile: (componentId, path) => call('readFile', [componentId, path]),
    showStep: (step) => call('showStep', [step]),
    getSharing: () => call('getSharing', []),
    setSharing: (options) => call('setSharing', [options]),
    setMenuLanguage: (options) => call('setMenuLanguage', [options]),
    subscribe
  }
}
