// After a lesson loads, the keyboard belongs where Space plays it: the play button (the menu or button that loaded
// the lesson is gone or closed by then, and focus would otherwise fall back to the page).

export const PLAY_BUTTON_ID = 'playback-play'

export function focusPlay(): void {
  requestAnimationFrame(() => document.getElementById(PLAY_BUTTON_ID)?.focus())
}
