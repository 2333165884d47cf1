// A small LabApi for testing the transports (IPC, WebSocket, preload, store) without the lab core. It is not a
// lab: it records every call, answers with plain values derived from the call, and emits the pushes a host would.

import { EXPORT_PART_BYTES, IMPORT_PART_BYTES, type CommandResult, type CommandView, type EntityViews, type EventView, type HistoryPage, type LabApi, type LabExportStart, type LabFileInfo, type LabImportStart, type LabPush, type Timeline, type TimelineOptions } from '../../shared/api/contract'
import { applyPatches } from '../../shared/lab/view'
import type { LabCommand } from '../../shared/lab/commands/schema'
import type { FaultInfo } from '../../shared/lab/faults'
import type { MessageRef } from '../../shared/lab/events'

export interface RecordedCall {
  method: string
  args: unknown[]
}

export class ScriptedLabApi implements LabApi {
  readonly calls: RecordedCall[] = []
  readonly listeners = new Set<(push: LabPush) => void>()
  labId = 'lab-1'
  events: EventView[] = []
  commands: CommandView[] = []
  file: LabFileInfo = { path: null, name: 'untitled.kflab', dirty: false }
  /** Set to make the next getTimeline wait until the test resolves it. */
  gate: Promise<void> | null = null

  private record(method: string, args: unknown[]): void {
    this.calls.push({ method, args })
  }

  emit(push: LabPush): void {
    for (const l of this.listeners) l(push)
  }

  subscribe(listener: (push: LabPush) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** The views before any event: the lab metadata and vCenter. */
  static readonly initialViews: EntityViews = {
    lab: { id: 'lab', kind: 'meta', order: ['vcenter'] },
    vcenter: { id: 'vcenter', kind: 'vcenter', name: 'vcsa', running: true }
  }

  private viewsAfter(seq: number): EntityViews {
    let views = ScriptedLabApi.initialViews
    for (const e of this.events.slice(0, seq)) views = applyPatches(views, e.patches)
    return views
  }

  async getTimeline(options?: TimelineOptions): Promise<Timeline> {
    this.record('getTimeline', options === undefined ? [] : [options])
    if (this.gate) await this.gate
    const baseSeq = options?.recent === undefined ? 0 : Math.max(0, this.events.length - options.recent)
    return {
      labId: this.labId,
      seed: 1,
      startSeq: 0,
      base: this.viewsAfter(baseSeq),
      baseSeq,
      events: this.events.slice(baseSeq),
      commands: this.commands.slice(),
      file: this.file
    }
  }

  async getHistory(fromSeq: number, toSeq: number): Promise<HistoryPage> {
    this.record('getHistory', [fromSeq, toSeq])
    if (toSeq > this.events.length || fromSeq > toSeq) throw new RangeError(`no history from ${fromSeq} to ${toSeq}`)
    return { labId: this.labId, base: this.viewsAfter(fromSeq), baseSeq: fromSeq, events: this.events.slice(fromSeq, toSeq) }
  }

  /** Adds a component named after the command (when it has a name) and emits the push before answering. */
  async runCommand(command: LabCommand): Promise<CommandResult> {
    this.record('runCommand', [command])
    const seq = this.events.length + 1
    const name = 'name' in command ? String(command.name) : command.op
    const id = `${command.op.split('.')[0]}:${name}`
    const event: EventView = {
      seq,
      command: this.commands.length,
      kind: 'component',
      from: 'vcenter',
      to: id,
      keys: [],
      payload: null,
      kmip: null,
      message: { id: 'term.reasonOfKms', params: { kms: command.op, reason: name } },
      text: `ran ${command.op} for ${name}`,
      time: 0,
      patches: [
        { op: 'set', path: [id], value: { id, kind: command.op.split('.')[0], name, ...('cluster' in command ? { cluster: command.cluster } : {}) } },
        { op: 'set', path: ['lab', 'order', this.commands.length + 1], value: id }
      ]
    }
    const view: CommandView = { index: this.commands.length, command, step: null, firstSeq: seq, lastSeq: seq, fault: null }
    this.events.push(event)
    this.commands.push(view)
    this.emit({ type: 'appended', labId: this.labId, events: [event], command: view })
    return { index: view.index, firstSeq: seq, lastSeq: seq, fault: null }
  }

  async checkCommands(commands: LabCommand[]): Promise<(FaultInfo | null)[]> {
    this.record('checkCommands', [commands])
    return commands.map(() => null)
  }

  async rewind(seq: number): Promise<void> {
    this.record('rewind', [seq])
    this.emit({ type: 'reset', labId: this.labId })
  }

  async undo(): Promise<boolean> {
    this.record('undo', [])
    this.emit({ type: 'reset', labId: this.labId })
    return this.commands.length > 0
  }

  async redo(): Promise<CommandResult | null> {
    this.record('redo', [])
    return null
  }

  async newLab(options: { seed?: number | null }): Promise<void> {
    this.record('newLab', [options])
    this.labId = `lab-${Number(this.labId.split('-')[1]) + 1}`
    this.events = []
    this.commands = []
    this.emit({ type: 'reset', labId: this.labId })
  }

  async saveLab(options: { path?: string }): Promise<LabFileInfo> {
    this.record('saveLab', [options])
    if (!options.path) throw new Error('no file chosen: the lab was not saved')
    this.file = { path: options.path, name: options.path.split('/').pop() ?? options.path, dirty: false }
    this.emit({ type: 'file', labId: this.labId, file: this.file })
    return this.file
  }

  async openLab(options: { path?: string }): Promise<LabFileInfo> {
    this.record('openLab', [options])
    throw new Error(`cannot read ${options.path ?? '(no path)'}`)
  }

  async exportLab(): Promise<string> {
    this.record('exportLab', [])
    return JSON.stringify({ labId: this.labId, events: this.events.length })
  }

  async importLab(text: string): Promise<LabFileInfo> {
    this.record('importLab', [text])
    return this.file
  }

  async importLabBegin(options: { bytes: number }): Promise<LabImportStart> {
    this.record('importLabBegin', [options])
    return { importId: '0'.repeat(32), partBytes: IMPORT_PART_BYTES }
  }

  async importLabPart(importId: string, index: number, base64: string): Promise<void> {
    this.record('importLabPart', [importId, index, base64])
  }

  async importLabFinish(importId: string): Promise<LabFileInfo> {
    this.record('importLabFinish', [importId])
    return this.file
  }

  async importLabCancel(importId: string): Promise<void> {
    this.record('importLabCancel', [importId])
  }

  /** The scripted lab's "file" (what exportLab gives), handed out in parts of EXPORT_PART_BYTES. */
  private exportText(): Uint8Array {
    return new TextEncoder().encode(JSON.stringify({ labId: this.labId, events: this.events.length }))
  }

  async exportLabBegin(): Promise<LabExportStart> {
    this.record('exportLabBegin', [])
    return { exportId: '1'.repeat(32), bytes: this.exportText().length, partBytes: EXPORT_PART_BYTES }
  }

  async exportLabPart(exportId: string, index: number): Promise<string> {
    this.record('exportLabPart', [exportId, index])
    return Buffer.from(this.exportText().subarray(index * EXPORT_PART_BYTES, (index + 1) * EXPORT_PART_BYTES)).toString('base64')
  }

  async exportLabFinish(exportId: string): Promise<void> {
    this.record('exportLabFinish', [exportId])
  }

  async readFile(componentId: string, path: string): Promise<string> {
    this.record('readFile', [componentId, path])
    const e = new Error(`no component ${componentId}`) as Error & { messageRef: MessageRef }
    e.messageRef = { id: 'fault.notFound', params: { kind: 'component', name: componentId } }
    throw e
  }
}
