// What the last command did, in the lab's own words: its events' text, or the fault that refused it.

import { useLastRun } from '../hooks/useLastRun'
import { useLastRunEvents } from '../hooks/useLastRunEvents'

export function LastRunPanel() {
  const lastRun = useLastRun()
  const events = useLastRunEvents()
  if (!lastRun) return null
  const fault = lastRun.result?.fault ?? null
  return (
    <section className="panel" aria-labelledby="last-run-title">
      <h2 id="last-run-title">
        Last command: <code>{lastRun.command.op}</code>
      </h2>
      {lastRun.error && (
        <p className="notice notice-error" role="alert">
          {lastRun.error}
        </p>
      )}
      {fault && (
        <p className="notice notice-error" role="alert">
          {fault.fault}: {fault.text}
        </p>
      )}
      <ol className="events" aria-label="Events of the last command">
        {events.map((e) => (
          <li key={e.seq}>
            <span className="seq">#{e.seq}</span> <span className="event-kind">{e.kind}</span> {e.text}
          </li>
        ))}
      </ol>
    </section>
  )
}
