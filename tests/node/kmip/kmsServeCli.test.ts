// `kms serve` as a process: one line when it listens, keys saved in the lab file after every change (and found
// again after a restart), the rest of the lab left as it was, a clean exit on SIGTERM, plain usage errors.

import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { State } from '../../../shared/kmip'
import { Lab } from '../../../shared/lab/lab'
import type { KmsComponent, VmComponent } from '../../../shared/lab/model'
import { loadLabFile } from '../../../shared/labFile/kflab'
import { labDeps } from '../../../node/host/labHost'
import { writeLab } from '../../../node/labFile/labFileIo'
import { savedData } from '../../helpers/labFiles'
import { openClient } from './support/labKms'
import { makeTestPki, type TestPki } from './support/pki'
import { repoRoot } from '../../helpers/spawnTestHost'

const tsx = join(repoRoot, 'node_modules/.bin/tsx')

interface Served {
  child: ChildProcess
  port: number
  line: string
  stdout: () => string
  stop(): Promise<{ code: number | null; stdout: string; stderr: string }>
}

// Every server this file starts, so none outlives a failed test (each runs in its own process group: tsx + node).
const started = new Set<ChildProcess>()

function serve(args: string[]): Promise<Served> {
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, ['node/cli/main.ts', 'kms', 'serve', ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
    started.add(child)
    child.once('close', () => started.delete(child))
    let stdout = ''
    let stderr = ''
    child.stdout!.on('data', (c: Buffer) => (stdout += c.toString()))
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()))
    const exited = new Promise<number | null>((done) => child.once('close', done))
    createInterface({ input: child.stdout! }).once('line', (line) => {
      const port = Number(/listening on 127\.0\.0\.1:(\d+) /.exec(line)?.[1])
      resolve({
        child,
        port,
        line,
        stdout: () => stdout,
        stop: async () => {
          child.kill('SIGTERM')
          return { code: await exited, stdout, stderr }
        }
      })
    })
    void exited.then((code) => reject(new Error(`kms serve exited (${code}) before listening: ${stderr}`)))
  })
}

function run(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(tsx, ['node/cli/main.ts', 'kms', 'serve', ...args], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'pipe'], detached: true })
    let stderr = ''
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()))
    // A refusal is immediate; a server that starts instead would run forever.
    const timer = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 20_000)
    child.once('close', (code) => {
      clearTimeout(timer)
      resolve({ code, stderr })
    })
  })
}

const kmsIn = async (path: string, name = 'kms-1') => (await savedData(path)).entities[`kms:${name}`] as KmsComponent

let pki: TestPki
let dir: string
beforeAll(() => {
  pki = makeTestPki()
  dir = mkdtempSync(join(tmpdir(), 'kflab-serve-'))
})
afterAll(() => {
  for (const child of started) process.kill(-child.pid!, 'SIGKILL')
  pki?.dispose()
  rmSync(dir, { recursive: true, force: true })
})

describe('kms serve (the command)', () => {
  it('creates a lab file, saves every change to it, keeps the keys across a restart, and exits cleanly', async () => {
    const state = join(dir, 'new.kflab')
    const first = await serve(['--pki', pki.dir, '--port', '0', '--state', state])
    expect(first.line).toBe(`KeyFlow Lab KMS listening on 127.0.0.1:${first.port} (KMIP 1.1, TLS, mutual auth; keys of kms-1 in ${state} (new lab file))`)
    const { client, link } = await openClient(pki, first.port)
    const uid = (await client.createSymmetricKey({ names: ['persisted-key'] })).value
    // The Create was answered, so it is on disk already.
    expect(Object.keys((await kmsIn(state)).persisted.keys)).toEqual([uid])
    await client.activate(uid)
    expect((await kmsIn(state)).persisted.keys[uid].state).toBe(State.Active)
    const material = (await client.get(uid)).value.keyMaterial
    link.close()

    const stopped = await first.stop()
    expect(stopped.code).toBe(0)
    expect(stopped.stdout.trimEnd().split('\n')).toHaveLength(1)
    expect(stopped.stderr).toMatch(/stopped \(SIGTERM\)/)

    // The file is a lab the window can open: history partial (keys changed outside lab commands).
    const data = await savedData(state)
    expect(data.history).toBe('partial')
    expect(data.commands.map((c) => c.command.op)).toEqual(['kms.add'])
    const lab = await loadLabFile(data, (seed) => labDeps(seed))
    expect((lab.component('kms:kms-1') as KmsComponent).persisted.keys[uid].material).toEqual(material)

    const second = await serve(['--pki', pki.dir, '--port', '0', '--state', state])
    expect(second.line).toMatch(/keys of kms-1 in .*new\.kflab\)$/)
    const again = await openClient(pki, second.port)
    expect((await again.client.get(uid)).value.keyMaterial).toEqual(material)
    expect((await again.client.locateByName('persisted-key')).value).toEqual([uid])
    again.link.close()
    expect((await second.stop()).code).toBe(0)
  })

  it("serves a KMS of an existing lab: the lab's own keys and everything else stay as they were", async () => {
    const lab = await Lab.create(labDeps(7), { seed: 7 })
    for (const step of [
      { op: 'kms.add', name: 'kms-1', provider: 'kp' },
      { op: 'kms.add', name: 'kms-2', provider: 'kp' },
      { op: 'provider.add', name: 'kp' },
      { op: 'provider.trust', provider: 'kp', mode: 'vcenter-cert' },
      { op: 'host.add', name: 'esx-01', cluster: 'c1' },
      { op: 'vm.create', name: 'vm-1', host: 'esx-01' },
      { op: 'vm.encrypt', name: 'vm-1' }
    ]) {
      expect((await lab.run(step)).fault).toBeFalsy()
    }
    const state = join(dir, 'existing.kflab')
    await writeLab(lab, state)
    const before = await savedData(state)
    const labKeys = (before.entities['kms:kms-2'] as KmsComponent).persisted.keys

    const served = await serve(['--pki', pki.dir, '--port', '0', '--state', state, '--name', 'kms-2'])
    const { client, link } = await openClient(pki, served.port)
    const uid = (await client.createSymmetricKey()).value
    // The lab's keys belong to the lab's vCenter (its certificate CN), not to this client.
    const theirs = Object.keys(labKeys)[0]
    await expect(client.get(theirs)).rejects.toMatchObject({ resultReason: 0x0c })
    link.close()
    expect((await served.stop()).code).toBe(0)

    const after = await savedData(state)
    const keys = (after.entities['kms:kms-2'] as KmsComponent).persisted.keys
    expect(Object.keys(keys).sort()).toEqual([...Object.keys(labKeys), uid].sort())
    for (const [id, key] of Object.entries(labKeys)) expect(keys[id]).toEqual(key)
    expect(after.commands).toEqual(before.commands)
    expect(after.history).toBe('partial')
    for (const id of Object.keys(before.entities).filter((id) => id !== 'kms:kms-2')) expect(after.entities[id]).toEqual(before.entities[id])
    const reopened = await loadLabFile(after, (seed) => labDeps(seed))
    expect((reopened.component('vm:vm-1') as VmComponent).keyId).toBe((lab.component('vm:vm-1') as VmComponent).keyId)
  })

  it('refuses plainly what it cannot do', async () => {
    const noSuchKms = await run(['--pki', pki.dir, '--port', '0', '--state', join(dir, 'existing.kflab'), '--name', 'kms-9'])
    expect(noSuchKms.code).toBe(2)
    expect(noSuchKms.stderr).toMatch(/has no KMS named 'kms-9' \(it has kms-1, kms-2\)/)
    const noPki = await run(['--port', '0'])
    expect(noPki.code).toBe(2)
    expect(noPki.stderr).toMatch(/--pki is required/)
    const emptyPki = await run(['--pki', dir, '--port', '0'])
    expect(emptyPki.code).toBe(2)
    expect(emptyPki.stderr).toMatch(/cannot read .*ca\.crt: ENOENT/)
    const notALab = join(dir, 'not-a-lab.kflab')
    writeFileSync(notALab, '{"hello": 1}')
    const badState = await run(['--pki', pki.dir, '--port', '0', '--state', notALab])
    expect(badState.code).toBe(2)
    expect(badState.stderr).toMatch(/not a KeyFlow Lab file/)
  })
})
