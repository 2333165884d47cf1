import { describe, expect, it } from 'vitest'
import { count } from '../../../node/cli/count'

describe('count (the command line\'s English counts)', () => {
  it('names one thing in the singular and every other number in the plural', () => {
    expect(count(0, 'step')).toBe('0 steps')
    expect(count(1, 'event')).toBe('1 event')
    expect(count(2, 'connection')).toBe('2 connections')
    expect(count(1, 'key safe', 'key safes')).toBe('1 key safe')
  })
})
