import { describe, expect, it } from 'vitest'
import { labApiMethods, type LabApiMethod } from '../../../shared/api/contract'
import { createLabApiClient, LabApiError } from '../../../shared/api/client'
import type { CallOutcome } from '../../../shared/api/dispatch'

describe('createLabApiClient', () => {
  it('offers every contract method plus subscribe, and sends each with its own name', async () => {
    const sent: { method: LabApiMethod; args: unknown[] }[] = []
    const client = createLabApiClient(
      async (method, args) => {
        sent.push({ method, args })
        return { ok: true, result: method }
      },
      () => () => {}
    )
    expect(Object.keys(client).sort()).toEqual([...labApiMethods, 'subscribe'].sort())
    expect(await client.rewind(4)).toBe('rewind')
    expect(await client.readFile('host:a', '/var/core/x')).toBe('readFile')
    expect(await client.getTimeline()).toBe('getTimeline')
    expect(await client.getTimeline({ recent: 50 })).toBe('getTimeline')
    expect(await client.getHistory(10, 60)).toBe('getHistory')
    expect(sent).toEqual([
      { method: 'rewind', args: [4] },
      { method: 'readFile', args: ['host:a', '/var/core/x'] },
      // no options: no argument at all, as the host's validation expects
      { method: 'getTimeline', args: [] },
      { method: 'getTimeline', args: [{ recent: 50 }] },
      { method: 'getHistory', args: [10, 60] }
    ])
  })

  it('rejects with LabApiError carrying the message and reference', async () => {
    const outcome: CallOutcome = { ok: false, error: { message: 'rewind: no event 9', message_ref: { id: 'fault.vcenterDown', params: {} } } }
    const client = createLabApiClient(async () => outcome, () => () => {})
    const err = await client.rewind(9).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(LabApiError)
    expect((err as LabApiError).message).toBe('rewind: no event 9')
    expect((err as LabApiError).messageRef).toEqual({ id: 'fault.vcenterDown', params: {} })
  })
})
