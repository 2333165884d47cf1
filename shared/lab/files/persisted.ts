// Finds a file on a component's persisted surface: a datastore file, a core dump in a host's /var/core.

import { utf8 } from '../../crypto/bytes'
import type { Component } from '../model'

export function persistedBytes(entity: Component, path: string): Uint8Array {
  if (entity.kind === 'datastore') {
    const f = entity.persisted.files[path]
    if (f) return f.data ?? utf8(f.text ?? '')
  }
  if (entity.kind === 'host') {
    const name = path.startsWith('/var/core/') ? path.slice('/var/core/'.length) : path
    const f = entity.persisted.varCore[name]
    if (f) return f
  }
  throw new Error(`no file ${path} on ${entity.id}`)
}
