// The desktop app's main process: serves the window from app://, hardens every webContents, runs the lab host and
// wires it to the window over the typed IPC contract; native menu, file dialogs, autosave and crash recovery.

import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session } from 'electron'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { LabHost } from '../node/host/labHost'
import { autosaveError } from '../node/labFile/fileErrors'
import { Sharing } from '../node/web/sharing'
import { APP_ENTRY_URL, APP_NOTES_URL, APP_SCHEME, devServerOrigin } from './appOrigin'
import { createAppRequestHandler } from './appProtocol'
import { Autosave, type Recoverable } from './autosave'
import { createChoosePath } from './dialogs'
import { forwardPushes, menuRequests, refuseRendererPaths, registerLabIpc } from './ipc'
import { createNativeMenu, withMenuLanguage, type NativeMenu } from './nativeMenu'
import { dialogText, errorText, type DialogStringKey } from './dialogText'
import type { Language } from '../shared/i18n/message'
import { languageFor } from '../shared/i18n/shellStrings'
import { hardenSession, hardenWebContents } from './security'
import { isAppPage, isTrustedSender, senderInfo } from './trust'
import { createMainWindow, createNotesWindow, preloadRegistration } from './window'

// Must happen before `ready`: app:// behaves like https (secure context, fetch, a real origin) without bypassing CSP.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }])
app.enableSandbox()

const here = import.meta.dirname
const rendererDir = join(here, '../renderer')
const preloadPath = join(here, '../preload/index.cjs')
const devOrigin = app.isPackaged ? null : devServerOrigin(process.env.ELECTRON_RENDERER_URL)
// Tests run each launch in a fresh profile; never honoured by a packaged app.
if (!app.isPackaged && process.env.KEYFLOW_USER_DATA_DIR) app.setPath('userData', process.env.KEYFLOW_USER_DATA_DIR)

let win: BrowserWindow | null = null
/** The presenter's notes window, while open. */
let notesWin: BrowserWindow | null = null
/** The application menu, once the app is ready. */
let nativeMenu: NativeMenu | null = null

app.on('web-contents-created', (_event, contents) => hardenWebContents(contents))

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    if (win?.isMinimized()) win.restore()
    win?.focus()
  })
  app.whenReady().then(start, fatal)
}

/** The language of the app's own menu and dialogs: the window's once it reported it, the system's before. */
function language(): Language {
  return nativeMenu?.language ?? languageFor(app.getLocale())
}

function fatal(error: unknown): void {
  dialog.showErrorBox(dialogText(language(), 'start.failed'), error instanceof Error ? (error.stack ?? error.message) : String(error))
  app.exit(1)
}

function showError(title: DialogStringKey, error: unknown): void {
  dialog.showErrorBox(dialogText(language(), title), errorText(language(), error))
}

async function start(): Promise<void> {
  hardenSession(session.defaultSession, devOrigin)
  session.defaultSession.registerPreloadScript(preloadRegistration(preloadPath))
  protocol.handle(APP_SCHEME, createAppRequestHandler(rendererDir))

  // The host asks through this when a save or open has no path; remember a cancel so menus can stay quiet about it.
  const choose = createChoosePath(() => win, language)
  let lastChoiceCancelled = false
  const choosePath = async (purpose: 'save' | 'open', suggested: string) => {
    const path = await choose(purpose, suggested)
    lastChoiceCancelled = path === null
    return path
  }
  const host = await LabHost.create({ choosePath })

  const autosave = new Autosave({
    dir: app.getPath('userData'),
    source: host,
    onError: (e, first) => {
      console.error('autosave failed:', e)
      if (first) warnAutosaveFailed(e)
    }
  })
  const recoverable = await autosave.findRecoverable()
  if (recoverable && (await askToRecover(recoverable))) {
    try {
      await host.recover(recoverable.path)
    } catch (e) {
      // The new session autosaves at once: keep the only copy of the old one under another name first.
      const kept = await autosave.setAside(recoverable.path).catch(() => null)
      const why = errorText(language(), e)
      showError('recover.failed', kept ? `${why}\n${dialogText(language(), 'recover.keptAs', { path: kept })}` : why)
    }
  }
  await autosave.begin()

  // Follow along: off until the presenter starts it from File → Share with the room (on the address they choose);
  // the window reports its step and sees the sharing status through the same IPC contract.
  const sharing = new Sharing({ api: host, rendererDir, log: (line) => console.warn(`follow along: ${line}`) })
  const presenterApi = sharing.presenterApi()

  const fileAction = (action: () => Promise<unknown>, title: DialogStringKey) => () => {
    lastChoiceCancelled = false
    action().catch((e) => {
      if (!lastChoiceCancelled) showError(title, e)
    })
  }
  // Items the window carries out itself: New and Open go through its question about unsaved changes.
  const showsApp = () => win !== null && isAppPage(win.webContents.getURL(), devOrigin)
  const askWindow = menuRequests(() => win?.webContents ?? null, showsApp)
  // The system's language until the window reports its own (the window starts from the same guess).
  nativeMenu = createNativeMenu(
    {
      newLab: askWindow('newLab'),
      openLab: askWindow('openLab'),
      saveLab: fileAction(() => host.saveLab({}), 'save.failed'),
      saveLabAs: fileAction(async () => {
        const path = await choosePath('save', (await host.getTimeline()).file.name)
        if (path) await host.saveLab({ path })
      }, 'save.failed'),
      shareWithRoom: () => sharing.showPanel(),
      togglePresenter: askWindow('presenter'),
      openNotes: openNotesWindow
    },
    { isMac: process.platform === 'darwin', devTools: !app.isPackaged, language: languageFor(app.getLocale()) },
    (template) => Menu.setApplicationMenu(Menu.buildFromTemplate(template))
  )

  registerLabIpc(ipcMain, withMenuLanguage(presenterApi, nativeMenu), {
    isTrusted: (event) => isTrustedSender(senderInfo(event), win ? win.webContents.id : null, devOrigin),
    refuse: refuseRendererPaths,
    onFailure: (method, message) => console.warn(`lab API ${method} failed: ${message}`)
  })
  forwardPushes(presenterApi, () => win?.webContents ?? null, showsApp)

  // After every window closed (and agreed to close): finish the autosave and mark the session as ended cleanly.
  let cleanedUp = false
  app.on('will-quit', (event) => {
    if (cleanedUp) return
    event.preventDefault()
    Promise.all([autosave.end(), sharing.dispose()])
      .catch((e) => console.error('autosave or sharing could not finish:', e))
      .finally(() => {
        cleanedUp = true
        app.quit()
      })
  })
  app.on('window-all-closed', () => app.quit())

  createWindow(host, choosePath)
}

/** The presenter's notes in their own window (one at a time), on the app's /notes page. */
function openNotesWindow(): void {
  if (notesWin) {
    notesWin.show()
    notesWin.focus()
    return
  }
  const window = createNotesWindow(BrowserWindow)
  notesWin = window
  window.once('ready-to-show', () => window.show())
  window.on('closed', () => {
    if (notesWin === window) notesWin = null
  })
  void window.loadURL(devOrigin && process.env.ELECTRON_RENDERER_URL ? new URL('/notes', process.env.ELECTRON_RENDERER_URL).href : APP_NOTES_URL)
}

function createWindow(host: LabHost, choosePath: (purpose: 'save' | 'open', suggested: string) => Promise<string | null>): void {
  const devIcon = join(here, '../../build/icon.png')
  const window = createMainWindow(BrowserWindow, !app.isPackaged && existsSync(devIcon) ? devIcon : undefined)
  win = window
  window.once('ready-to-show', () => window.show())
  window.on('closed', () => {
    if (win === window) win = null
    // The notes follow the main window; without it they have nothing to follow.
    notesWin?.close()
  })

  // Unsaved work: ask before the window goes (autosave covers crashes, not a deliberate close).
  let closeApproved = false
  window.on('close', (event) => {
    if (closeApproved) return
    event.preventDefault()
    void confirmClose(window, host, choosePath).then((ok) => {
      if (!ok) return
      closeApproved = true
      window.close()
    })
  })

  void window.loadURL(devOrigin && process.env.ELECTRON_RENDERER_URL ? process.env.ELECTRON_RENDERER_URL : APP_ENTRY_URL)
}

async function confirmClose(window: BrowserWindow, host: LabHost, choosePath: (purpose: 'save' | 'open', suggested: string) => Promise<string | null>): Promise<boolean> {
  const { file } = await host.getTimeline()
  if (!file.dirty) return true
  const { response } = await dialog.showMessageBox(window, {
    type: 'question',
    buttons: [dialogText(language(), 'close.save'), dialogText(language(), 'close.discard'), dialogText(language(), 'close.cancel')],
    defaultId: 0,
    cancelId: 2,
    message: dialogText(language(), 'close.message', { name: file.name }),
    detail: dialogText(language(), 'close.detail')
  })
  if (response === 2) return false
  if (response === 1) return true
  try {
    const path = file.path ?? (await choosePath('save', file.name))
    if (!path) return false
    await host.saveLab({ path })
    return true
  } catch (e) {
    showError('save.failed', e)
    return false
  }
}

/** Tells the person, without blocking the app, that their changes are not autosaved until they save or it works again. */
function warnAutosaveFailed(error: unknown): void {
  const title = dialogText(language(), 'autosave.failed')
  const options = { type: 'warning' as const, title, message: title, detail: errorText(language(), autosaveError(error)) }
  void (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options)).catch(() => undefined)
}

async function askToRecover(r: Recoverable): Promise<boolean> {
  const { response } = await dialog.showMessageBox({
    type: 'question',
    buttons: [dialogText(language(), 'recover.yes'), dialogText(language(), 'recover.no')],
    defaultId: 0,
    cancelId: 1,
    title: dialogText(language(), 'recover.title'),
    message: dialogText(language(), 'recover.message'),
    detail: dialogText(language(), 'recover.detail', { time: r.savedAt.toLocaleString(language() === 'de' ? 'de-DE' : 'en-GB') })
  })
  return response === 0
}
