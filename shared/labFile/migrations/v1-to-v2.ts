// Format 1 → 2. Format 2 moved disk-sized byte strings out of the JSON into a container (see ../blob.ts and
// node/labFile/container.ts); the JSON a format-1 file holds is a valid format-2 document with every byte string
// inline, so only the version changes. A format-1 file never has a checksum: it is read as it is.

export interface LabDocumentV1 {
  format: string
  version: 1
  [field: string]: unknown
}

export function v1ToV2(doc: LabDocumentV1): Record<string, unknown> & { version: 2 } {
  return { ...doc, version: 2 }
}
