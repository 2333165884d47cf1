import { describe, expect, it } from 'vitest'
import { LabHost } from '../../../node/host/labHost'
import { logJson, logMarkdown } from '../../../renderer/src/files/exportLog'

describe('the exported event log', async () => {
  const host = await LabHost.create({ seed: 4 })
  await host.runCommand({ op: 'host.add', name: 'esx-01', cluster: 'c1' })
  await host.runCommand({ op: 'vm.powerOn', name: 'nope' })
  const t = await host.getTimeline()
  const input = { labName: 'demo.kflab', seed: 4, commands: t.commands, events: t.events }

  it('reads as Markdown: one section per command, one line per event, refusals quoted', () => {
    const md = logMarkdown({ ...input, lang: 'en' })
    expect(md).toMatch(/^# KeyFlow Lab event log/)
    expect(md).toContain('## 1. Add host — `host.add` esx-01 · c1')
    expect(md).toMatch(/\n1\. Datastore ds-c1 is shared by the hosts of cluster c1\./)
    expect(md).toMatch(/> Refused: NotFound: /)
    const de = logMarkdown({ ...input, lang: 'de' })
    expect(de).toContain('## 1. Host hinzufügen')
    expect(de).toContain('Startwert 4')
  })

  it('is JSON with the lab’s event fields and the sentence, without view patches', () => {
    const doc = JSON.parse(logJson({ ...input, lang: 'de' }))
    expect(doc.events).toHaveLength(t.events.length)
    expect(doc.events[0]).not.toHaveProperty('patches')
    expect(doc.events[0]).toMatchObject({ seq: 1, kind: 'component', sentence: expect.stringContaining('ds-c1') })
    expect(doc.commands[1].fault.fault).toBe('NotFound')
  })
})
