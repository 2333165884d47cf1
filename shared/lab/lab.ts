// The lab: components, the command log and the event history. Every change goes through `run`; commands run one at
// a time; a refused command changes nothing and leaves a fault event; any event's before/after state can be
// restored.

import { commandSchema, type LabCommand } from './commands/schema'
import { definitionOf } from './commands/definitions'
import type { CommandContext, LabDeps } from './context'
import type { LabEvent, MessageRef } from './events'
import { LabFault, type FaultInfo } from './faults'
import { disassemble, EntityStore, itemId, redoChanges, undoChanges, type HistoryEntry } from './history'
import { META_ID, type Component, type Entity, type LabMeta } from './model'
import { Transaction } from './transaction'
import { formatMessage } from '../i18n/format'
import { formatPath } from './script'
import { createVcenter } from './services/vcenterSetup'

/** The lab's logical clock starts here (POSIX seconds): 2026-01-05T08:00:00Z, a Monday morning in class. */
export const LAB_EPOCH = 1767600000

export interface CommandRecord {
  index: number
  command: LabCommand
  step: number | null
  firstSeq: number
  lastSeq: number
  fault: FaultInfo | null
}

export interface CommandOutcome {
  index: number
  events: LabEvent[]
  fault: FaultInfo | null
}

export type LabListener = (entries: readonly HistoryEntry[], record: CommandRecord) => void

export class Lab {
  private readonly history: HistoryEntry[] = []
  private readonly log: CommandRecord[] = []
  private queue: Promise<unknown> = Promise.resolve()
  private readonly listeners = new Set<LabListener>()

  private constructor(
    private readonly store: EntityStore,
    private readonly initial: EntityStore,
    readonly deps: LabDeps,
    /** created: the history starts at an empty lab; restored: it starts at a saved state. */
    readonly origin: 'created' | 'restored'
  ) {}

  static async create(deps: LabDeps, opts: { seed?: number | null } = {}): Promise<Lab> {
    const store = new EntityStore()
    const meta: LabMeta = {
      id: META_ID,
      kind: 'meta',
      seed: opts.seed ?? null,
      clock: LAB_EPOCH,
      randomPosition: 0,
      order: []
    }
    store.write(META_ID, Object.freeze(meta))
    const tx = new Transaction(store, deps.random, -1, 0)
    await createVcenter({ tx, deps })
    return new Lab(store, store.clone(), deps, 'created')
  }

  /** Rebuilds a lab from saved components (a .kflab file); the history starts at the saved state. */
  static restore(deps: LabDeps, entities: Iterable<[string, Entity | Component]>): Lab {
    const store = new EntityStore()
    const all = new Map(entities)
    const meta = all.get(META_ID)
    // components go in in the order they were added, so every "all hosts" walks them as the saved lab did
    const ordered = meta?.kind === 'meta' ? [...new Set([META_ID, ...meta.order, ...all.keys()])] : [...all.keys()]
    for (const id of ordered) {
      const e = all.get(id)
      if (!e) continue
      if (e.kind === 'meta') {
        store.write(id, e)
        continue
      }
      const { record, items } = disassemble(e as Component)
      store.write(id, record)
      for (const [collection, key, value] of items) store.write(itemId(id, collection, key), value)
    }
    if (!store.get(META_ID)) throw new Error('the saved lab has no lab metadata')
    return new Lab(store, store.clone(), deps, 'restored')
  }

  get meta(): LabMeta {
    return this.store.get(META_ID) as LabMeta
  }

  get seq(): number {
    return this.history.length
  }

  get entries(): readonly HistoryEntry[] {
    return this.history
  }

  get commands(): readonly CommandRecord[] {
    return this.log
  }

  /** Every component whole (collections included) and the lab metadata. */
  entities(): Map<string, LabMeta | Component> {
    return this.store.assembled()
  }

  /** A stored record (collections are kept item by item: use `component` to see them). */
  get(id: string): Entity | undefined {
    return this.store.get(id)
  }

  /** A component whole, collections included. */
  component(id: string): Component | undefined {
    return this.store.component(id)
  }

  subscribe(listener: LabListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Runs commands one at a time, in the order they arrive. */
  run(input: unknown, opts: { step?: number } = {}): Promise<CommandOutcome> {
    const next = this.queue.then(() => this.execute(input, opts.step ?? null))
    this.queue = next.catch(() => undefined)
    return next
  }

  /** Would the core refuse this command right now? (The window disables actions with the reason.) */
  check(input: unknown): FaultInfo | null {
    const parsed = commandSchema.safeParse(input)
    if (!parsed.success) return invalidCommandFault(parsed.error.issues[0])
    const tx = new Transaction(this.store, this.deps.random, this.log.length, this.seq + 1)
    try {
      definitionOf(parsed.data.op).check({ tx, deps: this.deps }, parsed.data)
      return null
    } catch (e) {
      if (e instanceof LabFault) return toFaultInfo(e)
      throw e
    } finally {
      tx.rollback()
    }
  }

  /** The entities as they were right after event `seq` (0 = the start of this history). */
  entitiesAt(seq: number): EntityStore {
    if (!Number.isInteger(seq) || seq < 0 || seq > this.seq) throw new RangeError(`no event ${seq} (the lab has ${this.seq})`)
    if (seq * 2 < this.seq) {
      const s = this.initial.clone()
      for (let i = 0; i < seq; i++) redoChanges(s, this.history[i].changes)
      return s
    }
    const s = this.store.clone()
    for (let i = this.seq - 1; i >= seq; i--) undoChanges(s, this.history[i].changes)
    return s
  }

  /** Goes back to the state right after event `seq`; later events and commands are dropped (undo). */
  async rewind(seq: number): Promise<void> {
    await this.queue
    if (!Number.isInteger(seq) || seq < 0 || seq > this.seq) throw new RangeError(`no event ${seq} (the lab has ${this.seq})`)
    for (let i = this.seq - 1; i >= seq; i--) undoChanges(this.store, this.history[i].changes)
    this.history.length = seq
    while (this.log.length && this.log[this.log.length - 1].firstSeq > seq) this.log.pop()
    const last = this.log[this.log.length - 1]
    if (last && last.lastSeq > seq) last.lastSeq = seq
  }

  private async execute(input: unknown, step: number | null): Promise<CommandOutcome> {
    const index = this.log.length
    const firstSeq = this.seq + 1
    const parsed = commandSchema.safeParse(input)
    const tx = new Transaction(this.store, this.deps.random, index, firstSeq)
    const ctx: CommandContext = { tx, deps: this.deps }
    let faultInfo: FaultInfo | null = null
    let command: LabCommand
    if (!parsed.success) {
      command = (typeof input === 'object' && input !== null ? input : { op: String(input) }) as LabCommand
      faultInfo = invalidCommandFault(parsed.error.issues[0])
    } else {
      command = parsed.data
      try {
        const definition = definitionOf(command.op)
        definition.check(ctx, command)
        await definition.run(ctx, command)
        if (tx.hasPendingChanges()) tx.attachPendingToLast()
      } catch (e) {
        if (!(e instanceof LabFault)) {
          tx.rollback()
          throw e
        }
        faultInfo = toFaultInfo(e)
      }
    }
    if (faultInfo) {
      tx.rollback()
      tx.emit({ kind: 'fault', from: 'vcenter', to: 'vcenter', message: { id: 'fault.event', params: { fault: faultInfo.fault, reason: faultInfo.message } } })
    }
    const record: CommandRecord = { index, command, step, firstSeq, lastSeq: firstSeq + tx.entries.length - 1, fault: faultInfo }
    this.history.push(...tx.entries)
    this.log.push(record)
    for (const l of this.listeners) l(tx.entries, record)
    return { index, events: tx.entries.map((e) => e.event), fault: faultInfo }
  }
}

function toFaultInfo(e: LabFault): FaultInfo {
  return { fault: e.fault, message: e.messageRef, text: formatMessage(e.messageRef, 'en') }
}

function invalidCommandFault(issue: { message: string; path: PropertyKey[] }): FaultInfo {
  const message: MessageRef = { id: 'fault.invalidCommand', params: { reason: issue.message, place: formatPath(issue.path) || 'op' } }
  return { fault: 'InvalidArgument', message, text: formatMessage(message, 'en') }
}
