// Follow along: the presenter's window tells its host which step it shows, and the host mirrors that step (and the
// lab's changes) to read-only viewer windows. These are the types both ends share; the host side is node/web
// (viewerHub, viewerServer, sharing), the window side renderer/src/store/follow.ts.

/** The step a presenter's window shows: the views after event `seq` of lab `labId`. */
export interface ShownStep {
  labId: string
  seq: number
}

/** One address of this machine a viewer server can listen on. */
export interface ShareAddress {
  address: string
  /** The network interface it belongs to (e.g. "eth0", "lo"). */
  name: string
  family: 'IPv4' | 'IPv6'
  internal: boolean
}

/** What the presenter's window shows about sharing: where viewers connect and how many do. */
export interface SharingStatus {
  /** The viewer URL (with the viewer token) while sharing, else null. */
  viewerUrl: string | null
  /** The same URL as a QR code (an SVG document), while sharing. */
  qrSvg: string | null
  /** The address the viewer server listens on while sharing. */
  address: string | null
  viewers: number
  maxViewers: number
  /** Addresses the presenter may choose from (loopback first). */
  addresses: ShareAddress[]
}

/** The query parameter of a viewer page and its socket (a presenter page carries `token` instead). */
export const VIEWER_PARAM = 'viewer'

/** Close code and reason a viewer sees when the presenter stops sharing. */
export const SHARING_STOPPED = { code: 4000, reason: 'the presenter stopped sharing' } as const
/** Close code a viewer sees when it fell too far behind (its queue grew over the limit). */
export const VIEWER_TOO_SLOW = { code: 4001, reason: 'the connection is too slow to follow' } as const
/** Close code a viewer sees when the room is full. */
export const VIEWERS_FULL = { code: 4002, reason: 'too many viewers are connected' } as const
