// KMIP 1.1 key lifecycle (§3.22 State and its transition diagram), as pure functions on managed objects. The
// server uses them for Activate/Revoke/Destroy; the lab can use them for the KMS administrator's own actions.
//
//   Pre-Active ──Activate / Activation Date reached──▶ Active ──Revoke / Deactivation Date reached──▶ Deactivated
//   Pre-Active, Active, Deactivated ──Revoke (Key/CA Compromise)──▶ Compromised
//   Pre-Active, Deactivated ──Destroy──▶ Destroyed ──Revoke (compromise)──▶ Destroyed Compromised
//   Compromised ──Destroy──▶ Destroyed Compromised
// An Active object cannot be destroyed: it has to be revoked first.

import { ResultReason, RevocationReasonCode, State, stateName } from './enums'
import { KmipResultError } from './errors'
import type { KmipManagedObject } from './store'

export interface RevokeRequest {
  reason: number
  message?: string
  /** POSIX seconds; required for Key Compromise and CA Compromise. */
  compromiseOccurrenceDate?: number
}

const illegal = (object: KmipManagedObject, what: string): KmipResultError =>
  new KmipResultError(
    ResultReason.IllegalOperation,
    `object ${object.uid} is ${stateName(object.state)}: ${what}`
  )

export const isDestroyed = (state: number): boolean => state === State.Destroyed || state === State.DestroyedCompromised

export const isCompromiseReason = (reason: number): boolean =>
  reason === RevocationReasonCode.KeyCompromise || reason === RevocationReasonCode.CACompromise

/**
 * Applies the transitions that happen because time passed: a Pre-Active object whose Activation Date has come
 * becomes Active, an Active one whose Deactivation Date has come becomes Deactivated. Returns the same object
 * when nothing changes.
 */
export function applyTimeTransitions(object: KmipManagedObject, now: number): KmipManagedObject {
  let next = object
  if (next.state === State.PreActive && next.activationDate !== undefined && next.activationDate <= now) {
    next = { ...next, state: State.Active, lastChangeDate: now }
  }
  if (next.state === State.Active && next.deactivationDate !== undefined && next.deactivationDate <= now) {
    next = { ...next, state: State.Deactivated, lastChangeDate: now }
  }
  return next
}

/** Activate: only a Pre-Active object; the Activation Date becomes now. */
export function activateObject(object: KmipManagedObject, now: number): KmipManagedObject {
  if (object.state !== State.PreActive) throw illegal(object, 'only a Pre-Active object can be activated')
  return applyTimeTransitions({ ...object, state: State.Active, activationDate: now, lastChangeDate: now }, now)
}

/**
 * Revoke: Key/CA Compromise moves any not-yet-compromised object to Compromised (Destroyed → Destroyed
 * Compromised) and records both compromise dates; any other reason deactivates an Active object.
 */
export function revokeObject(object: KmipManagedObject, request: RevokeRequest, now: number): KmipManagedObject {
  const revocation = request.message === undefined ? { reason: request.reason } : { reason: request.reason, message: request.message }
  if (isCompromiseReason(request.reason)) {
    if (request.compromiseOccurrenceDate === undefined) {
      throw new KmipResultError(ResultReason.MissingData, 'a compromise revocation needs the Compromise Occurrence Date')
    }
    if (object.state === State.Compromised || object.state === State.DestroyedCompromised) {
      throw illegal(object, 'it is already compromised')
    }
    return {
      ...object,
      state: object.state === State.Destroyed ? State.DestroyedCompromised : State.Compromised,
      compromiseDate: now,
      compromiseOccurrenceDate: request.compromiseOccurrenceDate,
      revocation,
      lastChangeDate: now
    }
  }
  if (object.state !== State.Active) {
    throw illegal(object, 'only an Active object can be revoked for a reason other than a compromise')
  }
  return { ...object, state: State.Deactivated, deactivationDate: now, revocation, lastChangeDate: now }
}

/** Destroy: anything but Active; the key material is removed, the attributes stay. */
export function destroyObject(object: KmipManagedObject, now: number): KmipManagedObject {
  if (object.state === State.Active) throw illegal(object, 'an Active object must be revoked before it can be destroyed')
  if (isDestroyed(object.state)) throw illegal(object, 'it is already destroyed')
  return {
    ...object,
    state: object.state === State.Compromised ? State.DestroyedCompromised : State.Destroyed,
    material: null,
    destroyDate: now,
    lastChangeDate: now
  }
}
