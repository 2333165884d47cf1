// A datastore file's bytes that stay where they were saved (a lab file's container) until a command reads them,
// the way a real VM's disk stays on its datastore while the VM is off. Opening a lab with twenty 256 MiB disks then
// reads its index and history, not five GiB; a command that reads a disk reads it then (power-on only its boot
// sectors). The bytes never change: a command that writes a disk makes a new byte string, as with disks in memory.

export abstract class StoredBytes {
  abstract readonly length: number
  /** Reads bytes [start, end) from where they are stored, checked against their hashes (throws if they changed). */
  abstract read(start?: number, end?: number): Uint8Array
}

/** A datastore file's data: bytes in memory, or bytes still in the lab file they were opened from. */
export type FileBytes = Uint8Array | StoredBytes

/** The bytes [start, end) of `data`, read from the lab file if they are still there. */
export function bytesOf(data: FileBytes, start = 0, end = data.length): Uint8Array {
  if (data instanceof StoredBytes) return data.read(start, end)
  // The array itself when whole: a save knows a disk's chunk hashes by its identity.
  return start === 0 && end === data.length ? data : data.subarray(start, end)
}

/** A copy of `data` for a second file with the same content (stored bytes never change, so they are shared). */
export function copyOfBytes(data: FileBytes): FileBytes {
  return data instanceof StoredBytes ? data : data.slice()
}
