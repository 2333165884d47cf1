// The main window and its options. The renderer gets no Node.js, runs sandboxed and context-isolated, and reaches
// the lab only through the preload's named functions. The preload is registered on the app's session
// (`preloadRegistration`), not per window, so no window can be created with another one. The options are written out literally where the window is
// constructed, because static checkers (Electronegativity) read them only there; the BrowserWindow class is passed
// in so unit tests capture the very same options without Electron and check them with `webPreferencesProblems`.

import type { BrowserWindowConstructorOptions, PreloadScriptRegistration, WebPreferences } from 'electron'

export type BrowserWindowClass<W> = new (options: BrowserWindowConstructorOptions) => W

/** The sandboxed preload for every frame of the app's session: the CommonJS bundle (a sandbox cannot load ESM). */
export function preloadRegistration(preloadPath: string): PreloadScriptRegistration {
  if (!preloadPath.endsWith('.cjs')) throw new Error(`the preload must be the CommonJS bundle, not ${preloadPath}`)
  return { type: 'frame', id: 'keyflow-lab-preload', filePath: preloadPath }
}

export function createMainWindow<W>(BrowserWindow: BrowserWindowClass<W>, iconPath?: string): W {
  return new BrowserWindow({
    title: 'KeyFlow Lab',
    width: 1400,
    height: 900,
    minWidth: 900,
    minHeight: 600,
    // Shown once the first frame is ready, so the window never flashes empty.
    show: false,
    backgroundColor: '#f6f7f9',
    ...(iconPath ? { icon: iconPath } : {}),
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      // Middle-click would otherwise try to open links in new windows (denied anyway by the window-open handler).
      disableBlinkFeatures: 'Auxclick',
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true
    }
  })
}

/**
 * The presenter's notes window (View → Presenter Notes Window): the notes, the next step and a clock on the
 * presenter's own screen, never on the beamer. Exactly the main window's guard rails, written out again for the same
 * reason; it shows the app's /notes page, which follows the main window over a BroadcastChannel of the app's origin
 * and calls nothing over IPC (the trust check refuses any call from it: only the main window may drive the lab).
 */
export function createNotesWindow<W>(BrowserWindow: BrowserWindowClass<W>, iconPath?: string): W {
  return new BrowserWindow({
    title: 'KeyFlow Lab — Presenter notes',
    width: 900,
    height: 700,
    minWidth: 480,
    minHeight: 360,
    show: false,
    backgroundColor: '#f6f7f9',
    ...(iconPath ? { icon: iconPath } : {}),
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true
    }
  })
}

/** Every way these preferences weaken the window, as readable reasons (empty when safe). */
export function webPreferencesProblems(prefs: WebPreferences | undefined): string[] {
  const p = prefs ?? {}
  const problems: string[] = []
  if (p.contextIsolation !== true) problems.push('contextIsolation must be true')
  if (p.sandbox !== true) problems.push('sandbox must be true')
  if (p.nodeIntegration !== false) problems.push('nodeIntegration must be false')
  if (p.nodeIntegrationInWorker === true) problems.push('nodeIntegrationInWorker must not be enabled')
  if (p.nodeIntegrationInSubFrames === true) problems.push('nodeIntegrationInSubFrames must not be enabled')
  if (p.webSecurity !== true) problems.push('webSecurity must be true')
  if (p.allowRunningInsecureContent === true) problems.push('allowRunningInsecureContent must not be enabled')
  if (p.experimentalFeatures === true) problems.push('experimentalFeatures must not be enabled')
  if (p.enableBlinkFeatures) problems.push('enableBlinkFeatures must not be set')
  if (p.webviewTag === true) problems.push('webviewTag must not be enabled')
  if (p.preload) problems.push('no per-window preload: the app registers its one preload on the session')
  return problems
}
