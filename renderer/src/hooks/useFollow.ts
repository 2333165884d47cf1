// Follow along as the window sees it: presenter or viewer, following or not, the presenter's step, sharing.

import type { FollowState } from '../store/follow'
import { useLabStore } from './useLabStore'

export function useFollow(): FollowState {
  return useLabStore((s) => s.follow)
}

/** A viewer's window shows the lab read-only: no command menus, no rewind, no file changes. */
export function useIsViewer(): boolean {
  return useLabStore((s) => s.follow.role === 'viewer')
}
