// Benchmark (follow): does a room of viewers slow the presenter? A real lab host shares the lab (viewer hub and
// server on loopback); the presenter's window runs in headless Chromium; 60 viewers are WebSocket clients in a
// worker thread that behave like viewer pages (load the timeline on connect and after a reset, take every push) —
// without parsing each push, as that work is done on the viewers' own machines, not the presenter's.
// Measured: command-to-graph time on the presenter's window — from the command reaching the host to its new host
// component drawn in the presenter's graph — in alternating blocks without and with the 60 viewers, so the machine's
// noise falls on both alike. Goal: the median with viewers within 1.2× of the median without.

import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import { chromium, type Page } from '@playwright/test'
import { LabHost } from '../node/host/labHost'
import { startWebHost } from '../node/web/server'
import { Sharing } from '../node/web/sharing'

const VIEWERS = 60
const ROUNDS = 6
const COMMANDS_PER_BLOCK = 6

/** The viewers: plain JavaScript run in a worker thread, like 60 viewer pages on other machines. */
const viewerWorker = `
const { parentPort } = require('node:worker_threads')
const { WebSocket } = require('ws')
let sockets = []
let pushes = 0
function viewer(url, origin) {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { origin })
    let id = 0
    const load = () => ws.send(JSON.stringify({ id: ++id, method: 'getTimeline', args: [{ recent: 3000 }] }))
    ws.on('open', load)
    ws.on('message', (data) => {
      const text = String(data)
      if (text.startsWith('{"push"')) {
        pushes++
        if (text.startsWith('{"push":{"type":"reset"')) load()
      } else if (JSON.parse(text).id === 1) resolve(ws)
    })
    ws.on('error', reject)
  })
}
parentPort.on('message', async (m) => {
  if (m.connect) {
    sockets = await Promise.all(Array.from({ length: m.connect }, () => viewer(m.url, m.origin)))
    parentPort.postMessage({ connected: sockets.length })
  } else if (m.close) {
    await Promise.all(sockets.map((ws) => new Promise((r) => { ws.once('close', r); ws.close() })))
    sockets = []
    parentPort.postMessage({ closed: true, pushes })
  }
})
`

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d

/** Arms (in the page) `__drawn`: the epoch time of the first frame that shows component `id` (not awaited here). */
const armScript = (id: string) => `void (window.__drawn = new Promise((resolve) => {
  const seen = () => document.querySelector('[data-id="${id}"], [data-component="${id}"]')
  setTimeout(() => resolve(NaN), 10000)
  const done = () => requestAnimationFrame(() => resolve(performance.timeOrigin + performance.now()))
  if (seen()) return done()
  const observer = new MutationObserver(() => { if (seen()) { observer.disconnect(); done() } })
  observer.observe(document.body, { subtree: true, childList: true })
}))`

export async function benchFollow(): Promise<object[]> {
  const rendererDir = join(import.meta.dirname, '../out/renderer')
  if (!existsSync(join(rendererDir, 'index.html'))) throw new Error('no built renderer: run "npm run build" first')
  const api = await LabHost.create({ seed: 7 })
  for (const c of [
    { op: 'kms.add', name: 'kms-1', provider: 'lab-kms' },
    { op: 'provider.add', name: 'lab-kms' },
    { op: 'provider.trust', provider: 'lab-kms', mode: 'vcenter-cert' }
  ] as const)
    await api.runCommand(c)
  const sharing = new Sharing({ api, rendererDir })
  const host = await startWebHost({ api: sharing.presenterApi(), rendererDir })
  const viewerUrl = new URL((await sharing.start('127.0.0.1')).viewerUrl!)
  const socketUrl = `ws://${viewerUrl.host}/api?viewer=${viewerUrl.searchParams.get('viewer')}`
  const worker = new Worker(viewerWorker, { eval: true })
  const ask = <T>(message: object) =>
    new Promise<T>((resolve) => {
      worker.once('message', resolve)
      worker.postMessage(message)
    })
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run']
  })
  let hosts = 0
  async function commandToGraph(page: Page): Promise<number> {
    const name = `esx-${String(++hosts).padStart(2, '0')}`
    await page.evaluate(armScript(`host:${name}`))
    const sent = Date.now()
    await api.runCommand({ op: 'host.add', name, cluster: `cluster-${Math.ceil(hosts / 8)}` })
    const drawn = (await page.evaluate('window.__drawn')) as number
    if (Number.isNaN(drawn)) throw new Error(`${name} was not drawn within 10 s`)
    return drawn - sent
  }
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } })
    // New commands jump to their end (no playback), so the time is the host's and the window's, not the animation's.
    await page.addInitScript(() => localStorage.setItem('keyflow.settings', JSON.stringify({ autoPlay: false })))
    await page.goto(host.url)
    await page.waitForFunction(() => document.documentElement.dataset.graphReady !== undefined, null, { timeout: 60_000 })
    await commandToGraph(page) // warm-up
    const without: number[] = []
    const withViewers: number[] = []
    let pushes = 0
    for (let r = 0; r < ROUNDS; r++) {
      for (let i = 0; i < COMMANDS_PER_BLOCK; i++) without.push(await commandToGraph(page))
      await ask({ connect: VIEWERS, url: socketUrl, origin: viewerUrl.origin })
      if (sharing.status().viewers !== VIEWERS) throw new Error(`expected ${VIEWERS} viewers, the hub has ${sharing.status().viewers}`)
      for (let i = 0; i < COMMANDS_PER_BLOCK; i++) withViewers.push(await commandToGraph(page))
      pushes = (await ask<{ pushes: number }>({ close: true })).pushes
    }
    const m0 = median(without)
    const m1 = median(withViewers)
    const ratio = m1 / m0
    return [
      {
        bench: 'follow-command-to-graph',
        viewers: VIEWERS,
        commandsEach: without.length,
        withoutViewersMs: { median: round(m0), min: round(Math.min(...without)), max: round(Math.max(...without)) },
        withViewersMs: { median: round(m1), min: round(Math.min(...withViewers)), max: round(Math.max(...withViewers)) },
        ratio: round(ratio, 2),
        pushesReceivedByViewers: pushes,
        goal: { ratioAtMost: 1.2, met: ratio <= 1.2 }
      }
    ]
  } finally {
    await browser.close()
    await worker.terminate()
    await sharing.dispose()
    await host.close()
  }
}
