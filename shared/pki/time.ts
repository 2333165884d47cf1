import type { LabTime } from './types.js'

// X.509 validity has one-second resolution, so the lab rounds every instant down to a whole
// second before it is written into a certificate or compared with one. Otherwise a Date with
// milliseconds would describe differently from the certificate that was issued for it.

const MS_PER_SECOND = 1000
const SECONDS_PER_DAY = 86_400

export function toDate(time: LabTime): Date {
  const ms = typeof time === 'number' ? time * MS_PER_SECOND : time.getTime()
  if (!Number.isFinite(ms)) throw new RangeError(`invalid lab time: ${String(time)}`)
  return new Date(Math.floor(ms / MS_PER_SECOND) * MS_PER_SECOND)
}

export function toPosixSeconds(time: LabTime): number {
  return toDate(time).getTime() / MS_PER_SECOND
}

export function addDays(time: LabTime, days: number): Date {
  return new Date(toDate(time).getTime() + days * SECONDS_PER_DAY * MS_PER_SECOND)
}
