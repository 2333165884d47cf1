// Saving something from the window as a file: a Blob and a temporary link (works offline, needs no host help).

export function downloadBlob(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = name
  a.rel = 'noopener'
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

export function downloadText(name: string, text: string, type = 'text/plain'): void {
  downloadBlob(name, new Blob([text], { type: `${type};charset=utf-8` }))
}

export function downloadBytes(name: string, bytes: Uint8Array): void {
  downloadBlob(name, new Blob([bytes.slice().buffer as ArrayBuffer], { type: 'application/octet-stream' }))
}
