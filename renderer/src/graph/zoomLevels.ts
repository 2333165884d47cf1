// How much a node shows at a zoom (semantic zoom): all its details, its head only, or — a whole big lab in view —
// a coloured box (OverviewLayer.tsx draws those without React Flow).

/** Below this zoom the nodes show only icon, name and state: details would be unreadable and cost frames. */
export const DETAIL_ZOOM = 0.45
/** Below this zoom a node is a coloured box: its text would be a few pixels high. */
export const BOX_ZOOM = 0.22
