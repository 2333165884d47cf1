import { describe, expect, it } from 'vitest'
import { labApiMethods } from '../../../shared/api/contract'
import { dispatch, isLabApiMethod, toApiError, validateCall } from '../../../shared/api/dispatch'
import { ScriptedLabApi } from '../../helpers/scriptedLabApi'

describe('validateCall', () => {
  it('knows exactly the contract methods', () => {
    for (const m of labApiMethods) expect(isLabApiMethod(m)).toBe(true)
    for (const m of ['subscribe', 'constructor', '__proto__', 'toString', 'hasOwnProperty', '', 42, null]) expect(isLabApiMethod(m)).toBe(false)
  })

  it('refuses an unknown method by name, shortening long names', () => {
    const r = validateCall('x'.repeat(500), [])
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.error.message).toMatch(/^unknown lab API method "x{64}…"$/)
    }
    const n = validateCall(7, [])
    expect(!n.ok && n.error.message).toBe('unknown lab API method a number method name')
  })

  it('refuses arguments that are not an array', () => {
    const r = validateCall('rewind', { 0: 3 })
    expect(!r.ok && r.error.message).toBe('rewind: the arguments must be an array')
  })

  it('says which argument is wrong and why', () => {
    const r = validateCall('rewind', [-1])
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.message).toMatch(/^rewind: invalid args\[0\]: .*>=\s?0/)

    const cmd = validateCall('runCommand', [{ name: 'esx-01' }])
    expect(cmd.ok).toBe(false)
    if (!cmd.ok) expect(cmd.error.message).toMatch(/^runCommand: invalid args\[0\]\.op: /)

    const extra = validateCall('saveLab', [{ path: '/tmp/a.kflab', mode: 'x' }])
    expect(!extra.ok && extra.error.message).toMatch(/^saveLab: invalid args\[0\]: .*mode/)
  })

  it('refuses too many or too few arguments', () => {
    expect(validateCall('getTimeline', [1]).ok).toBe(false)
    expect(validateCall('getTimeline', [{ recent: 10 }, 1]).ok).toBe(false)
    expect(validateCall('getHistory', [0]).ok).toBe(false)
    expect(validateCall('readFile', ['host:a']).ok).toBe(false)
  })

  it('takes a timeline with or without a recent window, and history pages only forwards and within the page limit', () => {
    expect(validateCall('getTimeline', [])).toEqual({ ok: true, method: 'getTimeline', args: [] })
    expect(validateCall('getTimeline', [{ recent: 2000 }])).toEqual({ ok: true, method: 'getTimeline', args: [{ recent: 2000 }] })
    expect(validateCall('getTimeline', [{ recent: 0 }]).ok).toBe(false)
    expect(validateCall('getTimeline', [{ recent: 5, all: true }]).ok).toBe(false)
    expect(validateCall('getHistory', [100, 2100])).toEqual({ ok: true, method: 'getHistory', args: [100, 2100] })
    const backwards = validateCall('getHistory', [10, 5])
    expect(!backwards.ok && backwards.error.message).toMatch(/^getHistory: invalid args: toSeq must be/)
    expect(validateCall('getHistory', [0, 5001]).ok).toBe(false)
    expect(validateCall('getHistory', [-1, 3]).ok).toBe(false)
    expect(validateCall('getHistory', [0.5, 3]).ok).toBe(false)
  })

  it('passes valid calls with their parsed arguments', () => {
    const r = validateCall('readFile', ['host:esx-01', '/var/core/vmkernel-zdump.1'])
    expect(r).toEqual({ ok: true, method: 'readFile', args: ['host:esx-01', '/var/core/vmkernel-zdump.1'] })
  })
})

describe('dispatch', () => {
  it('calls the method with the validated arguments and returns its result', async () => {
    const api = new ScriptedLabApi()
    const out = await dispatch(api, 'runCommand', [{ op: 'host.add', name: 'esx-01', cluster: 'c1' }])
    expect(out.ok).toBe(true)
    expect(api.calls).toEqual([{ method: 'runCommand', args: [{ op: 'host.add', name: 'esx-01', cluster: 'c1' }] }])
    if (out.ok) expect(out.result).toEqual({ index: 0, firstSeq: 1, lastSeq: 1, fault: null })
  })

  it('never reaches the host with bad input', async () => {
    const api = new ScriptedLabApi()
    const out = await dispatch(api, 'rewind', ['3'])
    expect(out.ok).toBe(false)
    expect(api.calls).toEqual([])
  })

  it('turns a failure inside the host into an error naming the method', async () => {
    const api = new ScriptedLabApi()
    const out = await dispatch(api, 'openLab', [{ path: '/nope.kflab' }])
    expect(out).toEqual({ ok: false, error: { message: 'openLab: cannot read /nope.kflab' } })
  })

  it('passes on only a message reference the narration has (a host of another version may name others)', () => {
    const refusal = (id: string) => Object.assign(new Error('refused'), { messageRef: { id, params: {} } })
    expect(toApiError('runCommand', refusal('no.such.sentence'))).toEqual({ message: 'runCommand: refused' })
    expect(toApiError('runCommand', refusal('fault.vcenterDown'))).toEqual({ message: 'runCommand: refused', message_ref: { id: 'fault.vcenterDown', params: {} } })
  })

  it('keeps the message reference of a domain refusal', async () => {
    const out = await dispatch(new ScriptedLabApi(), 'readFile', ['host:x', '/a'])
    expect(out).toEqual({ ok: false, error: { message: 'readFile: no component host:x', message_ref: { id: 'fault.notFound', params: { kind: 'component', name: 'host:x' } } } })
  })

  it('survives hosts that throw non-Error values', async () => {
    const api = new ScriptedLabApi()
    api.exportLab = () => Promise.reject('disk full')
    expect(await dispatch(api, 'exportLab', [])).toEqual({ ok: false, error: { message: 'exportLab: disk full' } })
    api.exportLab = () => {
      throw undefined
    }
    expect(await dispatch(api, 'exportLab', [])).toEqual({ ok: false, error: { message: 'exportLab: unknown error' } })
  })
})
