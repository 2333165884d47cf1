import { describe, expect, it } from 'vitest'
import { getLabApi, labSocketUrl, NoLabHostError } from '../../../renderer/src/api/getLabApi'
import { ScriptedLabApi } from '../../helpers/scriptedLabApi'

describe('getLabApi', () => {
  it('prefers the preload API of the desktop app', () => {
    const labApi = new ScriptedLabApi()
    expect(getLabApi({ labApi, location: { href: 'app://lab/index.html' } as Location })).toBe(labApi)
  })

  it('explains what to do when the page has no way to a lab host', () => {
    expect(() => getLabApi({ location: { href: 'http://127.0.0.1:5000/' } as Location })).toThrow(NoLabHostError)
    expect(() => getLabApi({ location: { href: 'http://127.0.0.1:5000/' } as Location })).toThrow(/npm run web/)
  })
})

describe('labSocketUrl', () => {
  it('points at /api on the same host with the token', () => {
    expect(labSocketUrl('http://127.0.0.1:5000/?token=abc123#x')).toBe('ws://127.0.0.1:5000/api?token=abc123')
    expect(labSocketUrl('https://lab.example/sub/index.html?token=a%2Bb')).toBe('wss://lab.example/api?token=a%2Bb')
    expect(labSocketUrl('http://127.0.0.1:5000/')).toBeNull()
  })
})
