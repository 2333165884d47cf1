// `npm start` / `npm run dev`: runs the app in Electron through electron-vite (`preview` builds first; `dev`
// serves the renderer with hot reload). Offline machines often have no Electron binary: then `npm start` says so in
// one line and runs the lab in the browser instead (the test host), rather than electron-vite's "Electron uninstall". A local Electron named by
// ELECTRON_OVERRIDE_DIST_PATH is handed to electron-vite (which reads ELECTRON_EXEC_PATH).
//   tsx scripts/start.ts preview|dev [electron-vite options]
import { spawn, spawnSync } from 'node:child_process'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { probeElectron } from './electronBinary'

const [mode = 'preview', ...rest] = process.argv.slice(2)
if (mode !== 'preview' && mode !== 'dev') {
  process.stderr.write('usage: tsx scripts/start.ts preview|dev [electron-vite options]\n')
  process.exit(2)
}
const root = fileURLToPath(new URL('..', import.meta.url))
const probe = probeElectron()
if (!probe.ok) {
  if (mode === 'dev') {
    process.stderr.write(`KeyFlow Lab cannot start the desktop app: ${probe.reason}. Set ELECTRON_OVERRIDE_DIST_PATH to an unpacked Electron 45, or run: npm run web\n`)
    process.exit(1)
  }
  process.stderr.write(
    `KeyFlow Lab: no desktop app here (${probe.reason}); starting the lab in your browser instead. ` +
      '(For the desktop app, set ELECTRON_OVERRIDE_DIST_PATH to an unpacked Electron 45.)\n'
  )
  process.exit(await startInBrowser())
}
const r = spawnSync(`${root}node_modules/.bin/electron-vite`, [mode, ...rest], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, ELECTRON_EXEC_PATH: probe.path }
})
process.exit(r.status ?? 1)

/** The browser build: builds if needed, starts the test host, prints its URL and opens it when a desktop is there. */
async function startInBrowser(): Promise<number> {
  const build = spawnSync(process.execPath, [`${root}scripts/ensure-build.mjs`], { cwd: root, stdio: 'inherit' })
  if (build.status !== 0) return build.status ?? 1
  const host = spawn(process.execPath, ['--import', 'tsx', `${root}node/web/testHost.ts`], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] })
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => host.kill(signal))
  createInterface({ input: host.stdout! }).once('line', (url) => {
    process.stdout.write(`Open the lab in your browser: ${url}\n`)
    const opener = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open'
    if (process.platform !== 'linux' || process.env.DISPLAY || process.env.WAYLAND_DISPLAY) {
      spawn(opener, [url], { stdio: 'ignore', detached: true }).on('error', () => undefined).unref()
    }
  })
  return new Promise((resolve) => host.once('close', (code) => resolve(code ?? 0)))
}
