// The whole bytes of a file, read from the live lab — only when the file at the step shown is the very same file
// as in the live lab (same size and fingerprint), so the inspector never shows bytes from another moment.

import { useEffect, useState } from 'react'
import type { BytesView } from '../../../shared/lab/view'
import { fromHex } from '../../../shared/crypto/bytes'
import { useLabActions } from './useLabActions'

export function useLiveFile(componentId: string, path: string, atStep: BytesView | null, live: BytesView | null): Uint8Array | null {
  const { readFile } = useLabActions()
  const same = !!atStep && !!live && atStep.size === live.size && atStep.fingerprint === live.fingerprint && atStep.hex === live.hex
  const [bytes, setBytes] = useState<{ key: string; data: Uint8Array } | null>(null)
  const key = `${componentId}|${path}|${atStep?.fingerprint ?? ''}|${atStep?.size ?? 0}`
  useEffect(() => {
    if (!same) return
    let cancelled = false
    void readFile(componentId, path).then((hex) => {
      if (!cancelled && hex !== null) setBytes({ key, data: fromHex(hex) })
    })
    return () => {
      cancelled = true
    }
  }, [same, key, componentId, path, readFile])
  return same && bytes?.key === key ? bytes.data : null
}
