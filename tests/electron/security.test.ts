import { EventEmitter } from 'node:events'
import { describe, expect, it } from 'vitest'
import type { Session, WebContents } from 'electron'
import { hardenSession, hardenWebContents, isAllowedRequest } from '../../electron/security'

class FakeContents extends EventEmitter {
  openHandler: (() => { action: string }) | null = null
  setWindowOpenHandler(h: () => { action: string }) {
    this.openHandler = h
  }
  /** Emits an event the way Electron does and reports whether a listener prevented it. */
  fire(name: string, ...args: unknown[]): boolean {
    let prevented = false
    this.emit(name, { preventDefault: () => (prevented = true) }, ...args)
    return prevented
  }
}

describe('hardenWebContents', () => {
  const c = new FakeContents()
  hardenWebContents(c as unknown as WebContents)

  it('blocks navigation, redirects and webviews', () => {
    expect(c.fire('will-navigate', 'https://example.com/')).toBe(true)
    expect(c.fire('will-navigate', 'app://lab/other.html')).toBe(true)
    expect(c.fire('will-frame-navigate', { url: 'https://example.com/' })).toBe(true)
    expect(c.fire('will-redirect', 'https://example.com/')).toBe(true)
    expect(c.fire('will-attach-webview', {}, { src: 'https://example.com/' })).toBe(true)
  })

  it('denies every new window', () => {
    expect(c.openHandler?.()).toEqual({ action: 'deny' })
  })
})

describe('hardenSession', () => {
  type Handler = (...args: never[]) => unknown
  const handlers: Record<string, Handler> = {}
  const fake = {
    setPermissionRequestHandler: (h: Handler) => (handlers.request = h),
    setPermissionCheckHandler: (h: Handler) => (handlers.check = h),
    setDevicePermissionHandler: (h: Handler) => (handlers.device = h),
    webRequest: { onBeforeRequest: (h: Handler) => (handlers.beforeRequest = h) }
  }
  hardenSession(fake as unknown as Session, null)

  it('denies all permission requests and checks', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      let granted: boolean | undefined
      ;(handlers.request as (wc: unknown, p: string, cb: (g: boolean) => void) => void)({}, permission, (g) => (granted = g))
      expect(granted, permission).toBe(false)
      expect((handlers.check as (wc: unknown, p: string) => boolean)({}, permission)).toBe(false)
    }
    expect((handlers.device as () => boolean)()).toBe(false)
  })

  it('cancels requests to anything but the app', () => {
    const decide = (url: string) => {
      let cancel: boolean | undefined
      ;(handlers.beforeRequest as (d: { url: string }, cb: (r: { cancel: boolean }) => void) => void)({ url }, (r) => (cancel = r.cancel))
      return cancel
    }
    expect(decide('app://lab/index.html')).toBe(false)
    expect(decide('https://example.com/x.js')).toBe(true)
    expect(decide('http://127.0.0.1:5696/')).toBe(true)
    expect(decide('file:///etc/passwd')).toBe(true)
  })
})

describe('isAllowedRequest', () => {
  it('allows the app, data: and devtools only', () => {
    expect(isAllowedRequest('app://lab/assets/a.js', null)).toBe(true)
    expect(isAllowedRequest('data:image/png;base64,AAAA', null)).toBe(true)
    expect(isAllowedRequest('devtools://devtools/bundled/inspector.html', null)).toBe(true)
    expect(isAllowedRequest('ws://127.0.0.1:5173/', null)).toBe(false)
    expect(isAllowedRequest('not a url', null)).toBe(false)
  })

  it('allows the dev server (http and its HMR socket) only when configured', () => {
    expect(isAllowedRequest('http://localhost:5173/src/main.tsx', 'http://localhost:5173')).toBe(true)
    expect(isAllowedRequest('ws://localhost:5173/', 'http://localhost:5173')).toBe(true)
    expect(isAllowedRequest('http://localhost:5174/', 'http://localhost:5173')).toBe(false)
    expect(isAllowedRequest('https://example.com/', 'http://localhost:5173')).toBe(false)
  })
})
