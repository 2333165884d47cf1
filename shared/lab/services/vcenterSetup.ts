// The vCenter a new lab starts with: running, no key providers, and its VMCA (root CA plus the machine
// certificate VMCA issued to vCenter itself, which it presents as a TLS client until trust says otherwise).

import { addDays, createVmcaRoot, DEFAULT_VALIDITY_DAYS, generateKeyPair, issueCertificate } from '../../pki'
import type { CommandContext } from '../context'
import { VCENTER_ID, type VcenterRecord } from '../model'

export const VCENTER_FQDN = 'vcenter.lab.local'
export const ADMINISTRATOR_USER = 'administrator@vsphere.local'

export async function createVcenter(ctx: CommandContext): Promise<VcenterRecord> {
  const random = (n: number) => ctx.tx.random(n)
  const now = ctx.tx.now()
  const vmcaRoot = await createVmcaRoot({ vcenterName: VCENTER_FQDN, now, random })
  const keyPair = await generateKeyPair(random)
  const certificatePem = await issueCertificate({
    issuer: vmcaRoot,
    subjectPublicKey: keyPair.publicKeySpkiPem,
    subject: VCENTER_FQDN,
    eku: ['serverAuth', 'clientAuth'],
    san: { dns: [VCENTER_FQDN] },
    notBefore: now,
    notAfter: addDays(now, DEFAULT_VALIDITY_DAYS.vcenterClient),
    random
  })
  const vc: VcenterRecord = {
    id: VCENTER_ID,
    kind: 'vcenter',
    name: VCENTER_FQDN,
    running: true,
    memory: { connections: [], keysInFlight: [] },
    persisted: {
      providers: {},
      defaultProvider: null,
      session: { user: ADMINISTRATOR_USER, role: 'administrator' },
      vmcaRoot,
      machineCertificate: { certificatePem, keyPair },
      protectedStore: { kdks: {} }
    }
  }
  ctx.tx.add(vc)
  return vc
}
