// Builds the three parts of the desktop app from this repo's layout (not electron-vite's src/ convention):
//   electron/main.ts    → out/main/index.js     (ES module: package.json has "type": "module")
//   electron/preload.ts → out/preload/index.cjs (CommonJS: a sandboxed preload cannot be an ES module)
//   renderer/index.html → out/renderer/
import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'
import type { Plugin } from 'vite'

const root = import.meta.dirname

// The dev server injects inline code the CSP meta in index.html forbids: React Refresh's preamble script and the
// stylesheets as <style> elements (hot reload). Only while serving (never in a build) the meta allows inline
// scripts and styles; the built window keeps the strict policy.
function devCspForHotReload(): Plugin {
  return {
    name: 'keyflow:dev-csp',
    apply: 'serve',
    transformIndexHtml: (html) =>
      html.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
  }
}

export default defineConfig({
  main: {
    build: {
      outDir: resolve(root, 'out/main'),
      rolldownOptions: {
        input: { index: resolve(root, 'electron/main.ts') }
      }
    }
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      // Sandboxed preloads can require only a few Electron modules: bundle every dependency into the one file.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(root, 'electron/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' }
      }
    }
  },
  renderer: {
    root: resolve(root, 'renderer'),
    build: {
      // electron-vite leaves the renderer unminified; minified, the window parses and starts ~2.5× less code (the
      // benchmark's time to an interactive graph). KEYFLOW_NO_MINIFY=1 keeps names readable for CPU profiles.
      minify: !process.env.KEYFLOW_NO_MINIFY,
      outDir: resolve(root, 'out/renderer'),
      rolldownOptions: {
        input: { index: resolve(root, 'renderer/index.html') }
      }
    },
    plugins: [react(), devCspForHotReload()]
  }
})
