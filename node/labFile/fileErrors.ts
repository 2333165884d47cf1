// What the system refused when a lab file was opened or saved by path (no such file, no permission, a full disk…),
// told as a LabFileError naming the file, so the window says it in the user's language. The system's own error
// stays attached as the cause (logs keep its errno text).

import type { MessageId } from '../../shared/i18n/narration'
import type { MessageRef } from '../../shared/lab/events'
import { StoredBytesChanged } from '../../shared/lab/files/storedBytesChanged'
import { LabFileError } from '../../shared/labFile/labFileError'

type Reason = Extract<MessageId, `labFile.io.${string}`>

const openReasons: Partial<Record<string, Reason>> = {
  ENOENT: 'labFile.io.notFound',
  ENOTDIR: 'labFile.io.notFound',
  EACCES: 'labFile.io.noReadPermission',
  EPERM: 'labFile.io.noReadPermission',
  EISDIR: 'labFile.io.isFolder'
}

const saveReasons: Partial<Record<string, Reason>> = {
  ENOENT: 'labFile.io.folderMissing',
  ENOTDIR: 'labFile.io.folderMissing',
  EACCES: 'labFile.io.noWritePermission',
  EPERM: 'labFile.io.noWritePermission',
  ENOSPC: 'labFile.io.diskFull',
  EDQUOT: 'labFile.io.diskFull',
  EROFS: 'labFile.io.readOnly',
  EISDIR: 'labFile.io.isFolder'
}

/** Why a file could not be read or written, as a sentence of the catalog. */
function reasonOf(e: unknown, reasons: Partial<Record<string, Reason>>): MessageRef {
  // Already told in the catalog (the file the lab's disks are in changed since it was opened).
  if (e instanceof StoredBytesChanged || e instanceof LabFileError) return e.messageRef
  const code = (e as NodeJS.ErrnoException | null)?.code
  if (typeof code === 'string') {
    const known = reasons[code]
    return known ? { id: known, params: {} } : { id: 'labFile.io.other', params: { code } }
  }
  return { id: 'labFile.io.unexpected', params: { message: e instanceof Error ? e.message : String(e) } }
}

/** A lab file at `path` could not be read (the file's own problems are LabFileErrors already, and pass as they are). */
export function openError(path: string, e: unknown): LabFileError {
  if (e instanceof LabFileError) return e
  return new LabFileError('labFile.cannotOpen', { path, reason: reasonOf(e, openReasons) }, { cause: e })
}

/** The lab could not be saved to `path`. */
export function saveError(path: string, e: unknown): LabFileError {
  return new LabFileError('labFile.cannotSave', { path, reason: reasonOf(e, saveReasons) }, { cause: e })
}

/** The autosave could not be written (into the app's own folder, so no path is named). */
export function autosaveError(e: unknown): LabFileError {
  return new LabFileError('labFile.cannotAutosave', { reason: reasonOf(e, saveReasons) }, { cause: e })
}

/** A download's lab file could not be written (into the host's temporary folder, so no path is named). */
export function downloadWriteError(e: unknown): LabFileError {
  return new LabFileError('labFile.download.cannotWrite', { reason: reasonOf(e, saveReasons) }, { cause: e })
}
