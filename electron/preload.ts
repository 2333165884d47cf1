// Runs in the sandboxed renderer before the page: exposes `window.labApi` (named functions only) and nothing else.
// Built as CommonJS (out/preload/index.cjs) because a sandboxed preload cannot be an ES module.

import { contextBridge, ipcRenderer } from 'electron'
import { createPreloadApi } from './preloadApi'

contextBridge.exposeInMainWorld('labApi', createPreloadApi(ipcRenderer))
