// The window's layout for now: the lab's components, a form to add a host, and what the last command did.

import { AddHostForm } from './components/AddHostForm'
import { ComponentTable } from './components/ComponentTable'
import { LabHeader } from './components/LabHeader'
import { LastRunPanel } from './components/LastRunPanel'
import { useLabError } from './hooks/useLabError'
import { useLabStatus } from './hooks/useLabStatus'

export function App() {
  const status = useLabStatus()
  const error = useLabError()
  return (
    <div className="app">
      <LabHeader />
      {status === 'connecting' && <p className="notice" role="status">Connecting to the lab…</p>}
      {status === 'error' && <p className="notice notice-error" role="alert">{error}</p>}
      {status === 'ready' && (
        <main className="layout">
          <ComponentTable />
          <aside className="side">
            <AddHostForm />
            <LastRunPanel />
          </aside>
        </main>
      )}
    </div>
  )
}
