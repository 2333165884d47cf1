// The graph as a picture for slides and notes: the graph as it is shown (zoom, step, tokens in flight, theme),
// without the zoom buttons, at twice the screen's resolution so it stays sharp on a projector. The picture tells
// itself: the legend above, the step number in a corner, the narration of that step below (the stage down to the
// playback bar).

import { toBlob } from 'html-to-image'
import { CatalogError } from '../../../shared/i18n/catalogError'

/** The browser drew no image of the graph (told as the reason of file.graphFailed, like any other). */
export class GraphNotDrawn extends CatalogError {
  override name = 'GraphNotDrawn'
  constructor() {
    super({ id: 'window.graphNotDrawn', params: {} })
  }
}

/** The pane of the graph on screen, or null when the window shows the table instead. */
export function graphPane(doc: Document = document): HTMLElement | null {
  return doc.querySelector<HTMLElement>('.graph .react-flow')
}

// html-to-image copies computed styles onto HTML elements but clones an <svg> whole, and the picture carries no
// stylesheet: our lines, rings and tokens, styled by class, would come out as black shapes. So their look is put on
// the elements themselves (through CSSOM, which the CSP allows) for the moment of drawing, then taken off again.
const SVG_LOOK = ['fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-dasharray', 'stroke-linecap', 'stroke-linejoin', 'stroke-opacity', 'opacity', 'color', 'font-size', 'font-family', 'font-weight']

function pinSvgLook(root: HTMLElement): () => void {
  const undo: (() => void)[] = []
  for (const el of root.querySelectorAll<SVGElement>('svg *')) {
    const computed = getComputedStyle(el)
    for (const prop of SVG_LOOK) {
      const before = el.style.getPropertyValue(prop)
      const priority = el.style.getPropertyPriority(prop)
      el.style.setProperty(prop, computed.getPropertyValue(prop))
      undo.push(() => (before ? el.style.setProperty(prop, before, priority) : el.style.removeProperty(prop)))
    }
  }
  return () => undo.forEach((f) => f())
}

/** Parts of the stage that are controls, not the picture. */
const LEFT_OUT = ['react-flow__controls', 'react-flow__panel', 'legend-toggle', 'timeline-bar', 'ways-in', 'build-guide', 'narration-seq']

/**
 * The picture of the graph pane with what it needs to stand alone: `step` ("Step 12 of 40") is written in its
 * corner; the legend and the narration around the pane (in its stage) come along.
 */
export async function graphPng(pane: HTMLElement, step: string): Promise<Blob> {
  const stage = pane.closest<HTMLElement>('.stage') ?? pane
  const canvas = pane.closest<HTMLElement>('.stage-canvas') ?? pane
  const label = document.createElement('div')
  label.className = 'export-step'
  label.textContent = step
  canvas.append(label)
  const unpin = pinSvgLook(pane)
  try {
    const bar = stage.querySelector<HTMLElement>('.timeline-bar')
    const top = stage.getBoundingClientRect().top
    const height = bar ? Math.round(bar.getBoundingClientRect().top - top) : stage.offsetHeight
    const blob = await toBlob(stage, {
      pixelRatio: 2,
      height,
      backgroundColor: opaqueBackground(pane),
      filter: (node) => !(node instanceof HTMLElement && LEFT_OUT.some((c) => node.classList.contains(c)))
    })
    if (!blob) throw new GraphNotDrawn()
    return blob
  } finally {
    unpin()
    label.remove()
  }
}

// The pane itself is transparent over the page; the picture needs the colour the eye sees behind it.
function opaqueBackground(el: HTMLElement | null): string {
  for (let e = el; e; e = e.parentElement) {
    const color = getComputedStyle(e).backgroundColor
    if (color && color !== 'transparent' && !/rgba\(.*,\s*0\)$/.test(color)) return color
  }
  return '#ffffff'
}
