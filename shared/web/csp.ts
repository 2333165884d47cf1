// What the window may load, in one place: the desktop app (app:// responses), the test host (http responses) and the
// meta tag in renderer/index.html all carry this policy, so the browser window and the Electron window behave alike.
// Everything comes from the app's own origin; no inline scripts or styles, no remote origins, no plugins, no frames.

const directives: [string, string][] = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  // React sets styles through the CSSOM (element.style), which CSP allows; stylesheets are files. So no 'unsafe-inline'.
  ['style-src', "'self'"],
  ['img-src', "'self' data:"],
  ['font-src', "'self'"],
  // 'self' covers the test host's same-origin ws:// endpoint.
  ['connect-src', "'self'"],
  ['worker-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-src', "'none'"]
]

// Header-only directives: browsers ignore (and warn about) these in a meta tag.
const headerOnly: [string, string][] = [['frame-ancestors', "'none'"]]

const join = (list: [string, string][]) => list.map(([name, value]) => `${name} ${value}`).join('; ')

/** The policy sent as a Content-Security-Policy response header. */
export const CSP_HEADER = join([...directives, ...headerOnly])

/** The same policy for `<meta http-equiv="Content-Security-Policy">` in renderer/index.html. */
export const CSP_META = join(directives)

/** Headers every response of the window's origin carries (desktop app:// protocol and the test host). */
export function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': CSP_HEADER,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cache-Control': 'no-store'
  }
}
