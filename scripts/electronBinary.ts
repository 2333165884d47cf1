// Where the Electron binary is, resolved the way `require('electron')` resolves it (ELECTRON_OVERRIDE_DIST_PATH,
// else node_modules/electron/dist), but without letting it start a download (this machine is offline); optionally
// also whether a display is there to show a window. Either a path to launch, or the reason Electron cannot run.

import { spawnSync } from 'node:child_process'
import { accessSync, constants, existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

export type ElectronProbe = { ok: true; path: string } | { ok: false; reason: string }

export function probeElectron(options: { needDisplay?: boolean; env?: NodeJS.ProcessEnv } = {}): ElectronProbe {
  const env = options.env ?? process.env
  const require = createRequire(import.meta.url)
  let pkgDir: string
  try {
    pkgDir = dirname(require.resolve('electron/package.json'))
  } catch {
    return { ok: false, reason: 'the electron package is not installed' }
  }
  const pathFile = join(pkgDir, 'path.txt')
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8') : null
  const candidate = env.ELECTRON_OVERRIDE_DIST_PATH ? join(env.ELECTRON_OVERRIDE_DIST_PATH, relative ?? 'electron') : relative ? join(pkgDir, 'dist', relative) : null
  if (!candidate || !existsSync(candidate)) {
    // require('electron') would try to download the binary here; report why it cannot be used instead.
    return { ok: false, reason: "no Electron binary (require('electron') throws: node_modules/electron has no dist; set ELECTRON_OVERRIDE_DIST_PATH to a local Electron)" }
  }
  // Now that the binary exists, require('electron') resolves without downloading: ask it, as Playwright would.
  const resolved = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], { cwd: dirname(pkgDir), env, encoding: 'utf8' })
  if (resolved.status !== 0) return { ok: false, reason: `require('electron') failed: ${resolved.stderr.trim().split('\n').find((l) => l.startsWith('Error')) ?? 'unknown error'}` }
  try {
    accessSync(resolved.stdout, constants.X_OK)
  } catch {
    return { ok: false, reason: `${resolved.stdout} is not executable` }
  }
  if (options.needDisplay && process.platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) return { ok: false, reason: 'no display (set DISPLAY, or run under xvfb-run)' }
  return { ok: true, path: resolved.stdout }
}
