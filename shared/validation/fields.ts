// What a name, a key ID or a host may be, defined once for every door into the lab: a script's commands, a call
// over the wire (dispatch) and a lab file. A lab that one door accepts must pass the others, so a lab that saves
// also opens again.
//
// Two hazards every field here excludes:
// - prototype names (`__proto__`, `constructor`, `toString`, …): the lab keeps components and keys in plain
//   objects keyed by these strings, where such a name would find Object.prototype's member instead of nothing;
// - control characters (newlines, ESC): names and IDs are printed one event per line, and a newline or an ANSI
//   escape in one would forge lines on the terminal.

import { z } from 'zod'

/** The limits every door applies (a file that holds more than a script may write would never open again). */
export const FIELD_LIMITS = Object.freeze({
  nameLength: 63,
  keyIdLength: 256,
  hostLength: 253,
  pemBytes: 16 * 1024,
  cryptoUtilArgLength: 1024
})

const prototypeNames: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype))

/** Whether `text` names a member every plain object inherits (so it must never be a key of one). */
export function isPrototypeName(text: string): boolean {
  return prototypeNames.has(text)
}

// C0, DEL and C1 controls; the line and paragraph separators end lines in some terminals and editors too.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/

export function hasControlCharacters(text: string): boolean {
  return CONTROL.test(text)
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/

/** A component's name (KMS, provider, host, cluster, VM): what a person types, and the key it is stored under. */
export const labName = z
  .string()
  .max(FIELD_LIMITS.nameLength)
  .regex(NAME, `a name: letters, digits, dot, dash or underscore (max ${FIELD_LIMITS.nameLength}), starting with a letter or digit`)
  .refine((s) => !isPrototypeName(s), 'a name other than a built-in JavaScript property name (such as "constructor" or "toString")')

/** An identifier inside a lab (a key's ID as its KMS gave it out, a component's id, a file's name): printable text. */
export const labId = z
  .string()
  .min(1)
  .max(FIELD_LIMITS.keyIdLength)
  .refine((s) => !hasControlCharacters(s), 'an ID without control characters (newlines, escapes)')
  .refine((s) => !isPrototypeName(s), 'an ID other than a built-in JavaScript property name (such as "toString")')

export const keyId = labId

/** A network host: a DNS name, an IPv4 address or an IPv6 address (brackets allowed). */
export const networkHost = z
  .string()
  .min(1)
  .max(FIELD_LIMITS.hostLength)
  .regex(/^(\[[0-9A-Fa-f:.]+\]|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*|[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?)$/, 'a host name or IP address')

export const networkPort = z.number().int().min(1).max(65535)

/** A PEM document (certificate, key, CA bundle). */
export const pem = z
  .string()
  .max(FIELD_LIMITS.pemBytes, `at most ${FIELD_LIMITS.pemBytes} characters of PEM`)
  .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), 'PEM text (no control characters besides line ends)')

/** One argument of crypto-util on a host's shell. */
export const cryptoUtilArg = z
  .string()
  .max(FIELD_LIMITS.cryptoUtilArgLength)
  .refine((s) => !hasControlCharacters(s), 'an argument without control characters (newlines, escapes)')

/**
 * The path to the first own `__proto__` key in a JSON value, or null. JSON.parse makes such a key an ordinary own
 * property, which a later spread or merge would turn into a prototype; scripts refuse it, and so must the wire.
 */
export function prototypeKeyPath(value: unknown, path: (string | number)[] = [], depth = 0): (string | number)[] | null {
  if (typeof value !== 'object' || value === null || depth > 64) return null
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = prototypeKeyPath(value[i], [...path, i], depth + 1)
      if (found) return found
    }
    return null
  }
  if (Object.hasOwn(value, '__proto__')) return [...path, '__proto__']
  for (const [key, inner] of Object.entries(value)) {
    const found = prototypeKeyPath(inner, [...path, key], depth + 1)
    if (found) return found
  }
  return null
}
