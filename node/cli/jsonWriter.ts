// Writes a JSON document to a stream piece by piece: byte strings become hex without ever building the whole hex
// text in memory (a 256 MiB disk is 512 Mi characters, more than a JavaScript string may hold).

import { bytesOf, StoredBytes } from '../../shared/lab/files/storedBytes'
import type { Writable } from 'node:stream'
import { toHex } from '../../shared/crypto/bytes'

const FLUSH_AT = 1 << 16
const HEX_CHUNK = 1 << 20

export class JsonStreamWriter {
  private buffer: string[] = []
  private size = 0

  constructor(private readonly out: Writable) {}

  private push(text: string): Promise<void> | void {
    this.buffer.push(text)
    this.size += text.length
    if (this.size >= FLUSH_AT) return this.flush()
  }

  async flush(): Promise<void> {
    if (!this.buffer.length) return
    const text = this.buffer.join('')
    this.buffer = []
    this.size = 0
    if (!this.out.write(text)) await new Promise<void>((resolve) => this.out.once('drain', resolve))
  }

  async value(v: unknown, indent = ''): Promise<void> {
    if (v === undefined || v === null) return void (await this.push('null'))
    if (v instanceof Uint8Array || v instanceof StoredBytes) {
      await this.push('"')
      // Bytes still in a lab file are read a piece at a time, like the hex is written.
      for (let i = 0; i < v.length; i += HEX_CHUNK) await this.push(toHex(bytesOf(v, i, Math.min(v.length, i + HEX_CHUNK))))
      return void (await this.push('"'))
    }
    if (typeof v === 'bigint') return void (await this.push(JSON.stringify(v.toString())))
    if (typeof v !== 'object') return void (await this.push(JSON.stringify(v)))
    const inner = indent + '  '
    if (Array.isArray(v)) {
      if (!v.length) return void (await this.push('[]'))
      await this.push('[')
      for (let i = 0; i < v.length; i++) {
        await this.push(`${i ? ',' : ''}\n${inner}`)
        await this.value(v[i], inner)
      }
      return void (await this.push(`\n${indent}]`))
    }
    const entries = Object.entries(v).filter(([, x]) => x !== undefined)
    if (!entries.length) return void (await this.push('{}'))
    await this.push('{')
    for (let i = 0; i < entries.length; i++) {
      await this.push(`${i ? ',' : ''}\n${inner}${JSON.stringify(entries[i][0])}: `)
      await this.value(entries[i][1], inner)
    }
    await this.push(`\n${indent}}`)
  }
}

export async function writeJson(out: Writable, value: unknown): Promise<void> {
  const w = new JsonStreamWriter(out)
  await w.value(value)
  await w.flush()
  if (!out.write('\n')) await new Promise<void>((resolve) => out.once('drain', resolve))
}
