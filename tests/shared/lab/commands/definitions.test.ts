import { describe, expect, it } from 'vitest'
import { narration } from '../../../../shared/i18n/narration'
import { definitions } from '../../../../shared/lab/commands/definitions'
import { commandMeta, commandOps } from '../../../../shared/lab/commands/definitions.meta'
import { commandSchema } from '../../../../shared/lab/commands/schema'

describe('the command definitions', () => {
  it('define each op of the window metadata once, under its own op', () => {
    expect(Object.keys(definitions)).toEqual(commandOps)
    for (const [op, definition] of Object.entries(definitions)) expect(definition.op).toBe(op)
  })

  it('name only narration ids the message catalog has', () => {
    const missing = Object.values(definitions).flatMap((d) => d.narration.filter((id) => !(id in narration)).map((id) => `${d.op}: ${id}`))
    expect(missing).toEqual([])
  })

  it('give each form field of the metadata an argument of the schema', () => {
    for (const op of commandOps) {
      const shape = definitions[op].schema.shape as Record<string, unknown>
      for (const field of commandMeta[op].fields) expect(Object.keys(shape), `${op}.${field.name}`).toContain(field.name)
    }
  })

  it('build the command language from the definitions: unknown keys and unknown ops are refused', () => {
    expect(commandSchema.safeParse({ op: 'vm.powerOn', name: 'vm1' }).success).toBe(true)
    expect(commandSchema.safeParse({ op: 'vm.powerOn', name: 'vm1', extra: 1 }).success).toBe(false)
    expect(commandSchema.safeParse({ op: 'vm.explode', name: 'vm1' }).success).toBe(false)
  })
})
