// The main window and its options. The renderer gets no Node.js, runs sandboxed and context-isolated, and reaches
// the lab only through the preload's named functions. The options are written out literally where the window is
// constructed, because static checkers (Electronegativity) read them only there; the BrowserWindow class is passed
// in so unit tests capture the very same options without Electron and check them with `webPreferencesProblems`.

import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron'

export type BrowserWindowClass<W> = new (options: BrowserWindowConstructorOptions) => W

export function createMainWindow<W>(BrowserWindow: BrowserWindowClass<W>, preloadPath: string, iconPath?: string): W {
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
      preload: preloadPath,
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
  if (!p.preload || !p.preload.endsWith('.cjs')) problems.push('the preload must be the CommonJS bundle (a sandboxed preload cannot be an ES module)')
  return problems
}
