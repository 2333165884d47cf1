// The side panel's tabs, as plain data: each tab's id, its name (EN/DE, under the window's string key
// `tab.<id>`), and whether it needs a loaded lesson. The store's selection and the panel's tab strip follow from this
// list, and `InspectorPanel` must give every id a body (the compiler refuses a tab without one). No React here, so
// the store can take the tab type from it.

export const inspectorTabs = [
  { id: 'lesson', label: { en: 'Lesson', de: 'Lektion' }, needsLesson: true },
  { id: 'events', label: { en: 'Events', de: 'Ereignisse' }, needsLesson: false },
  { id: 'component', label: { en: 'Component', de: 'Komponente' }, needsLesson: false }
] as const

export type InspectorTab = (typeof inspectorTabs)[number]['id']
