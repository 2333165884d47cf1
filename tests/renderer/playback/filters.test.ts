import { describe, expect, it } from 'vitest'
import type { EventView } from '../../../shared/api/contract'
import type { EventKind } from '../../../shared/lab/events'
import { KIND_GROUPS, SHOW_ALL, isFiltering, isVisible, kindGroup, nextIn, prevIn, visibleAtOrBefore, visibleSeqs } from '../../../renderer/src/playback/filters'

const ev = (seq: number, kind: EventKind, from: string, to: string, keys: EventView['keys'] = []): EventView => ({
  seq,
  command: 0,
  kind,
  from,
  to,
  keys,
  payload: null,
  kmip: null,
  message: { id: 'kms.started', params: { kms: 'kms-1' } },
  text: '',
  time: 0,
  patches: []
})

const events = [
  ev(1, 'kmip.request', 'vcenter', 'kms:a'),
  ev(2, 'kmip.response', 'kms:a', 'vcenter', [{ keyType: 'kek', form: 'material' }]),
  ev(3, 'key.push', 'vcenter', 'host:h', [{ keyType: 'kek', form: 'material' }]),
  ev(4, 'coredump', 'host:h', 'host:h', [{ keyType: 'oneTimeKey', form: 'wrapped', wrappedBy: 'hostKey' }]),
  ev(5, 'vm.state', 'host:h', 'vm:v')
]

describe('event filters', () => {
  it('show everything by default', () => {
    expect(isFiltering(SHOW_ALL)).toBe(false)
    expect(visibleSeqs(events, SHOW_ALL)).toEqual([1, 2, 3, 4, 5])
  })

  it('hide KMIP detail by kind of event', () => {
    const f = { ...SHOW_ALL, groups: SHOW_ALL.groups.filter((g) => g !== 'kmip') }
    expect(visibleSeqs(events, f)).toEqual([3, 4, 5])
  })

  it('keep events of one component, from or to it', () => {
    expect(visibleSeqs(events, { ...SHOW_ALL, components: ['host:h'] })).toEqual([3, 4, 5])
  })

  it('keep events carrying a key type, and events without keys only when asked', () => {
    expect(visibleSeqs(events, { ...SHOW_ALL, keyTypes: ['kek'] })).toEqual([2, 3])
    expect(visibleSeqs(events, { ...SHOW_ALL, keyTypes: ['oneTimeKey', 'none'] })).toEqual([1, 4, 5])
    expect(isVisible(events[0], { ...SHOW_ALL, keyTypes: [] })).toBe(false)
  })

  it('put every event kind in a group', () => {
    const all = Object.values(KIND_GROUPS).flat()
    expect(new Set(all).size).toBe(all.length)
    expect(kindGroup('fault')).toBe('faults')
    expect(kindGroup('unknown')).toBeNull()
  })

  it('find the neighbours of a seq among the visible ones', () => {
    const seqs = [2, 5, 9]
    expect(nextIn(seqs, 0)).toBe(2)
    expect(nextIn(seqs, 5)).toBe(9)
    expect(nextIn(seqs, 9)).toBeNull()
    expect(prevIn(seqs, 5)).toBe(2)
    expect(prevIn(seqs, 2)).toBeNull()
    expect(visibleAtOrBefore(seqs, 5)).toBe(5)
    expect(visibleAtOrBefore(seqs, 8)).toBe(5)
  })
})
