// A datastore: every file, folder by folder; open one to see its lines or bytes.

import type { ComponentView } from '../../../shared/lab/readView'
import { useT } from '../hooks/useT'
import { hasKeySafe } from '../reading/facts'
import { ShieldIcon } from '../theme/icons'
import { FileViewer } from './FileViewer'
import { Section } from './Section'

export function DatastoreInspector({ id, view }: { id: string; view: ComponentView<'datastore'> }) {
  const t = useT()
  const files = Object.entries(view.persisted?.files ?? {}).sort(([a], [b]) => a.localeCompare(b))
  return (
    <Section title={t('inspector.datastoreFiles')} surface="persisted" id={`${id}-files`}>
      {files.length === 0 && <p className="muted">{t('inspector.noFiles')}</p>}
      {files.map(([path, f]) => {
        const text = f.text ?? null
        const safe = f.kind === 'vmx' && text !== null && hasKeySafe(text)
        return (
          <details key={path} className="file" data-file={path}>
            <summary>
              <code>{path}</code>
              {safe && <ShieldIcon size={13} title="encryption.bundle" />}
            </summary>
            <FileViewer file={f} />
          </details>
        )
      })}
    </Section>
  )
}
