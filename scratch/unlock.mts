import { LabHost } from '../node/host/labHost'
const h = await LabHost.create({ seed: 7 })
for (const c of [
  { op: 'kms.add', name: 'kms-1', provider: 'lab-kms' }, { op: 'provider.add', name: 'lab-kms' }, { op: 'provider.trust', provider: 'lab-kms', mode: 'csr' },
  { op: 'host.add', name: 'esx-01', cluster: 'c' }, { op: 'vm.create', name: 'vm-01', host: 'esx-01' }, { op: 'vm.encrypt', name: 'vm-01' }, { op: 'vm.powerOn', name: 'vm-01' },
  { op: 'kms.stop', name: 'kms-1' }, { op: 'host.reboot', name: 'esx-01' }] as any[]) { const r = await h.runCommand(c); if (r.fault) console.log(c.op, r.fault.text) }
console.log(await h.checkCommands([{ op: 'vm.unlock', name: 'vm-01' }, { op: 'vm.powerOn', name: 'vm-01' }] as any))
const r = await h.runCommand({ op: 'vm.unlock', name: 'vm-01' }); console.log(r.fault)
