// Who a KMIP client is: EKU clientAuth required (as PyKMIP requires it), exactly one CN, which becomes the owner.

import { describe, expect, it } from 'vitest'
import { identityOf } from '../../../node/kmip/clientIdentity'

const CLIENT_AUTH = '1.3.6.1.5.5.7.3.2'
const SERVER_AUTH = '1.3.6.1.5.5.7.3.1'

describe('identityOf', () => {
  it('takes the CN of a certificate meant for client authentication', () => {
    expect(identityOf([SERVER_AUTH, CLIENT_AUTH], 'vcenter-sim')).toEqual({ ok: true, clientId: 'vcenter-sim' })
  })

  it('refuses a certificate without an EKU extension, or whose EKU lacks clientAuth', () => {
    expect(identityOf(undefined, 'vcenter-sim')).toEqual({ ok: false, reason: expect.stringMatching(/no Extended Key Usage extension/) })
    expect(identityOf([SERVER_AUTH], 'vcenter-sim')).toEqual({ ok: false, reason: expect.stringMatching(/does not include clientAuth/) })
  })

  it('refuses a certificate with no CN, an empty one, or several', () => {
    for (const cn of [undefined, '', ['a', 'b']]) {
      expect(identityOf([CLIENT_AUTH], cn)).toEqual({ ok: false, reason: expect.stringMatching(/exactly one subject CN/) })
    }
  })
})
