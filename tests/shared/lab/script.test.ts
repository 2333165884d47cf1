import { describe, expect, it } from 'vitest'
import { findJsonSyntaxError, parseLabScript } from '../../../shared/lab/script'

describe('lab scripts', () => {
  it('accepts a valid script', () => {
    const r = parseLabScript('{"seed": 3, "steps": [{"op": "host.add", "name": "esx-01", "cluster": "c1"}]}')
    expect(r.ok && r.script.steps[0]).toEqual({ op: 'host.add', name: 'esx-01', cluster: 'c1' })
  })

  it('refuses text that is not JSON, with line and column', () => {
    const r = parseLabScript('{\n  "steps": [\n    {"op": "host.add",}\n  ]\n}')
    expect(r).toEqual({ ok: false, reason: 'not valid JSON: expected a property name in double quotes', place: 'line 3, column 23' })
    expect(parseLabScript('').ok).toBe(false)
    expect(findJsonSyntaxError('{"a": 1} x')?.reason).toMatch(/after the JSON value/)
    expect(findJsonSyntaxError('[1, 2]')).toBeNull()
    expect(findJsonSyntaxError('"\\u12"')?.reason).toMatch(/unicode/)
  })

  it('agrees with JSON.parse on what is JSON', () => {
    for (const t of ['{}', '[]', '{"a":[1,2,{"b":null}]}', '1e5', '-0.5', '"x"', 'tru', '{"a":1,}', '[1,]', '01', '"\u0001"', '{"a" 1}', 'nul']) {
      let ok = true
      try {
        JSON.parse(t)
      } catch {
        ok = false
      }
      expect(findJsonSyntaxError(t) === null, t).toBe(ok)
    }
  })

  it('refuses a script whose step breaks the schema, naming the step and field', () => {
    const r = parseLabScript('{"steps": [{"op": "host.add", "name": "esx-01", "cluster": "c1"}, {"op": "vm.create", "name": "vm 1", "host": "esx-01"}]}')
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.place).toBe('steps[1].name')
      expect(r.reason).toMatch(/a name/)
    }
  })

  it('names an unknown op and an unknown field', () => {
    const r = parseLabScript('{"steps": [{"op": "vm.teleport", "name": "vm1"}]}')
    expect(r).toEqual({ ok: false, reason: 'not a valid lab script: unknown op "vm.teleport"', place: 'steps[0].op' })
    const extra = parseLabScript('{"steps": [{"op": "vcenter.stop", "force": true}]}')
    expect(extra.ok).toBe(false)
    if (!extra.ok) expect(extra.reason).toMatch(/force/)
    const top = parseLabScript('{"steps": [], "seeed": 1}')
    expect(top.ok).toBe(false)
  })

  it('refuses a disk that is not a whole number of sectors, or too big', () => {
    expect(parseLabScript('{"steps": [{"op": "vm.create", "name": "v", "host": "h", "diskMiB": 0.0001}]}').ok).toBe(false)
    expect(parseLabScript('{"steps": [{"op": "vm.create", "name": "v", "host": "h", "diskMiB": 512}]}').ok).toBe(false)
    expect(parseLabScript('{"steps": [{"op": "vm.create", "name": "v", "host": "h", "diskMiB": 0.5}]}').ok).toBe(true)
  })
})
