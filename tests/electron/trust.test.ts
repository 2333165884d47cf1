import { describe, expect, it } from 'vitest'
import { APP_ENTRY_URL, APP_NOTES_URL, devServerOrigin, isAppUrl } from '../../electron/appOrigin'
import { isAppPage, isTrustedSender, senderInfo, type SenderInfo } from '../../electron/trust'

describe('isAppUrl', () => {
  it('accepts only the app origin', () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true)
    expect(isAppUrl('app://lab/assets/index.js')).toBe(true)
    for (const url of [
      'app://lab.evil.example/index.html',
      'app://evil/index.html',
      'app://user@lab/index.html',
      'file:///app/out/renderer/index.html',
      'http://lab/index.html',
      'https://example.com/app://lab/',
      'app:lab',
      '',
      'not a url',
      null,
      undefined
    ]) {
      expect(isAppUrl(url), String(url)).toBe(false)
    }
  })
})

describe('isTrustedSender', () => {
  const ours: SenderInfo = { webContentsId: 7, frameUrl: 'app://lab/index.html', isMainFrame: true }

  it('trusts the main frame of our window showing the app', () => {
    expect(isTrustedSender(ours, 7)).toBe(true)
  })

  it('refuses another webContents', () => {
    expect(isTrustedSender({ ...ours, webContentsId: 8 }, 7)).toBe(false)
  })

  it('refuses the presenter notes window: the app’s own origin, but not the window that drives the lab', () => {
    expect(isTrustedSender({ webContentsId: 9, frameUrl: APP_NOTES_URL, isMainFrame: true }, 7)).toBe(false)
  })

  it('refuses when there is no window yet', () => {
    expect(isTrustedSender(ours, null)).toBe(false)
  })

  it('refuses subframes, even of the app origin', () => {
    expect(isTrustedSender({ ...ours, isMainFrame: false }, 7)).toBe(false)
  })

  it('refuses a frame that is gone or shows another origin', () => {
    expect(isTrustedSender({ ...ours, frameUrl: null }, 7)).toBe(false)
    expect(isTrustedSender({ ...ours, frameUrl: 'https://attacker.example/' }, 7)).toBe(false)
    expect(isTrustedSender({ ...ours, frameUrl: 'file:///etc/passwd' }, 7)).toBe(false)
  })

  it('accepts the dev server only when it is configured', () => {
    const dev = { ...ours, frameUrl: 'http://localhost:5173/' }
    expect(isTrustedSender(dev, 7)).toBe(false)
    expect(isTrustedSender(dev, 7, 'http://localhost:5173')).toBe(true)
    expect(isTrustedSender({ ...dev, frameUrl: 'http://localhost:5174/' }, 7, 'http://localhost:5173')).toBe(false)
    expect(isAppPage('garbage', 'http://localhost:5173')).toBe(false)
  })
})

describe('senderInfo', () => {
  it('reads the main frame from an IPC event', () => {
    expect(senderInfo({ sender: { id: 3 }, senderFrame: { url: 'app://lab/', parent: null } })).toEqual({ webContentsId: 3, frameUrl: 'app://lab/', isMainFrame: true })
  })
  it('marks subframes and vanished frames', () => {
    expect(senderInfo({ sender: { id: 3 }, senderFrame: { url: 'app://lab/', parent: {} } }).isMainFrame).toBe(false)
    expect(senderInfo({ sender: { id: 3 }, senderFrame: null })).toEqual({ webContentsId: 3, frameUrl: null, isMainFrame: false })
  })
})

describe('devServerOrigin', () => {
  it('accepts only loopback http(s) URLs', () => {
    expect(devServerOrigin('http://localhost:5173/')).toBe('http://localhost:5173')
    expect(devServerOrigin('http://127.0.0.1:5173')).toBe('http://127.0.0.1:5173')
    expect(devServerOrigin('http://example.com:5173')).toBeNull()
    expect(devServerOrigin('file:///tmp/index.html')).toBeNull()
    expect(devServerOrigin(undefined)).toBeNull()
    expect(devServerOrigin('::')).toBeNull()
  })
})
