// The main area: the legend, the graph (or its table twin), the narration strip that tells the current event, and
// the playback bar.

import { TopologyGraph } from '../graph/TopologyGraph'
import { TopologyTable } from '../graph/TopologyTable'
import { useLabStore } from '../hooks/useLabStore'
import { useSettings } from '../hooks/useSettings'
import { useT } from '../hooks/useT'
import { TimelinePanel } from '../timeline/TimelinePanel'
import { Legend } from '../graph/Legend'
import { Narration } from './Narration'
import './Stage.css'

export function Stage() {
  const t = useT()
  const { view } = useSettings()
  const empty = useLabStore((s) => (s.timeline ? Object.keys(s.timeline.live).length <= 2 : false))
  return (
    <main className="stage" id="main">
      <Legend />
      <div className="stage-canvas">
        {view === 'graph' ? <TopologyGraph /> : <TopologyTable />}
        {empty && <p className="stage-empty">{t('graph.empty')}</p>}
      </div>
      <Narration />
      <TimelinePanel />
    </main>
  )
}
