// Adds an ESXi host to a cluster: sends the `host.add` command; the lab answers with events (or a fault).

import { useState, type FormEvent } from 'react'
import { useIsRunning } from '../hooks/useIsRunning'
import { useLabActions } from '../hooks/useLabActions'

export function AddHostForm() {
  const { runCommand } = useLabActions()
  const running = useIsRunning()
  const [name, setName] = useState('')
  const [cluster, setCluster] = useState('')
  const ready = name.trim() !== '' && cluster.trim() !== '' && !running

  async function submit(e: FormEvent) {
    e.preventDefault()
    if (!ready) return
    const result = await runCommand({ op: 'host.add', name: name.trim(), cluster: cluster.trim() })
    if (result && !result.fault) setName('')
  }

  return (
    <section className="panel" aria-labelledby="add-host-title">
      <h2 id="add-host-title">Add host</h2>
      <form className="form" onSubmit={submit}>
        <label>
          Host name
          <input value={name} onChange={(e) => setName(e.target.value)} placeholder="esx-01" autoComplete="off" spellCheck={false} />
        </label>
        <label>
          Cluster
          <input value={cluster} onChange={(e) => setCluster(e.target.value)} placeholder="cluster-a" autoComplete="off" spellCheck={false} />
        </label>
        <button type="submit" disabled={!ready}>
          Add host
        </button>
      </form>
    </section>
  )
}
