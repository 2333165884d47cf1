// Who may call what. The presenter (the token in the presenter URL, or the desktop window over IPC) may call every
// LabApi method; a viewer (the viewer token) may only read: the timeline, older history, files and the lab file as
// it is now (whole or in parts). Everything else is refused here, by the host, whatever a viewer page sends.

import type { LabApi, LabApiMethod } from '../../shared/api/contract'
import { labApiMethods } from '../../shared/api/contract'

export type Role = 'presenter' | 'viewer'

const VIEWER_METHODS: ReadonlySet<LabApiMethod> = new Set<LabApiMethod>(['getTimeline', 'getHistory', 'readFile', 'exportLab', 'exportLabBegin', 'exportLabPart', 'exportLabFinish'])

export const capabilities: Record<Role, ReadonlySet<LabApiMethod>> = {
  presenter: new Set(labApiMethods),
  viewer: VIEWER_METHODS
}

export function allows(role: Role, method: LabApiMethod): boolean {
  return capabilities[role].has(method)
}

/** Why a viewer's call was refused (dispatch puts the method's name in front). */
export const VIEWER_REFUSAL = 'refused: a viewer follows the presenter and cannot change the lab'

/**
 * The lab as a role may use it: allowed methods go to `api`, the others reject before `api` sees them. Pushes come
 * from `subscribe` (a viewer gets the viewer hub's, not the host's own).
 */
export function apiFor(role: Role, api: LabApi, subscribe: LabApi['subscribe'] = (l) => api.subscribe(l)): LabApi {
  const restricted: Partial<Record<LabApiMethod, (...args: unknown[]) => Promise<unknown>>> = {}
  for (const method of labApiMethods) {
    const fn = api[method] as ((...args: unknown[]) => Promise<unknown>) | undefined
    restricted[method] = !allows(role, method)
      ? () => Promise.reject(new CapabilityError(VIEWER_REFUSAL))
      : fn
        ? (...args) => fn.apply(api, args)
        : undefined
  }
  return { ...(restricted as unknown as LabApi), subscribe }
}

export class CapabilityError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'CapabilityError'
  }
}
