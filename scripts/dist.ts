// `npm run dist`: packages the app with electron-builder, offline. electron-builder would download Electron from
// GitHub; instead it takes the local unpacked Electron named by ELECTRON_OVERRIDE_DIST_PATH (the same variable
// `npm start` uses). tar.gz needs 7-Zip: Debian's p7zip-full (/usr/bin/7za) is used when present.
// Extra arguments go to electron-builder, e.g. `npm run dist -- --linux dir`.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { probeElectron } from './electronBinary'

const root = fileURLToPath(new URL('..', import.meta.url))
const electronDist = process.env.ELECTRON_OVERRIDE_DIST_PATH
const args = ['--config', 'electron-builder.yml', ...process.argv.slice(2)]
if (electronDist) {
  if (!existsSync(`${electronDist}/electron`)) {
    process.stderr.write(`ELECTRON_OVERRIDE_DIST_PATH=${electronDist} holds no "electron" executable: point it at an unpacked Electron 45 for Linux\n`)
    process.exit(1)
  }
  args.push(`-c.electronDist=${electronDist}`)
} else {
  // Without a local Electron, electron-builder downloads one (minutes offline, then a stack trace): stop now.
  const probe = probeElectron()
  if (!probe.ok) {
    process.stderr.write(`dist: cannot package: ${probe.reason}. Set ELECTRON_OVERRIDE_DIST_PATH to an unpacked Electron 45 for Linux\n`)
    process.exit(1)
  }
  args.push(`-c.electronDist=${dirname(probe.path)}`)
}
const env = { ...process.env }
if (!env.ELECTRON_BUILDER_7ZIP_PATH && existsSync('/usr/bin/7za')) env.ELECTRON_BUILDER_7ZIP_PATH = '/usr/bin/7za'

const build = spawnSync(process.execPath, [`${root}scripts/ensure-build.mjs`], { cwd: root, stdio: 'inherit' })
if (build.status !== 0) process.exit(build.status ?? 1)
const r = spawnSync(`${root}node_modules/.bin/electron-builder`, args, { cwd: root, stdio: 'inherit', env })
process.exit(r.status ?? 1)
