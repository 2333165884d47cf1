// The right-hand panel, in tabs: the event list with the selected event's details under it (Wireshark's linked
// panes), the selected component, and the loaded lesson. Everything in it is the state at the cursor, so stepping
// back shows the earlier memory, files and keys. The tabs are listed in `tabs.ts`; each one's body is here.

import type { ReactNode } from 'react'
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
import { inspectorTabs, type InspectorTab } from './tabs'
import './inspector.css'

/** What each tab shows; every tab of `inspectorTabs` must have one. */
const bodies: Record<InspectorTab, () => ReactNode> = {
  lesson: () => (
    <div className="inspector-body">
      <LessonPanel />
    </div>
  ),
  component: ComponentTab,
  events: EventsTab
}

export function InspectorPanel() {
  const t = useT()
  const selection = useSelection()
  const lesson = useScenario()
  const { setInspectorTab } = useLabActions()
  const tabs = inspectorTabs.filter((k) => lesson || !k.needsLesson).map((k) => k.id)
  const tab = tabs.includes(selection.tab) ? selection.tab : 'events'
  const event = useEvent(selection.event)
  const Body = bodies[tab]
  return (
    <aside className="side" aria-label={t('inspector.label')}>
      <div className="tabs" role="tablist" aria-label={t('inspector.label')}>
        {tabs.map((k) => (
          <button key={k} type="button" role="tab" id={`tab-${k}`} aria-selected={tab === k} aria-controls={`panel-${k}`} className={`tab${tab === k ? ' is-active' : ''}`} onClick={() => setInspectorTab(k)}>
            {t(`tab.${k}`)}
          </button>
        ))}
      </div>
      <div className={`side-body side-${tab}${tab === 'events' && event ? ' has-detail' : ''}`} role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        <Body />
      </div>
    </aside>
  )
}

function ComponentTab() {
  const t = useT()
  const { component } = useSelection()
  return <div className="inspector-body">{component ? <ComponentInspector id={component} /> : <p className="placeholder">{t('inspector.pickComponent')}</p>}</div>
}

/** The event list with the selected event's details under it. */
function EventsTab() {
  const t = useT()
  const event = useEvent(useSelection().event)
  const { selectEvent } = useLabActions()
  return (
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
  )
}
