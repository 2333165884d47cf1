// Issue 12, findings 7-9: one set of field rules for the three doors into a lab (script, wire, file). Each case is
// tried at every door it applies to, so a door that drifts from the others fails here.

import { describe, expect, it } from 'vitest'
import { validateCall } from '../../../shared/api/dispatch'
import { commandSchema } from '../../../shared/lab/commands/schema'
import { parseLabScript } from '../../../shared/lab/script'
import { labDocumentText, labFileData, parseLabFile } from '../../../shared/labFile/kflab'
import { FIELD_LIMITS, isPrototypeName, prototypeKeyPath } from '../../../shared/validation/fields'
import { terminalSafe } from '../../../node/cli/terminalText'
import { newLab, ok } from '../../helpers/lab'
import { persistedBytes } from '../../../shared/lab/files/persisted'
import type { Component } from '../../../shared/lab/model'

const refused = (command: unknown) => !commandSchema.safeParse(command).success

describe('names and IDs', () => {
  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'])('refuses the prototype name %s as a name and as a key ID', (n) => {
    expect(isPrototypeName(n)).toBe(true)
    expect(refused({ op: 'provider.add', name: n })).toBe(true)
    expect(refused({ op: 'vm.encrypt', name: n })).toBe(true)
    expect(refused({ op: 'kms.revokeKey', keyId: n })).toBe(true)
  })

  it.each(['a\nb', 'a\u001b[31mb', 'a\rb', 'a\u2028b', 'a\u0085b'])('refuses control characters in key IDs, hosts and crypto-util arguments (%j)', (text) => {
    expect(refused({ op: 'kms.destroyKey', keyId: text })).toBe(true)
    expect(refused({ op: 'host.cryptoUtil', name: 'esx-1', args: ['envelope', text] })).toBe(true)
    expect(refused({ op: 'kms.add', name: 'k', provider: 'p', external: { host: text, port: 5696, caPem: 'x', clientCertPem: 'x', clientKeyPem: 'x' } })).toBe(true)
  })

  it('still accepts ordinary names, IDs, hosts and arguments', () => {
    expect(refused({ op: 'provider.add', name: 'prov-1.a_b' })).toBe(false)
    expect(refused({ op: 'kms.destroyKey', keyId: '7f3e2a9c-0000-4000-8000-000000000001' })).toBe(false)
    expect(refused({ op: 'host.cryptoUtil', name: 'esx-1', args: ['envelope', 'describe', '--offset', '0', '/var/core/x'] })).toBe(false)
    for (const host of ['kms.example.com', '127.0.0.1', '::1', '[fe80::1]']) {
      expect(refused({ op: 'kms.add', name: 'k', provider: 'p', external: { host, port: 5696, caPem: 'x', clientCertPem: 'x', clientKeyPem: 'x' } })).toBe(false)
    }
  })
})

describe('lookups by a name from outside', () => {
  it('finds no file called like a prototype member on a host or datastore (readFile, export core-dump)', async () => {
    const lab = await newLab()
    await ok(lab, { op: 'host.add', name: 'esx-1', cluster: 'c1' })
    const host = [...lab.entities().values()].find((e) => e.kind === 'host')!
    const datastore = [...lab.entities().values()].find((e) => e.kind === 'datastore')!
    for (const entity of [host, datastore]) {
      for (const path of ['toString', 'constructor', '__proto__', '/var/core/valueOf']) {
        expect(() => persistedBytes(entity as Component, path)).toThrow(/^no file /)
      }
    }
  })
})

describe('the same limits at every door', () => {
  it('refuses a caPem the lab file could not hold, already in the script', () => {
    const caPem = 'A'.repeat(FIELD_LIMITS.pemBytes + 1)
    const script = JSON.stringify({ steps: [{ op: 'kms.add', name: 'k', provider: 'p', external: { host: 'h', port: 1, caPem, clientCertPem: 'x', clientKeyPem: 'x' } }] })
    expect(parseLabScript(script).ok).toBe(false)
  })

  it('refuses a lab file whose host is named like a path, or whose IDs hold control characters', async () => {
    const lab = await newLab()
    await ok(lab, { op: 'host.add', name: 'esx-1', cluster: 'c1' })
    // A format-1 document (bare JSON): the same schema checks it as a container's index.
    const good = labDocumentText({ ...labFileData(lab), version: 1 as never })
    expect(() => parseLabFile(good)).not.toThrow()
    const data = JSON.parse(good)
    const hostId = Object.keys(data.entities).find((id) => data.entities[id].kind === 'host')!
    data.entities[hostId].name = '../../etc'
    expect(() => parseLabFile(JSON.stringify(data))).toThrow()
    data.entities[hostId].name = 'esx-1'
    data.entities[hostId].cluster = 'c1\n    1  forged event'
    expect(() => parseLabFile(JSON.stringify(data))).toThrow()
  })
})

describe('the wire', () => {
  it('refuses an own __proto__ key anywhere in the arguments, as a script does', () => {
    const args = JSON.parse('[{"op":"provider.add","name":"p","__proto__":{"polluted":true}}]')
    expect(prototypeKeyPath(args)).toEqual([0, '__proto__'])
    const call = validateCall('runCommand', args)
    expect(call).toMatchObject({ ok: false, error: { message: 'runCommand: invalid args[0].__proto__: the key "__proto__" is not allowed' } })
    expect(parseLabScript('{"steps":[{"op":"provider.add","name":"p","__proto__":{}}]}').ok).toBe(false)
    expect(validateCall('checkCommands', JSON.parse('[[{"op":"vcenter.stop"},{"op":"x","a":{"__proto__":1}}]]'))).toMatchObject({ ok: false })
    expect(validateCall('runCommand', [{ op: 'provider.add', name: 'p' }])).toMatchObject({ ok: true })
  })
})

describe('terminal output', () => {
  it('shows control characters as escapes, so a value cannot forge a line or colour the screen', () => {
    expect(terminalSafe('key\n    7  forged\u001b[2J\u2028')).toBe('key\\n    7  forged\\x1b[2J\\u2028')
    expect(terminalSafe('usage:\n  x\u001b', { keepNewlines: true })).toBe('usage:\n  x\\x1b')
  })
})
