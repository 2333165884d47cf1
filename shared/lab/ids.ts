// The ids of the lab's components, apart from the model's schemas, so the window can name vCenter or a host without
// bundling the validation library.

export const VCENTER_ID = 'vcenter'
export const META_ID = 'lab'

export const componentId = {
  kms: (name: string) => `kms:${name}`,
  host: (name: string) => `host:${name}`,
  vm: (name: string) => `vm:${name}`,
  datastore: (name: string) => `datastore:${name}`
}
