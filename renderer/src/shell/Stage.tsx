// The main area: the legend, the graph (or its table twin) with the notices in its corner, the narration strip that
// tells the current event, and the playback bar.

import { TopologyGraph } from '../graph/TopologyGraph'
import { TopologyTable } from '../graph/TopologyTable'
import { useState } from 'react'
import { useLabStore } from '../hooks/useLabStore'
import { useSettings } from '../hooks/useSettings'
import { TimelinePanel } from '../timeline/TimelinePanel'
import { Legend } from '../graph/Legend'
import { Narration } from './Narration'
import { Notices } from './Notices'
import { BuildGuide, WaysIn } from './WaysIn'
import './Stage.css'

export function Stage() {
  const { view } = useSettings()
  /** The person chose to build the lab themselves: the guide shows the next step until a VM is encrypted. */
  const [guided, setGuided] = useState(false)
  const empty = useLabStore((s) => (s.timeline ? Object.keys(s.timeline.live).length <= 2 : false))
  return (
    <main className="stage" id="main">
      <Legend />
      <div className={empty ? 'stage-canvas is-empty' : 'stage-canvas'}>
        {view === 'graph' ? <TopologyGraph /> : <TopologyTable />}
        {empty && <WaysIn onBuild={() => setGuided(true)} />}
        {!empty && guided && <BuildGuide onClose={() => setGuided(false)} />}
        <Notices />
      </div>
      <Narration />
      <TimelinePanel />
    </main>
  )
}
