// KMIP object states by their spec names (KMIP 1.1 §3.22), from the KMIP code's own table.

import { STATE } from '../../../shared/kmip/enums'

export function kmipStateName(state: number | null): string {
  return state === null ? '—' : (STATE.names.get(state) ?? `State ${state}`)
}
