// Lab files of every earlier format version open in this one: each step migrates one version to the next, in
// order, on the JSON document (after byte strings are decoded, before the shape is checked).

import { migrateEntityShape } from './v1-entity-shape'
import { v1ToV2, type LabDocumentV1 } from './v1-to-v2'

type Step = (doc: Record<string, unknown>) => Record<string, unknown>

/**
 * steps[v] turns a version-v document into a version-(v+1) one, one function per change. Format 2 never shipped
 * before the components changed shape, so that change is a step of 1 → 2 too.
 */
const steps: Record<number, Step[]> = {
  1: [(doc) => v1ToV2(doc as LabDocumentV1), migrateEntityShape]
}

/** The newest version these steps reach (the version this build writes). */
export const LATEST_VERSION = 2

/** Migrates a document of version `from` (1 ≤ from ≤ LATEST_VERSION) step by step to LATEST_VERSION. */
export function migrateToLatest(doc: Record<string, unknown>, from: number): Record<string, unknown> {
  let current = doc
  for (let v = from; v < LATEST_VERSION; v++) {
    const vSteps = steps[v]
    if (!vSteps) throw new Error(`no migration from lab file version ${v}`)
    for (const step of vSteps) current = step(current)
  }
  return current
}
