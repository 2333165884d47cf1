import type { SubjectInput, SubjectName } from './types.js'
import type { JsonName, Name } from './x509.js'

// Distinguished names are built from structured fields rather than parsed from "CN=..., O=..."
// strings, so a vCenter name with a comma or an equals sign cannot turn into extra attributes.

export function toSubjectName(subject: SubjectInput): SubjectName {
  const name = typeof subject === 'string' ? { commonName: subject } : subject
  if (!name.commonName.trim()) throw new Error('a certificate subject needs a non-empty common name (CN)')
  return name
}

/** Most significant attribute first, the order `openssl req -subj` produces. */
export function toJsonName(subject: SubjectInput): JsonName {
  const name = toSubjectName(subject)
  const rdns: JsonName = []
  for (const dc of name.domainComponents ?? []) rdns.push({ DC: [dc] })
  if (name.country) rdns.push({ C: [name.country] })
  if (name.stateOrProvince) rdns.push({ ST: [name.stateOrProvince] })
  if (name.locality) rdns.push({ L: [name.locality] })
  if (name.organization) rdns.push({ O: [name.organization] })
  if (name.organizationalUnit) rdns.push({ OU: [name.organizationalUnit] })
  rdns.push({ CN: [name.commonName] })
  return rdns
}

/** Every CN in a name. PyKMIP takes the client identity (the KMIP object owner) from this list. */
export function commonNames(name: Name): string[] {
  return name.getField('CN')
}
