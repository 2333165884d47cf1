// Key material from the operating system's CSPRNG, drawn in blocks. Each call into OpenSSL's RAND costs about 5 µs
// (more than the rest of a KMIP Create), so keys are cut from a 4 KiB block instead; every slice is handed out once
// and wiped from the block at once, so no key outlives its hand-out in the pool. (Node's randomUUID pools the same
// way.)

import { randomFillSync } from 'node:crypto'

const BLOCK = 4096

export class RandomPool {
  private block = new Uint8Array(0)
  private at = 0

  take(n: number): Uint8Array {
    if (n > BLOCK) return randomFillSync(new Uint8Array(n))
    if (this.at + n > this.block.length) {
      this.block = randomFillSync(new Uint8Array(BLOCK))
      this.at = 0
    }
    const out = this.block.slice(this.at, this.at + n)
    this.block.fill(0, this.at, this.at + n)
    this.at += n
    return out
  }
}
