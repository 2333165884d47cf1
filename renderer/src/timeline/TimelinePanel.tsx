// The playback bar under the graph: controls, checkpoints and filters (the event list is in the side panel).

import { useT } from '../hooks/useT'
import { Checkpoints } from './Checkpoints'
import { FilterMenu } from './FilterMenu'
import { PlaybackControls } from './PlaybackControls'
import './timeline.css'

export function TimelinePanel() {
  const t = useT()
  return (
    <section className="timeline-bar" id="timeline" aria-label={t('timeline.label')}>
      <PlaybackControls />
      <Checkpoints />
      <FilterMenu />
    </section>
  )
}
