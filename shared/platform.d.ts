// The few platform globals shared/ may use: those the window and Node both have, with the members shared/ uses.
// Only tsconfig.shared.json includes this file (the other layers get the real declarations from DOM or Node), so
// anything not listed here (`window`, `document`, `Buffer`, `process`) fails to compile in shared/.

declare class TextEncoder {
  encode(input?: string): Uint8Array
}
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean })
  decode(input?: ArrayBufferView | ArrayBuffer, options?: { stream?: boolean }): string
}
declare function atob(data: string): string
declare function btoa(data: string): string

// WebCrypto, as far as the lab PKI uses it.
interface Algorithm {
  name: string
}
interface JsonWebKey {
  kty?: string
  crv?: string
  d?: string
  x?: string
  [member: string]: unknown
}
interface CryptoKey {
  readonly algorithm: Algorithm
  readonly extractable: boolean
  readonly type: string
  readonly usages: string[]
}
type KeyData = JsonWebKey | ArrayBuffer | ArrayBufferView
interface SubtleCrypto {
  importKey(format: string, keyData: KeyData, algorithm: Algorithm | string, extractable: boolean, keyUsages: string[]): Promise<CryptoKey>
  exportKey(format: 'jwk', key: CryptoKey): Promise<JsonWebKey>
  exportKey(format: string, key: CryptoKey): Promise<ArrayBuffer>
  sign(algorithm: Algorithm | string, key: CryptoKey, data: ArrayBufferView | ArrayBuffer): Promise<ArrayBuffer>
  verify(algorithm: Algorithm | string, key: CryptoKey, signature: ArrayBufferView | ArrayBuffer, data: ArrayBufferView | ArrayBuffer): Promise<boolean>
}
declare var crypto: { readonly subtle: SubtleCrypto; getRandomValues<T extends ArrayBufferView>(array: T): T } | undefined
