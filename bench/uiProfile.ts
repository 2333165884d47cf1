// For finding where a frame's time goes (KEYFLOW_UI_PROFILE=<file> npm run bench -- ui, on a renderer built with
// KEYFLOW_NO_MINIFY=1): a CPU profile of the measured seconds, written as <file>.cpuprofile (open it in Chromium's
// DevTools), and the long animation frames of those seconds, each split into script, style and layout, and the rest
// (paint and compositing), written as <file>.frames.json with the scripts that ran longest.

import { writeFileSync } from 'node:fs'
import type { Page } from '@playwright/test'

const OBSERVE_LOAF = `(() => {
  window.__loaf = []
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__loaf.push({
      start: e.startTime, duration: e.duration, blocking: e.blockingDuration,
      renderStart: e.renderStart, styleAndLayoutStart: e.styleAndLayoutStart,
      scripts: e.scripts.map((s) => ({ invoker: s.invoker, type: s.invokerType, fn: s.sourceFunctionName, at: s.sourceURL.split('/').pop() + ':' + s.sourceCharPosition, ms: s.duration, layoutMs: s.forcedStyleAndLayoutDuration }))
    })
  }).observe({ type: 'long-animation-frame' })
})()`

export async function startProfile(page: Page): Promise<{ stop(file: string): Promise<void> }> {
  const browser = page.context().browser()!
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.invalidationTracking', 'blink', 'cc', 'gpu', 'v8'] })
  const cdp = await page.context().newCDPSession(page)
  await page.evaluate(OBSERVE_LOAF)
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
  await cdp.send('Profiler.start')
  return {
    async stop(file) {
      const { profile } = await cdp.send('Profiler.stop')
      writeFileSync(`${file}.trace.json`, await browser.stopTracing())
      writeFileSync(`${file}.cpuprofile`, JSON.stringify(profile))
      const frames = (await page.evaluate('window.__loaf')) as { duration: number; renderStart: number; styleAndLayoutStart: number; start: number; scripts: { ms: number }[] }[]
      const split = frames.map((f) => {
        const end = f.start + f.duration
        const script = (f.renderStart || end) - f.start
        const render = f.styleAndLayoutStart ? f.styleAndLayoutStart - f.renderStart : 0
        const styleLayout = f.styleAndLayoutStart ? end - f.styleAndLayoutStart : 0
        return { ...f, split: { beforeRender: Math.round(script), rafAndObservers: Math.round(render), styleLayoutPaint: Math.round(styleLayout) } }
      })
      writeFileSync(`${file}.frames.json`, JSON.stringify(split, null, 1))
    }
  }
}
