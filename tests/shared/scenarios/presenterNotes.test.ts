import { describe, expect, it } from 'vitest'
import { scenarios } from '../../../shared/scenarios'
import { objectivesOf } from '../../../shared/scenarios/objectives'
import { notesOf, presenterNotes } from '../../../shared/scenarios/presenterNotes'

describe('presenter notes', () => {
  it('exist for every lesson in English and German, each beside one of its objectives or opening it', () => {
    expect(Object.keys(presenterNotes).sort()).toEqual(scenarios.map((s) => s.id).sort())
    for (const s of scenarios) {
      const notes = notesOf(s.id)
      const ids = new Set(objectivesOf(s.id).map((o) => o.id))
      expect(notes.length, s.id).toBeGreaterThanOrEqual(3)
      for (const n of notes) {
        expect(n.objective === null || ids.has(n.objective), `${s.id}: ${n.objective}`).toBe(true)
        expect(n.text.en.trim(), s.id).not.toBe('')
        expect(n.text.de.trim(), s.id).not.toBe('')
      }
    }
    expect(notesOf('no-such-lesson')).toEqual([])
  })
})
