// Lines of the text files the lab writes, marked where encryption shows: the `.vmx` key safe (`encryption.bundle`,
// the form vSphere's API shows; `encryption.keySafe` / `encryption.data`, the pair a raw .vmx holds, are marked too
// should a file carry them) and each disk descriptor's `encryptionKeys`.

export type LineMark = 'keySafe' | 'encryptionKeys' | null

export interface MarkedLine {
  text: string
  mark: LineMark
}

export function markLines(text: string): MarkedLine[] {
  return text.split('\n').map((line) => ({
    text: line,
    mark: /^\s*encryption\.(bundle|keySafe|data)\s*=/.test(line) ? 'keySafe' : /^\s*encryptionKeys\s*=/.test(line) ? 'encryptionKeys' : null
  }))
}
