// The right-hand panel, in tabs: the event list with the selected event's details under it (Wireshark's linked
// panes), the selected component, and the loaded lesson. Everything in it is the state at the cursor, so stepping
// back shows the earlier memory, files and keys.

import { LessonPanel } from '../scenarios/LessonPanel'
import { EventList } from '../timeline/EventList'
import { useEvent } from '../hooks/useEvent'
import { useLabActions } from '../hooks/useLabActions'
import { useScenario } from '../hooks/useScenario'
import { useSelection } from '../hooks/useSelection'
import { useT } from '../hooks/useT'
import { CloseIcon } from '../theme/icons'
import { ComponentInspector } from './ComponentInspector'
import { EventInspector } from './EventInspector'
import './inspector.css'

export function InspectorPanel() {
  const t = useT()
  const selection = useSelection()
  const event = useEvent(selection.event)
  const { setInspectorTab, selectEvent } = useLabActions()
  const lesson = useScenario()
  const tab = selection.tab === 'lesson' && !lesson ? 'events' : selection.tab
  const tabs = lesson ? (['lesson', 'events', 'component'] as const) : (['events', 'component'] as const)
  const label = { events: t('timeline.events'), component: t('inspector.component'), lesson: t('inspector.lesson') }
  return (
    <aside className="side" aria-label={t('inspector.label')}>
      <div className="tabs" role="tablist" aria-label={t('inspector.label')}>
        {tabs.map((k) => (
          <button key={k} type="button" role="tab" id={`tab-${k}`} aria-selected={tab === k} aria-controls={`panel-${k}`} className={`tab${tab === k ? ' is-active' : ''}`} onClick={() => setInspectorTab(k)}>
            {label[k]}
          </button>
        ))}
      </div>
      <div className={`side-body side-${tab}${tab === 'events' && event ? ' has-detail' : ''}`} role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === 'lesson' && (
          <div className="inspector-body">
            <LessonPanel />
          </div>
        )}
        {tab === 'component' && (
          <div className="inspector-body">{selection.component ? <ComponentInspector id={selection.component} /> : <p className="placeholder">{t('inspector.pickComponent')}</p>}</div>
        )}
        {tab === 'events' && (
          <>
            <EventList />
            {event && (
              <section className="event-detail" aria-label={t('inspector.event')}>
                <button type="button" className="icon-button small detail-close" onClick={() => selectEvent(null)} aria-label={t('inspector.close')} title={t('inspector.close')}>
                  <CloseIcon size={14} />
                </button>
                <div className="inspector-body">
                  <EventInspector event={event} />
                </div>
              </section>
            )}
          </>
        )}
      </div>
    </aside>
  )
}
