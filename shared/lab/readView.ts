// The one typed reader of the views the window and the lessons receive. A view is a component projected to JSON
// (./view.ts: byte strings become hex previews, bigints text), so its type follows from the component's type in
// ./model.ts: renaming a field there is a compile error in every reader, instead of a "—" found by a user.
//
// Views come from another process (the lab host), so the reader promises only what it checks — an object of the
// asked kind — and every other field may be missing: readers write `host.persisted?.config?.keyPersistence ?? false`
// and a view of another version degrades to a default instead of a crash, while the names along the path are still
// checked by the compiler.

import type { ComponentByKind, ComponentKind, LabMeta } from './model'
import type { StoredBytes } from './files/storedBytes'
import { isBytesView, type BytesView, type ViewValue } from './view'

/** A value as a view carries it: byte strings as a preview, bigints as text, everything else as it was. */
export type ViewOf<T> = T extends Uint8Array | StoredBytes
  ? BytesView
  : T extends bigint
    ? string
    : T extends readonly (infer E)[]
      ? ViewOf<E>[]
      : T extends object
        ? { [K in keyof T]: ViewOf<T[K]> }
        : T

/** A view as received: the projection's shape, every named field possibly missing (a map's entries are there or not). */
export type Received<T> = T extends BytesView
  ? T
  : T extends readonly (infer E)[]
    ? Received<E>[]
    : T extends object
      ? string extends keyof T
        ? { [K in keyof T]: Received<T[K]> }
        : { [K in keyof T]?: Received<T[K]> }
      : T

/** A part of a component as received, by its model type: `ViewOfPart<DatastoreFile>` is one file of a datastore's view. */
export type ViewOfPart<T> = Received<ViewOf<T>>

/** A component's view, by kind: `ComponentView<'host'>` has `memory?.keyCache`, `persisted?.config`, … */
export type ComponentView<K extends ComponentKind = ComponentKind> = { [P in K]: Received<ViewOf<ComponentByKind[P]>> & { kind: P } }[K]
export type MetaView = Received<ViewOf<LabMeta>> & { kind: 'meta' }

const COMPONENT_KINDS: ReadonlySet<string> = new Set<ComponentKind>(['kms', 'vcenter', 'host', 'datastore', 'vm'])

export function isComponentKind(kind: unknown): kind is ComponentKind {
  return typeof kind === 'string' && COMPONENT_KINDS.has(kind)
}

function record(view: ViewValue | undefined): { [key: string]: ViewValue } | null {
  return typeof view === 'object' && view !== null && !Array.isArray(view) && !isBytesView(view) ? view : null
}

/** The view of a component of any kind (narrow it by `kind`), or null for anything else. */
export function componentView(view: ViewValue | undefined): ComponentView | null {
  const v = record(view)
  return v && isComponentKind(v.kind) ? (v as unknown as ComponentView) : null
}

/** The view of a component of this kind, or null when the view is missing or of another kind. */
export function viewOfKind<K extends ComponentKind>(view: ViewValue | undefined, kind: K): ComponentView<K> | null {
  const v = record(view)
  return v && v.kind === kind ? (v as unknown as ComponentView<K>) : null
}

/** Every component view of this kind, in the views' order. */
export function viewsOfKind<K extends ComponentKind>(views: Readonly<Record<string, ViewValue>>, kind: K): ComponentView<K>[] {
  const out: ComponentView<K>[] = []
  for (const view of Object.values(views)) {
    const v = viewOfKind(view, kind)
    if (v) out.push(v)
  }
  return out
}

/** The lab's own bookkeeping (clock, seed), or null. */
export function metaView(view: ViewValue | undefined): MetaView | null {
  const v = record(view)
  return v && v.kind === 'meta' ? (v as unknown as MetaView) : null
}

/** A text attribute of a KMS key's view (vCenter tags its keys with x-Name and x-Component), or null. */
export function textAttribute(attributes: Readonly<Record<string, { value?: unknown }>> | undefined, name: string): string | null {
  const value = attributes && Object.prototype.hasOwnProperty.call(attributes, name) ? attributes[name].value : undefined
  return typeof value === 'string' ? value : null
}
