// `npm start` / `npm run dev`: runs the app in Electron through electron-vite (`preview` builds first; `dev`
// serves the renderer with hot reload). Offline machines often have no Electron binary: then this says so plainly
// and how to fix it, instead of electron-vite's "Electron uninstall". A local Electron named by
// ELECTRON_OVERRIDE_DIST_PATH is handed to electron-vite (which reads ELECTRON_EXEC_PATH).
//   tsx scripts/start.ts preview|dev [electron-vite options]
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { probeElectron } from './electronBinary'

const [mode = 'preview', ...rest] = process.argv.slice(2)
if (mode !== 'preview' && mode !== 'dev') {
  process.stderr.write('usage: tsx scripts/start.ts preview|dev [electron-vite options]\n')
  process.exit(2)
}
const probe = probeElectron()
if (!probe.ok) {
  process.stderr.write(
    [
      `KeyFlow Lab cannot start the desktop app: ${probe.reason}.`,
      'Point ELECTRON_OVERRIDE_DIST_PATH at an unpacked Electron 45 (the folder holding the `electron` executable), e.g.',
      '  ELECTRON_OVERRIDE_DIST_PATH=/opt/electron-v45.5.0-linux-x64 npm start',
      'or run the lab in a browser instead: npm run web',
      ''
    ].join('\n')
  )
  process.exit(1)
}
const root = fileURLToPath(new URL('..', import.meta.url))
const r = spawnSync(`${root}node_modules/.bin/electron-vite`, [mode, ...rest], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, ELECTRON_EXEC_PATH: probe.path }
})
process.exit(r.status ?? 1)
