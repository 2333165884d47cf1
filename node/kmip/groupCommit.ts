// Group commit: many changes, few saves. A caller that needs its change on disk asks for a commit and gets a
// promise for the first save that STARTS after its request, so the save is sure to include its change. While a
// save runs, every request joins the next one: one client costs one save per change, a hundred clients share them.

interface Waiter {
  promise: Promise<void>
  resolve(): void
  reject(error: unknown): void
}

function waiter(): Waiter {
  let resolve!: () => void
  let reject!: (error: unknown) => void
  const promise = new Promise<void>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

export class GroupCommit {
  private running: Promise<void> | null = null
  private next: Waiter | null = null

  constructor(private readonly save: () => Promise<void>) {}

  commit(): Promise<void> {
    if (this.running === null) return this.start()
    this.next ??= waiter()
    return this.next.promise
  }

  /** Resolves once nothing is being saved and nothing waits to be (for a clean shutdown). */
  async idle(): Promise<void> {
    while (this.running !== null) await this.running.catch(() => undefined)
  }

  private start(): Promise<void> {
    const run = (async () => this.save())()
    this.running = run
    void run.then(
      () => this.finished(),
      () => this.finished()
    )
    return run
  }

  private finished(): void {
    this.running = null
    const queued = this.next
    this.next = null
    if (queued !== null) this.start().then(queued.resolve, queued.reject)
  }
}
