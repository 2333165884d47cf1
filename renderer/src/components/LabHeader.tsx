// Title bar of the window: the app and the open lab file (with a mark for unsaved changes).

import { useLabFile } from '../hooks/useLabFile'

export function LabHeader() {
  const file = useLabFile()
  return (
    <header className="header">
      <h1>KeyFlow Lab</h1>
      {file && (
        <span className="file" title={file.path ?? 'not saved yet'}>
          {file.name}
          {file.dirty && <span aria-label="unsaved changes"> •</span>}
        </span>
      )}
    </header>
  )
}
