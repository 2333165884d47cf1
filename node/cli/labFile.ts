// Opens a .kflab file for a command-line tool, with the file's own problems reported as usage errors.

import { readFile } from 'node:fs/promises'
import type { Lab } from '../../shared/lab/lab'
import { LabFileError, loadLabFile, parseLabFile } from '../../shared/labFile/kflab'
import { labDeps } from '../host/labHost'
import { UsageError } from './usage'

export async function openLabFile(path: string): Promise<Lab> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (e) {
    throw new UsageError(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`)
  }
  try {
    return await loadLabFile(parseLabFile(text), (seed) => labDeps(seed))
  } catch (e) {
    if (e instanceof LabFileError) throw new UsageError(`${path}: ${e.message}`)
    throw e
  }
}
