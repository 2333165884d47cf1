import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { CSP_HEADER, CSP_META, securityHeaders } from '../../../shared/web/csp'

function parse(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/)
      return [name, values]
    })
  )
}

describe('content security policy', () => {
  const header = parse(CSP_HEADER)

  it('allows only the app itself', () => {
    expect(header.get('default-src')).toEqual(["'self'"])
    expect(header.get('script-src')).toEqual(["'self'"])
    expect(header.get('style-src')).toEqual(["'self'"])
    expect(header.get('connect-src')).toEqual(["'self'"])
    expect(header.get('object-src')).toEqual(["'none'"])
    expect(header.get('base-uri')).toEqual(["'none'"])
    expect(header.get('frame-ancestors')).toEqual(["'none'"])
  })

  it('has no unsafe keywords, wildcards or remote origins', () => {
    for (const [name, values] of header) {
      for (const v of values) {
        expect(v, `${name} ${v}`).not.toMatch(/unsafe|\*|^https?:|^wss?:|^blob:/)
      }
    }
  })

  it('is the same policy in renderer/index.html as in the header (minus header-only directives)', () => {
    const html = readFileSync(new URL('../../../renderer/index.html', import.meta.url), 'utf8')
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)
    expect(meta?.[1]).toBe(CSP_META)
    expect(CSP_HEADER).toBe(`${CSP_META}; frame-ancestors 'none'`)
  })

  it('is part of the security headers', () => {
    const h = securityHeaders()
    expect(h['Content-Security-Policy']).toBe(CSP_HEADER)
    expect(h['X-Content-Type-Options']).toBe('nosniff')
  })
})
