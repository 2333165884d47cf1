import { execFile, execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { savedData } from '../../helpers/labFiles'

const exec = promisify(execFile)
const root = join(import.meta.dirname, '../../..')
const work = mkdtempSync(join(tmpdir(), 'kflab-cli-'))

async function lab(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec(process.execPath, ['--import', 'tsx', join(root, 'node/cli/main.ts'), ...args], {
      cwd: root,
      maxBuffer: 256 * 1024 * 1024
    })
    return { code: 0, stdout, stderr }
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string }
    return { code: err.code, stdout: err.stdout, stderr: err.stderr }
  }
}

const scenario = (name: string) => join(root, 'shared/scenarios', `${name}.json`)

describe('the command line', () => {
  it('run --json prints one document: events (with KMIP bytes), state (bytes as hex), faults', async () => {
    const { code, stdout } = await lab('run', scenario('kms-outage'), '--json')
    expect(code).toBe(0)
    const doc = JSON.parse(stdout)
    expect(Object.keys(doc)).toEqual(['events', 'state', 'faults'])
    type Ev = { kmip?: { operation: string; direction: string }; keys: { keyType: string }[] }
    const get = doc.events.find((e: Ev) => e.kmip?.operation === 'Get' && e.kmip.direction === 'response' && e.keys[0]?.keyType === 'kek')
    expect(get).toMatchObject({ kind: 'kmip.response', from: 'kms:kms-1', to: 'vcenter', keys: [{ keyType: 'kek', form: 'material' }] })
    expect(get.kmip.hex).toMatch(/^42007b01/)
    expect(get.text).toMatch(/key material/)
    const kinds = new Set(doc.state.components.map((c: { kind: string }) => c.kind))
    expect([...kinds].sort()).toEqual(['datastore', 'host', 'kms', 'vcenter', 'vm'])
    const vm = doc.state.components.find((c: { id: string }) => c.id === 'vm:db-01')
    expect(vm).toMatchObject({ kind: 'vm', power: 'poweredOn', connectionState: 'connected', cryptoState: 'unlocked' })
    expect(vm.keyId).toMatch(/^[0-9a-f-]{36}$/)
    const host = doc.state.components.find((c: { id: string }) => c.id === 'host:esx-01')
    expect(host.cryptoState).toBe('safe')
    expect(Object.values(host.memory.keyCache as Record<string, { material: string }>)[0].material).toMatch(/^[0-9a-f]{64}$/)
    const ds = doc.state.components.find((c: { kind: string }) => c.kind === 'datastore')
    expect(ds.persisted.files['db-01/db-01_1-flat.vmdk'].data).toMatch(/^[0-9a-f]{2097152}$/)
    expect(doc.faults).toEqual([{ step: 10, command: 10, op: 'vm.powerOn', fault: 'EncryptionKeyRequired', message: expect.stringMatching(/locked/) }])
  })

  it('the same script with the same seed prints byte-identical JSON in two separate runs', async () => {
    const [a, b] = await Promise.all([lab('run', scenario('crash-core-dump'), '--json'), lab('run', scenario('crash-core-dump'), '--json')])
    expect(a.stdout.length).toBeGreaterThan(100_000)
    expect(a.stdout === b.stdout).toBe(true)
    const c = await lab('run', scenario('crash-core-dump'), '--json', '--seed', '9')
    expect(c.stdout === a.stdout).toBe(false)
  })

  it('refuses an invalid script whole with the reason and place, exit code 2', async () => {
    const bad = join(work, 'bad.json')
    writeFileSync(bad, '{"steps": [{"op": "host.add", "name": "esx-01", "cluster": "c1"}, {"op": "vm.create", "host": "esx-01"}]}')
    const r = await lab('run', bad, '--json')
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(/not a valid lab script: .* \(at steps\[1\]\.name\)/)
    writeFileSync(bad, '{"steps": [\n  {"op": "host.add",\n}')
    const syntax = await lab('run', bad)
    expect(syntax.code).toBe(2)
    expect(syntax.stderr).toMatch(/not valid JSON: .* \(at line 3, column 1\)/)
    expect((await lab('run', join(work, 'missing.json'))).stderr).toMatch(/cannot read .*ENOENT/)
  })

  it('text output lists every event and the refused steps', async () => {
    const r = await lab('run', scenario('kms-outage'))
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/Virtual machine db-01 is locked because of a KMS cluster error/)
    expect(r.stdout).toMatch(/step 10: vm.powerOn refused \(EncryptionKeyRequired\)/)
  })

  it('--save, export and crypto-util: a dump exported before a host rekey opens only with the old host key', async () => {
    const script = join(work, 'dump.json')
    const steps = JSON.parse(readFileSync(scenario('crash-core-dump'), 'utf8'))
    const beforeRekey = { ...steps, steps: steps.steps.slice(0, -1) }
    writeFileSync(script, JSON.stringify(beforeRekey))
    const saved = join(work, 'before.kflab')
    expect((await lab('run', script, '--save', saved)).code).toBe(0)
    expect(statSync(saved).mode & 0o777).toBe(0o600)
    const hostKeyIdIn = async (path: string) => {
      const host = (await savedData(path)).entities['host:esx-01']
      if (host?.kind !== 'host' || !host.persisted.config.hostKeyId) throw new Error(`no host key in ${path}`)
      return host.persisted.config.hostKeyId
    }
    const hostKeyId = await hostKeyIdIn(saved)
    const dump = join(work, 'zdump.1')
    expect((await lab('export', 'core-dump', '--lab', saved, '--host', 'esx-01', '--file', '/var/core/vmkernel-zdump.1', '--out', dump)).code).toBe(0)
    const oldKey = join(work, 'old.key')
    expect((await lab('export', 'key', '--lab', saved, '--key', hostKeyId, '--out', oldKey)).code).toBe(0)
    expect(statSync(oldKey).mode & 0o777).toBe(0o600)
    expect(statSync(dump).mode & 0o777).toBe(0o600)
    const describe = await lab('crypto-util', 'envelope', 'describe', '--offset', '4096', dump)
    expect(describe.stdout).toContain(`keyID '${hostKeyId}'`)
    const plain = join(work, 'zdump.plain')
    const extract = await lab('crypto-util', 'envelope', 'extract', '--offset', '4096', '--keyfile', oldKey, dump, plain)
    expect(extract.code).toBe(0)
    expect(readFileSync(plain, 'utf8')).toContain('salary list 2026')
    // after the rekey, the new host key does not open the exported dump
    const after = join(work, 'after.kflab')
    expect((await lab('run', scenario('crash-core-dump'), '--save', after)).code).toBe(0)
    const newKeyId = await hostKeyIdIn(after)
    expect(newKeyId).not.toBe(hostKeyId)
    const newKey = join(work, 'new.key')
    await lab('export', 'key', '--lab', after, '--key', newKeyId, '--out', newKey)
    const refused = await lab('crypto-util', 'envelope', 'extract', '--offset', '4096', '--keyfile', newKey, dump, join(work, 'x'))
    expect(refused.code).toBe(1)
    expect(refused.stderr).toMatch(/not the key/)
    const noOffset = await lab('crypto-util', 'envelope', 'describe', dump)
    expect(noOffset.stderr).toMatch(/--offset 4096/)
  })

  it('export nkp-backup: the Native Key Provider’s backup is a PKCS#12 file openssl opens with the password', async () => {
    const saved = join(work, 'nkp.kflab')
    expect((await lab('run', scenario('standard-vs-native'), '--save', saved)).code).toBe(0)
    const p12 = join(work, 'nkp.p12')
    const out = await lab('export', 'nkp-backup', '--lab', saved, '--provider', 'nkp', '--out', p12)
    expect(out.stdout).toMatch(/wrote the PKCS#12 backup of nkp/)
    const { stderr } = await promisify(execFile)('openssl', ['pkcs12', '-info', '-in', p12, '-passin', 'pass:Backup-2026!', '-nodes'])
    expect(stderr).toMatch(/MAC: sha256/)
    const standard = await lab('export', 'nkp-backup', '--lab', saved, '--provider', 'corp-kms', '--out', join(work, 'x.p12'))
    expect(standard.stderr).toBe('the lab has no Native Key Provider corp-kms\n')
  })

  it('import nkp-backup: a new lab with its own hosts restores the provider from the exported file; a wrong password changes nothing', async () => {
    const saved = join(work, 'nkp-source.kflab')
    expect((await lab('run', scenario('standard-vs-native'), '--save', saved)).code).toBe(0)
    const p12 = join(work, 'nkp-source.p12')
    expect((await lab('export', 'nkp-backup', '--lab', saved, '--provider', 'nkp', '--out', p12)).code).toBe(0)
    const script = join(work, 'fresh.json')
    writeFileSync(script, JSON.stringify({ seed: 99, steps: [{ op: 'host.add', name: 'esx-09', cluster: 'dr' }] }))
    const fresh = join(work, 'fresh.kflab')
    expect((await lab('run', script, '--save', fresh)).code).toBe(0)

    const wrong = await lab('import', 'nkp-backup', '--lab', fresh, '--file', p12, '--password', 'nope', '--save', join(work, 'wrong.kflab'))
    expect(wrong.code).toBe(1)
    expect(wrong.stderr).toMatch(/^refused \(InvalidArgument\): The password does not open this backup file/)
    expect(existsSync(join(work, 'wrong.kflab'))).toBe(false)

    const restored = join(work, 'restored.kflab')
    const out = await lab('import', 'nkp-backup', '--lab', fresh, '--file', p12, '--password', 'Backup-2026!', '--save', restored)
    expect(out.code).toBe(0)
    expect(out.stdout).toMatch(/the same KDK as before/)
    expect(out.stdout).toMatch(/esx-09/)
    // the restored lab's provider hands out the same backup file, with the same KDK inside
    const again = join(work, 'restored.p12')
    expect((await lab('export', 'nkp-backup', '--lab', restored, '--provider', 'nkp', '--out', again)).code).toBe(0)
    expect(readFileSync(again)).toEqual(readFileSync(p12))
  })

  it('export key: a prototype name is simply not there; a newline or escape in the key ID is shown escaped', async () => {
    const saved = join(work, 'keys.kflab')
    expect((await lab('run', scenario('kms-outage'), '--save', saved)).code).toBe(0)
    const proto = await lab('export', 'key', '--lab', saved, '--key', 'toString', '--out', join(work, 'p'))
    expect(proto.stderr).toBe('no KMS in the lab holds key toString\n')
    const forged = await lab('export', 'key', '--lab', saved, '--key', 'x\n    1  forged\u001b[2J', '--out', join(work, 'p'))
    expect(forged.stderr).toBe('no KMS in the lab holds key x\\n    1  forged\\x1b[2J\n')
  })

  it('the README’s support flow: vm-support with a password, then crypto-util --keyfile <incident key file> --password, without the host key', async () => {
    const saved = join(work, 'support.kflab')
    expect((await lab('run', scenario('support-bundle'), '--save', saved)).code).toBe(0)
    const dir = '/var/core/vm-support-esx-01-1'
    const dump = join(work, 'support-zdump.1')
    const incident = join(work, 'incident.key')
    expect((await lab('export', 'core-dump', '--lab', saved, '--host', 'esx-01', '--file', `${dir}/vmkernel-zdump.1`, '--out', dump)).code).toBe(0)
    expect((await lab('export', 'core-dump', '--lab', saved, '--host', 'esx-01', '--file', `${dir}/vm-support-incident-key-file`, '--out', incident)).code).toBe(0)
    const describe = await lab('crypto-util', 'envelope', 'describe', '--offset', '4096', dump)
    expect(describe.stdout).toMatch(/keyID 'vm-support-incident-/)
    const plain = join(work, 'support.plain')
    const extract = await lab('crypto-util', 'envelope', 'extract', '--offset', '4096', '--keyfile', incident, '--password', 'Case-4711-support', dump, plain)
    expect(extract.code).toBe(0)
    expect(readFileSync(plain, 'utf8')).toContain('invoices of erp-01')
    const wrong = await lab('crypto-util', 'envelope', 'extract', '--offset', '4096', '--keyfile', incident, '--password', 'guess', dump, join(work, 'y'))
    expect(wrong.code).toBe(1)
    expect(wrong.stderr).toMatch(/password does not open/)
    const noKey = await lab('crypto-util', 'envelope', 'extract', '--offset', '4096', dump, join(work, 'z'))
    expect(noKey.stderr).toMatch(/vm-support/)
  })

  it('help, unknown commands and a corrupt lab file', async () => {
    const help = await lab('--help')
    expect(help.code).toBe(0)
    expect(help.stdout).toMatch(/run SCRIPT\.json \[--seed N \| --lab FILE\.kflab\] \[--json\] \[--save FILE\.kflab\]/)
    expect((await lab('frobnicate')).code).toBe(2)
    const corrupt = join(work, 'corrupt.kflab')
    writeFileSync(corrupt, '{"format": "keyflow-lab", "version": 1, "entities": 5}')
    const r = await lab('export', 'key', '--lab', corrupt, '--key', 'x', '--out', join(work, 'k'))
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/damaged/)
    // A FIFO (or a device) as --lab is refused at once instead of waiting for a writer that never comes.
    const fifo = join(work, 'fifo.kflab')
    execFileSync('mkfifo', [fifo])
    const f = await lab('export', 'key', '--lab', fifo, '--key', 'x', '--out', join(work, 'k'))
    expect(f.code).toBe(2)
    expect(f.stderr).toMatch(/only regular files are opened/)
    const dev = await lab('export', 'key', '--lab', '/dev/zero', '--key', 'x', '--out', join(work, 'k'))
    expect(dev.stderr).toMatch(/only regular files are opened/)
  })
})
