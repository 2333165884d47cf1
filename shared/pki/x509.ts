// The single entry point to @peculiar/x509 for the lab. Importing the library through this file
// guarantees the Reflect metadata stand-in is evaluated first (ES modules evaluate imports in
// order), whichever PKI module a caller happens to import first.
import './reflectMetadata.js'

export * from '@peculiar/x509'
