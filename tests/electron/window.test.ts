import { describe, expect, it } from 'vitest'
import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron'
import { createMainWindow, createNotesWindow, preloadRegistration, webPreferencesProblems } from '../../electron/window'

const PRELOAD = '/app/out/preload/index.cjs'

/** Stands in for Electron's BrowserWindow and keeps the options the app passes. */
class CapturingWindow {
  static last: BrowserWindowConstructorOptions | null = null
  constructor(readonly options: BrowserWindowConstructorOptions) {
    CapturingWindow.last = options
  }
}

function mainWindowOptions(icon?: string): BrowserWindowConstructorOptions {
  return createMainWindow(CapturingWindow, icon).options
}

describe('the main window', () => {
  const prefs = mainWindowOptions().webPreferences!

  it('isolates, sandboxes and strips Node.js from the renderer', () => {
    expect(prefs.contextIsolation).toBe(true)
    expect(prefs.sandbox).toBe(true)
    expect(prefs.nodeIntegration).toBe(false)
    expect(prefs.nodeIntegrationInWorker).toBe(false)
    expect(prefs.nodeIntegrationInSubFrames).toBe(false)
    expect(prefs.webSecurity).toBe(true)
  })

  it('enables nothing risky', () => {
    expect(prefs.allowRunningInsecureContent).toBe(false)
    expect(prefs.experimentalFeatures).toBe(false)
    expect(prefs.webviewTag).toBe(false)
    expect(prefs.enableBlinkFeatures).toBeUndefined()
    expect(prefs.disableBlinkFeatures).toBe('Auxclick')
  })

  it('has no per-window preload: the CommonJS bundle is registered once on the session for every frame', () => {
    expect(prefs.preload).toBeUndefined()
    expect(preloadRegistration(PRELOAD)).toEqual({ type: 'frame', id: 'keyflow-lab-preload', filePath: PRELOAD })
    expect(() => preloadRegistration('/app/out/preload/index.mjs')).toThrow(/CommonJS/)
  })

  it('passes the safety check', () => {
    expect(webPreferencesProblems(prefs)).toEqual([])
  })

  it('starts hidden and takes the icon only when given', () => {
    expect(mainWindowOptions().show).toBe(false)
    expect(mainWindowOptions().icon).toBeUndefined()
    expect(mainWindowOptions('/build/icon.png').icon).toBe('/build/icon.png')
  })
})

describe('the presenter notes window', () => {
  const options = createNotesWindow(CapturingWindow).options

  it('has exactly the main window’s guard rails and passes the safety check', () => {
    expect(options.webPreferences).toEqual(mainWindowOptions().webPreferences)
    expect(webPreferencesProblems(options.webPreferences)).toEqual([])
  })

  it('starts hidden and is smaller than the main window', () => {
    expect(options.show).toBe(false)
    expect(options.width!).toBeLessThan(mainWindowOptions().width!)
    expect(options.title).toMatch(/Presenter notes/)
  })
})

describe('webPreferencesProblems', () => {
  const safe = mainWindowOptions().webPreferences!
  // Each flip of one flag must be caught: this is what keeps a careless edit of window.ts from passing the suite.
  const flips: [string, Partial<WebPreferences>, RegExp][] = [
    ['contextIsolation off', { contextIsolation: false }, /contextIsolation/],
    ['contextIsolation unset', { contextIsolation: undefined }, /contextIsolation/],
    ['sandbox off', { sandbox: false }, /sandbox/],
    ['sandbox unset', { sandbox: undefined }, /sandbox/],
    ['nodeIntegration on', { nodeIntegration: true }, /nodeIntegration must be false/],
    ['nodeIntegration unset', { nodeIntegration: undefined }, /nodeIntegration must be false/],
    ['nodeIntegrationInWorker on', { nodeIntegrationInWorker: true }, /nodeIntegrationInWorker/],
    ['nodeIntegrationInSubFrames on', { nodeIntegrationInSubFrames: true }, /nodeIntegrationInSubFrames/],
    ['webSecurity off', { webSecurity: false }, /webSecurity/],
    ['allowRunningInsecureContent on', { allowRunningInsecureContent: true }, /allowRunningInsecureContent/],
    ['experimentalFeatures on', { experimentalFeatures: true }, /experimentalFeatures/],
    ['enableBlinkFeatures set', { enableBlinkFeatures: 'CSSPseudoHas' }, /enableBlinkFeatures/],
    ['webviewTag on', { webviewTag: true }, /webviewTag/],
    ['a per-window preload', { preload: '/app/out/preload/index.mjs' }, /per-window preload/]
  ]

  for (const [name, change, reason] of flips) {
    it(`catches ${name}`, () => {
      const problems = webPreferencesProblems({ ...safe, ...change })
      expect(problems).toHaveLength(1)
      expect(problems[0]).toMatch(reason)
    })
  }

  it('treats missing preferences as unsafe', () => {
    expect(webPreferencesProblems(undefined).length).toBeGreaterThanOrEqual(4)
  })
})
