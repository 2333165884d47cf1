// Saves that never leave a half-written file behind: write a temporary file beside the target, flush it to disk,
// rename it over the target (atomic on POSIX), then flush the directory so the rename itself survives a crash.
// Files are created 0600: lab files and key state hold key material. A save also removes the temporary files that
// earlier saves of the same target left when their process was killed mid-write.

import type { Stats } from 'node:fs'
import { copyFile, open, readdir, rename, rm, type FileHandle } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

/** Owner read/write only: lab files, key files and KMS state carry key material. */
export const PRIVATE_FILE_MODE = 0o600

const tempPrefix = (path: string) => `.${basename(path)}.`
const TEMP_PATTERN = /^(\d+)\.\d+\.\d+\.tmp$/
let tempCounter = 0

function alive(pid: number): boolean {
  if (pid === process.pid) return true
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Removes `.NAME.PID.TIME.N.tmp` files beside `path` whose writing process is gone (it was killed mid-save). */
export async function removeStaleTemps(path: string): Promise<string[]> {
  const dir = dirname(path)
  const prefix = tempPrefix(path)
  let names: string[]
  try {
    names = await readdir(dir)
  } catch {
    return []
  }
  const removed: string[] = []
  for (const name of names) {
    if (!name.startsWith(prefix)) continue
    const m = TEMP_PATTERN.exec(name.slice(prefix.length))
    if (!m || alive(Number(m[1]))) continue
    await rm(join(dir, name), { force: true })
    removed.push(name)
  }
  return removed
}

/**
 * Where a new file starts as a copy of another (a lab file saved again): the first `length` bytes of `path`, copied
 * by the kernel (`cp`'s way: copy_file_range on Linux), then written on from there.
 */
export interface StartFrom {
  path: string
  length: number
}

/**
 * Writes a file atomically through `fill`, which writes into the open temporary file (after `startFrom`'s bytes).
 * Returns the written file's status (its inode, size and time: how a later save knows it is still that file).
 */
export async function writeAtomic(path: string, fill: (fh: FileHandle) => Promise<void>, startFrom?: StartFrom): Promise<Stats> {
  await removeStaleTemps(path)
  const tmp = join(dirname(path), `${tempPrefix(path)}${process.pid}.${Date.now()}.${tempCounter++}.tmp`)
  let fh = await open(tmp, 'wx', PRIVATE_FILE_MODE)
  let written: Stats
  try {
    if (startFrom) {
      // The copy takes the source's mode (libuv copies it): back to 0600 at once. Callers copy only files that are
      // 0600 already (ByteSource.copySource, ContainerBase.copySource), so no other user could open the copy in between.
      await fh.close()
      await copyFile(startFrom.path, tmp)
      fh = await open(tmp, 'r+')
      await fh.chmod(PRIVATE_FILE_MODE)
      await fh.truncate(startFrom.length)
    }
    await fill(fh)
    await fh.sync()
    written = await fh.stat()
  } catch (e) {
    await fh.close().catch(() => undefined)
    await rm(tmp, { force: true })
    throw e
  }
  await fh.close()
  try {
    await rename(tmp, path)
  } catch (e) {
    await rm(tmp, { force: true })
    throw e
  }
  const dir = await open(dirname(path), 'r')
  try {
    await dir.sync()
  } finally {
    await dir.close()
  }
  return written
}

export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await writeAtomic(path, async (fh) => {
    await fh.writeFile(data)
  })
}
