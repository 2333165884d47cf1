// Opens a .kflab file for a command-line tool, with the file's own problems reported as usage errors.

import type { Lab } from '../../shared/lab/lab'
import { LabFileError } from '../../shared/labFile/labFileError'
import { labDeps } from '../host/labHost'
import { openLabPath } from '../labFile/labFileIo'
import { UsageError } from './usage'

export async function openLabFile(path: string): Promise<Lab> {
  try {
    return await openLabPath(path, (seed) => labDeps(seed))
  } catch (e) {
    if (e instanceof LabFileError) throw new UsageError(`${path}: ${e.message}`)
    const code = (e as NodeJS.ErrnoException).code
    if (code) throw new UsageError(`cannot read ${path}: ${code}`)
    throw e
  }
}
