// Finds a file on a component's persisted surface: a datastore file, a core dump in a host's /var/core.

import { utf8 } from '../../crypto/bytes'
import type { Component } from '../model'
import { bytesOf } from './storedBytes'

export function persistedBytes(entity: Component, path: string): Uint8Array {
  if (entity.kind === 'datastore') {
    // Own entries only: a path such as "constructor" must not find Object.prototype's member.
    const f = Object.hasOwn(entity.persisted.files, path) ? entity.persisted.files[path] : undefined
    if (f) return f.data ? bytesOf(f.data) : utf8(f.text ?? '')
  }
  if (entity.kind === 'host') {
    const name = path.startsWith('/var/core/') ? path.slice('/var/core/'.length) : path
    const f = Object.hasOwn(entity.persisted.varCore, name) ? entity.persisted.varCore[name] : undefined
    if (f) return f
  }
  throw new Error(`no file ${path} on ${entity.id}`)
}
