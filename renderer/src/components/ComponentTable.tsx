// Every component of the lab at the cursor: kind, name and its key state fields.

import { useComponentSummaries } from '../hooks/useComponentSummaries'

export function ComponentTable() {
  const components = useComponentSummaries()
  return (
    <section className="panel" aria-labelledby="components-title">
      <h2 id="components-title">Components</h2>
      <table className="components">
        <thead>
          <tr>
            <th scope="col">Kind</th>
            <th scope="col">Name</th>
            <th scope="col">State</th>
          </tr>
        </thead>
        <tbody>
          {components.map((c) => (
            <tr key={c.id} data-component-id={c.id}>
              <td>
                <span className={`kind kind-${c.kind}`}>{c.kind}</span>
              </td>
              <th scope="row">{c.name}</th>
              <td>
                <dl className="fields">
                  {c.fields.map((f) => (
                    <div key={f.label}>
                      <dt>{f.label}</dt>
                      <dd>{f.value}</dd>
                    </div>
                  ))}
                </dl>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
