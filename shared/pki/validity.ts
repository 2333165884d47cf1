// Default lifetimes, in days (the unit of `openssl x509 -days`). Every date stays a parameter;
// these only fill in what a scenario leaves out. They are lab choices, not values read from a
// vSphere build:
// - VMCA root: 10 years, the lifetime usually quoted for VMCA's self-signed root.
// - Leaf certificates vCenter makes for itself (VMCA-issued or self-signed KMIP client): 2 years,
//   like recent VMCA-issued leaves. vSphere does not document the self-signed KMIP client lifetime.
// - A KMS CA is long-lived like any root; its TLS server certificate follows the 2-year leaf rule.
// - A client certificate issued by the KMS (certificate and key, or a signed CSR): 1 year, so
//   renewal scenarios (vSAN health: yellow 30 days before expiry, red once expired) are reachable
//   on a lab timeline without huge clock jumps.
export const DEFAULT_VALIDITY_DAYS = {
  vmcaRoot: 3650,
  vcenterClient: 730,
  vcenterSelfSigned: 730,
  kmsCa: 3650,
  kmsServer: 730,
  kmsIssuedClient: 365
} as const
