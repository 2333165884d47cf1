// The closed lists of the lab's records, as plain data: the entity schemas build their enums from them, and the
// window's command metadata (../commands/definitions.meta.ts) offers them as choices without bundling zod.

export const componentKinds = ['kms', 'vcenter', 'host', 'datastore', 'vm'] as const
/** `kdk`: a Native Key Provider's Key Derivation Key, from which hosts derive their host keys and KEKs. */
export const keyTypes = ['hostKey', 'kek', 'dek', 'oneTimeKey', 'kdk'] as const
export const hostCryptoStates = ['incapable', 'prepared', 'safe', 'pendingIncapable'] as const
export const powerStates = ['poweredOff', 'poweredOn'] as const
export const vmConnectionStates = ['connected', 'invalid'] as const
export const vmCryptoStates = ['unlocked', 'locked'] as const
export const trustModes = ['vcenter-root-ca', 'vcenter-cert', 'kms-cert-and-key', 'csr'] as const
/** A standard key provider fronts KMIP key servers; a native one (NKP, vSphere 7.0 U2+) needs none. */
export const providerTypes = ['standard', 'native'] as const
/** The two roles the lab teaches (docs/vsphere-facts.md#f-privileges). */
export const vcenterRoles = ['administrator', 'noCryptoAdmin'] as const
/** Encrypted vMotion: always on for encrypted VMs; a choice for the others (API migrateEncryption). */
export const migrateEncryptionModes = ['disabled', 'opportunistic', 'required'] as const
export const datastoreFileKinds = ['vmx', 'vmdk', 'flat', 'nvram', 'vmsn', 'delta'] as const
