import { describe, expect, it } from 'vitest'
import { commandOps, commandSchema, trustModes } from '../../../shared/lab/commands/schema'
import { OPS, TRUST_MODES, buildCommand, candidates, cryptoUtilArgs, defaultArgs, opsFor, opsOfGroup, optionsFor, splitArgs, GROUPS } from '../../../renderer/src/actions/catalog'
import { commandArgsText } from '../../../renderer/src/actions/describe'
import { translate, translator } from '../../../renderer/src/i18n/translate'
import { commandKey, checkFor, rekeyChecks } from '../../../renderer/src/store/checks'
import { labFacts } from '../../../renderer/src/reading/labFacts'
import { labHostWith } from '../../helpers/labHost'
import { fromTimeline } from '../../../renderer/src/store/loadedTimeline'

async function liveFacts() {
  const host = await labHostWith(11, [
    { op: 'kms.add', name: 'kms-1', provider: 'lab-kms' },
    { op: 'provider.add', name: 'lab-kms' },
    { op: 'provider.trust', provider: 'lab-kms', mode: 'vcenter-cert' },
    { op: 'host.add', name: 'esx-01', cluster: 'cluster-a' },
    { op: 'host.add', name: 'esx-02', cluster: 'cluster-a' },
    { op: 'vm.create', name: 'vm-01', host: 'esx-01', diskMiB: 0.0625 },
    { op: 'vm.encrypt', name: 'vm-01' },
    { op: 'host.crash', name: 'esx-01' }
  ])
  return { host, facts: labFacts(fromTimeline(await host.getTimeline()).live) }
}

describe('the action catalog', () => {
  it('offers every command of the schema, each in a group, and every trust mode', () => {
    expect([...TRUST_MODES]).toEqual([...trustModes])
    expect(Object.keys(OPS).sort()).toEqual([...commandOps].sort())
    expect(GROUPS.flatMap((g) => opsOfGroup(g).map((o) => o.op)).sort()).toEqual([...commandOps].sort())
  })

  it('prefills forms with commands the schema accepts, and the core accepts the sensible ones', async () => {
    const { host, facts } = await liveFacts()
    const target = { kind: 'vm' as const, name: 'vm-01', id: 'vm:vm-01' }
    for (const op of commandOps) {
      const c = buildCommand(op, defaultArgs(op, facts, OPS[op].target?.kind === 'vm' ? target : undefined))
      const parsed = commandSchema.safeParse(c)
      // a file field (provider.restore's backup) waits for the person's pick: only that field may be missing
      const files = OPS[op].fields.filter((f) => f.kind === 'file').map((f) => f.name as string)
      if (files.length) expect(parsed.error?.issues.every((i) => files.includes(String(i.path[0]))) ?? true, `${op}: ${JSON.stringify(c)}`).toBe(true)
      else expect(parsed.success, `${op}: ${JSON.stringify(c)}`).toBe(true)
    }
    const accepted = ['kms.add', 'host.add', 'vm.create', 'vm.powerOn', 'vm.migrate', 'vm.clone', 'host.reboot', 'host.cryptoUtil', 'vm.rekey', 'provider.add', 'lab.advanceClock'] as const
    const faults = await host.checkCommands(accepted.map((op) => buildCommand(op, defaultArgs(op, facts, OPS[op].target?.kind === 'vm' ? target : undefined))))
    expect(Object.fromEntries(accepted.map((op, i) => [op, faults[i]?.text ?? null]))).toEqual(Object.fromEntries(accepted.map((op) => [op, null])))
  })

  it('picks names that are free and hosts that make sense', async () => {
    const { facts } = await liveFacts()
    expect(defaultArgs('host.add', facts)).toEqual({ name: 'esx-03', cluster: 'cluster-a', tpm: true })
    expect(defaultArgs('kms.add', facts)).toEqual({ name: 'kms-2', provider: 'lab-kms' })
    expect(defaultArgs('vm.migrate', facts, { kind: 'vm', name: 'vm-01', id: 'vm:vm-01' })).toEqual({ name: 'vm-01', host: 'esx-02' })
    expect(defaultArgs('host.cryptoUtil', facts, { kind: 'host', name: 'esx-01', id: 'host:esx-01' }).args).toBe('envelope describe --offset 4096 /var/core/vmkernel-zdump.1')
    expect(defaultArgs('vm.create', facts, { kind: 'host', name: 'esx-02', id: 'host:esx-02' })).toMatchObject({ name: 'vm-02', host: 'esx-02' })
    expect(optionsFor('host', facts).map((o) => o.value)).toEqual(['esx-01', 'esx-02'])
  })

  it('proposes a key the KMS lets the operation change: revoke an Active one, destroy a Deactivated one, activate a Pre-Active one', () => {
    const key = (keyId: string, state: number) => ({ keyId, state, kms: 'kms-1', component: null, owner: null })
    const facts = { ...labFacts({}), keys: [key('active', 2), key('revoked', 3), key('new', 1)] }
    expect(defaultArgs('kms.revokeKey', facts)).toEqual({ keyId: 'active' })
    expect(defaultArgs('kms.destroyKey', facts)).toEqual({ keyId: 'revoked' })
    expect(defaultArgs('kms.activateKey', facts)).toEqual({ keyId: 'new' })
    // only Active keys: the first is proposed, and the core's refusal says why it cannot be destroyed
    expect(defaultArgs('kms.destroyKey', { ...facts, keys: [key('active', 2)] })).toEqual({ keyId: 'active' })
  })

  it('never offers a Native Key Provider to "Establish trust": it has no KMS to trust', () => {
    const provider = (name: string, native: boolean, trusted: boolean) => ({ name, native, trusted, registered: true, isDefault: false, hasBackup: false })
    const facts = (providers: ReturnType<typeof provider>[]) => ({ ...labFacts({}), providers })
    expect(defaultArgs('provider.trust', facts([provider('kp', false, true), provider('nkp', true, false)])).provider).toBe('kp')
    expect(defaultArgs('provider.trust', facts([provider('nkp', true, false), provider('kp', false, false)])).provider).toBe('kp')
    expect(defaultArgs('provider.trust', facts([provider('nkp', true, false), provider('kp', false, true), provider('kp2', false, false)])).provider).toBe('kp2')
  })

  it('builds commands without empty optional fields and splits crypto-util arguments', () => {
    expect(buildCommand('vm.create', { name: 'a', host: 'h', diskMiB: undefined, guestData: '' })).toEqual({ op: 'vm.create', name: 'a', host: 'h' })
    expect(buildCommand('vm.rekey', { name: 'a', deep: false })).toEqual({ op: 'vm.rekey', name: 'a' })
    expect(buildCommand('host.cryptoUtil', { name: 'h', args: ' envelope  describe x ' })).toEqual({ op: 'host.cryptoUtil', name: 'h', args: ['envelope', 'describe', 'x'] })
    expect(splitArgs('')).toEqual([])
    expect(cryptoUtilArgs('extract', 'vmkernel-zdump.1')).toEqual(['envelope', 'extract', '--offset', '4096', '/var/core/vmkernel-zdump.1', '/var/core/vmkernel-zdump.1.plain'])
  })

  it('gives each component kind its own menu, and menus a candidate per target', async () => {
    const { facts } = await liveFacts()
    expect(opsFor('vm').map((o) => o.op)).toContain('vm.unlock')
    expect(opsFor('kms').map((o) => o.op)).toEqual(['kms.stop', 'kms.start', 'kms.revokeKey', 'kms.destroyKey', 'kms.activateKey', 'kms.remove'])
    const c = candidates('host.reboot', facts, { kind: 'host', name: 'esx-02', id: 'host:esx-02' })
    expect(c).toEqual([
      { op: 'host.reboot', name: 'esx-02' },
      { op: 'host.reboot', name: 'esx-01' }
    ])
  })

  it('describes a command in a few words and keys it stably', () => {
    expect(commandArgsText({ op: 'vm.create', name: 'a', host: 'h', guestData: 'secret salary data of 2026' })).toBe('a · h · “secret salary data of 20”')
    expect(commandArgsText({ op: 'host.encryptionMode', name: 'h', enabled: true })).toBe('h · enabled=on')
    // values chosen from a list read as the form shows them, in the window's language
    expect(commandArgsText({ op: 'provider.trust', provider: 'kp', mode: 'vcenter-cert' }, translator('de'))).toBe(`kp · ${translate('de', 'trust.vcenter-cert')}`)
    expect(commandArgsText({ op: 'provider.add', name: 'nkp', type: 'native' }, translator('de'))).toBe(`nkp · ${translate('de', 'choice.native')}`)
    expect(translate('de', 'choice.native')).not.toBe('native')
    expect(commandKey({ op: 'host.add', name: 'a', cluster: 'c' })).toBe(commandKey({ cluster: 'c', name: 'a', op: 'host.add' } as never))
    const checks = rekeyChecks({ key: 'L:1', results: { [commandKey({ op: 'vcenter.stop' })]: null }, stale: {} }, 'L:2')
    expect(checkFor(checks, { op: 'vcenter.stop' })).toEqual({ result: null, known: false })
  })
})
