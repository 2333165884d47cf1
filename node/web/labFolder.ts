// Which files the test host's window may name. The desktop window names none (the native dialog chooses, see
// electron/ipc.ts); a browser has no such dialog, so the person starting the host names a folder with `--labs DIR`
// and the window may save and open lab files inside it, and nowhere else. Without the folder, paths are refused.
// A refused path is refused before the disk is touched and with the same words whether it exists or not, so the
// window cannot use saveLab/openLab to learn which files exist or to overwrite one outside the folder.

import { realpath } from 'node:fs/promises'
import { basename, dirname, isAbsolute, relative, resolve, sep } from 'node:path'
import { labApiMethods, type LabApi } from '../../shared/api/contract'

export const NO_LAB_FOLDER = 'the window cannot name a file path here: start the test host with --labs DIR to save and open labs in DIR'
export const OUTSIDE_LAB_FOLDER = 'the path is not a lab file inside the folder given with --labs'

const LAB_FILE = /^[^\0-\x1f\\/]{1,200}\.kflab$/

function inside(folder: string, path: string): boolean {
  const rel = relative(folder, path)
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) && !rel.includes(sep)
}

/** The real path of `requested` when it names a `.kflab` file directly in `folder` (links followed); else an Error. */
export async function labFilePath(folder: string | null, requested: string): Promise<string> {
  if (folder === null) throw new Error(NO_LAB_FOLDER)
  const root = await realpath(folder)
  const path = resolve(root, requested)
  if (!inside(root, path) || !LAB_FILE.test(basename(path))) throw new Error(OUTSIDE_LAB_FOLDER)
  // A link in the folder may point anywhere: follow it and check again. A file that does not exist yet is fine
  // (save creates it); its folder is the root, already real.
  let real: string
  try {
    real = await realpath(path)
  } catch {
    return path
  }
  if (!inside(root, real) || dirname(real) !== root) throw new Error(OUTSIDE_LAB_FOLDER)
  return real
}

/** `api` whose saveLab/openLab accept a path only inside `folder` (see labFilePath). */
export function confineLabPaths(api: LabApi, folder: string | null): LabApi {
  const delegated = Object.fromEntries([...labApiMethods, 'subscribe' as const].map((m) => [m, api[m]?.bind(api)])) as unknown as LabApi
  return {
    ...delegated,
    saveLab: async (options: { path?: string }) => api.saveLab(options.path === undefined ? options : { path: await labFilePath(folder, options.path) }),
    openLab: async (options: { path?: string }) => api.openLab(options.path === undefined ? options : { path: await labFilePath(folder, options.path) })
  }
}
