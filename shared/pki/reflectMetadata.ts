// @peculiar/x509 registers its algorithms through tsyringe, which refuses to load unless a
// Reflect metadata API exists. The usual polyfill packages (reflect-metadata, core-js) are not
// dependencies of the lab, and tsyringe only needs these three functions for classes whose
// constructors take no arguments, so a small map-backed stand-in is enough. It never replaces a
// real polyfill that is already installed.

type MetadataStore = WeakMap<object, Map<unknown, unknown>>

interface ReflectWithMetadata {
  getMetadata?: (key: unknown, target: object) => unknown
  getOwnMetadata?: (key: unknown, target: object) => unknown
  defineMetadata?: (key: unknown, value: unknown, target: object) => void
}

const reflect = Reflect as unknown as ReflectWithMetadata

if (typeof reflect.getMetadata !== 'function') {
  const store: MetadataStore = new WeakMap()

  reflect.defineMetadata = (key, value, target) => {
    let entries = store.get(target)
    if (!entries) store.set(target, (entries = new Map()))
    entries.set(key, value)
  }
  reflect.getOwnMetadata = (key, target) => store.get(target)?.get(key)
  // Metadata is inherited along the prototype chain, as in the reflect-metadata proposal.
  reflect.getMetadata = (key, target) => {
    for (let o: object | null = target; o; o = Object.getPrototypeOf(o)) {
      const entries = store.get(o)
      if (entries?.has(key)) return entries.get(key)
    }
    return undefined
  }
}

export {}
