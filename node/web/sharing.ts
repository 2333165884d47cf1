// Sharing the window with a room, for the test host and the desktop app alike: one viewer hub for the lab, a viewer
// server while sharing is on, and the status the presenter's window shows (viewer URL, its QR code, how many
// viewers). `presenterApi` is the lab as the presenter's window uses it: the host's methods plus the follow-along
// ones, and the sharing status among its pushes.

import QRCode from 'qrcode'
import type { LabApi, LabPush } from '../../shared/api/contract'
import type { SharingStatus } from '../../shared/api/sharing'
import { shareAddresses } from './shareAddresses'
import { ViewerHub, type ViewerHubOptions } from './viewerHub'
import { startViewerServer, type ViewerServer } from './viewerServer'

export interface SharingOptions extends ViewerHubOptions {
  api: LabApi
  rendererDir: string
  /** Fixed in tests; 0 (default) picks a free port each time sharing starts. */
  port?: number
  /** The machine's addresses (tests pass their own). */
  addresses?: typeof shareAddresses
}

export class Sharing {
  readonly hub: ViewerHub
  private server: ViewerServer | null = null
  private qrSvg: string | null = null
  private readonly listeners = new Set<(push: LabPush) => void>()
  private readonly addresses: typeof shareAddresses
  /** Start and stop one after another, never interleaved. */
  private queue: Promise<unknown> = Promise.resolve()

  constructor(private readonly options: SharingOptions) {
    this.hub = new ViewerHub(options.api, options)
    this.addresses = options.addresses ?? shareAddresses
    this.hub.onCount(() => this.emit())
  }

  get viewerUrl(): string | null {
    return this.server?.url ?? null
  }

  status(): SharingStatus {
    return {
      viewerUrl: this.server?.url ?? null,
      qrSvg: this.server ? this.qrSvg : null,
      address: this.server?.address ?? null,
      viewers: this.hub.count,
      maxViewers: this.hub.maxViewers,
      addresses: this.addresses()
    }
  }

  /** Starts sharing on `address` (one of this machine's), or moves there; a fresh viewer token each time. */
  start(address: string): Promise<SharingStatus> {
    return this.serially(async () => {
      if (!this.addresses().some((a) => a.address === address)) {
        throw new Error(`"${address}" is not an address of this machine; choose one of: ${this.addresses().map((a) => a.address).join(', ')}`)
      }
      if (this.server) await this.closeServer()
      this.server = await startViewerServer({ api: this.options.api, hub: this.hub, rendererDir: this.options.rendererDir, address, port: this.options.port, log: this.options.log })
      this.qrSvg = await QRCode.toString(this.server.url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 })
      this.emit()
      return this.status()
    })
  }

  /** Stops sharing: the viewer server closes and every viewer is disconnected. */
  stop(): Promise<SharingStatus> {
    return this.serially(async () => {
      await this.closeServer()
      this.emit()
      return this.status()
    })
  }

  /** Asks the presenter's window to show the sharing panel (File → Share with the room in the desktop menu). */
  showPanel(): void {
    this.emit(true)
  }

  subscribe(listener: (push: LabPush) => void): () => void {
    this.listeners.add(listener)
    return () => {
      this.listeners.delete(listener)
    }
  }

  /** The presenter's lab: the host's methods, the follow-along ones, and the host's pushes with sharing's. */
  presenterApi(): LabApi {
    const api = this.options.api
    return {
      getTimeline: (o) => api.getTimeline(o),
      getHistory: (f, t) => api.getHistory(f, t),
      runCommand: (c) => api.runCommand(c),
      checkCommands: (c) => api.checkCommands(c),
      rewind: (s) => api.rewind(s),
      undo: () => api.undo(),
      redo: () => api.redo(),
      newLab: (o) => api.newLab(o),
      saveLab: (o) => api.saveLab(o),
      openLab: (o) => api.openLab(o),
      exportLab: () => api.exportLab(),
      importLab: (t) => api.importLab(t),
      importLabBegin: (o) => api.importLabBegin(o),
      importLabPart: (id, i, b) => api.importLabPart(id, i, b),
      importLabFinish: (id) => api.importLabFinish(id),
      importLabCancel: (id) => api.importLabCancel(id),
      exportLabBegin: () => api.exportLabBegin(),
      exportLabPart: (id, i) => api.exportLabPart(id, i),
      exportLabFinish: (id) => api.exportLabFinish(id),
      readFile: (c, p) => api.readFile(c, p),
      showStep: async (step) => this.hub.publishShown(step),
      getSharing: async () => this.status(),
      setSharing: ({ address }) => (address === null ? this.stop() : this.start(address)),
      subscribe: (listener) => {
        const fromLab = api.subscribe(listener)
        const fromSharing = this.subscribe(listener)
        return () => {
          fromLab()
          fromSharing()
        }
      }
    }
  }

  async dispose(): Promise<void> {
    await this.stop()
    this.hub.dispose()
    this.listeners.clear()
  }

  private async closeServer(): Promise<void> {
    const server = this.server
    this.server = null
    this.qrSvg = null
    await server?.close()
  }

  private emit(open = false): void {
    const push: LabPush = { type: 'sharing', status: this.status(), ...(open ? { open } : {}) }
    for (const l of this.listeners) l(push)
  }

  private serially<T>(step: () => Promise<T>): Promise<T> {
    const next = this.queue.then(step, step)
    this.queue = next.catch(() => {})
    return next
  }
}
