import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Timeline } from '../../../shared/api/contract'
import { runTestHost, startTestHost } from '../../helpers/spawnTestHost'
import { closed, connect, Conversation } from '../../helpers/wsClient'

function fakeRendererDir(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'kf-host-')), 'renderer')
  mkdirSync(dir)
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>lab</title>')
  return dir
}

describe('npm run web (node/web/testHost.ts)', () => {
  it('explains bad options and exits 1', async () => {
    const r = await runTestHost(['--port', 'eighty'])
    expect(r.code).toBe(1)
    expect(r.stdout).toBe('')
    expect(r.stderr).toContain('--port must be a whole number from 0 to 65535 (got "eighty")')
    const unknown = await runTestHost(['--colour'])
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toMatch(/Unknown option '--colour'/)
  })

  it('refuses to start without a built renderer', async () => {
    const r = await runTestHost(['--renderer', join(tmpdir(), 'kf-no-renderer-here')])
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('no built renderer')
  })

  it('prints its URL first and serves a real lab over the token-guarded socket', async () => {
    const host = await startTestHost(['--seed', '7', '--renderer', fakeRendererDir()])
    try {
      expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{48}$/)
      const { origin, searchParams } = new URL(host.url)
      const wsUrl = `${origin.replace('http', 'ws')}/api?token=${searchParams.get('token')}`

      const refused = await connect(wsUrl, { origin: 'http://evil.example' })
      expect(!refused.ok && refused.status).toBe(403)

      const r = await connect(wsUrl, { origin })
      if (!r.ok) throw new Error(`refused: ${r.status}`)
      const talk = new Conversation(r.ws)
      const first = (await talk.call(1, 'getTimeline', [])) as { result: Timeline }
      expect(first.result.seed).toBe(7)
      expect(Object.keys(first.result.base)).toContain('vcenter')

      const ran = (await talk.call(2, 'runCommand', [{ op: 'host.add', name: 'esx-01', cluster: 'cluster-a' }])) as { result: { fault: unknown; firstSeq: number; lastSeq: number } }
      expect(ran.result.fault).toBeNull()
      expect(ran.result.lastSeq).toBeGreaterThanOrEqual(ran.result.firstSeq)
      const push = talk.messages.find((m) => 'push' in m && m.push.type === 'appended')
      expect(push && 'push' in push && push.push.type === 'appended' && push.push.events.every((e) => e.text.length > 0)).toBe(true)

      const after = (await talk.call(3, 'getTimeline', [])) as { result: Timeline }
      expect(after.result.events.length).toBe(ran.result.lastSeq)
      await closed(r.ws)
    } finally {
      await host.stop()
    }
  })
})
