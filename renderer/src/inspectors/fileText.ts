// Lines of the text files the lab writes, marked where encryption shows: the `.vmx` key safe (`encryption.bundle`;
// `encryption.keySafe` / `encryption.data` are marked too, as they appear in .vmx files from other VMware products)
// and the descriptor's `encryptionKeys`.

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
