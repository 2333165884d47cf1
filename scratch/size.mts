import { LabHost } from '/work/main/node/host/labHost'
const hosts = Number(process.argv[2] ?? 8), vmsPer = Number(process.argv[3] ?? 8)
const t0 = performance.now()
const h = await LabHost.create({ seed: 1 })
const run = async (c: any) => { const r = await h.runCommand(c); if (r.fault) throw new Error(c.op + ' ' + r.fault.text) }
await run({ op: 'kms.add', name: 'kms-1', provider: 'kp' })
await run({ op: 'provider.add', name: 'kp' })
await run({ op: 'provider.trust', provider: 'kp', mode: 'vcenter-cert' })
for (let i = 0; i < hosts; i++) await run({ op: 'host.add', name: `esx-${i}`, cluster: `c-${Math.floor(i / 8)}` })
for (let i = 0; i < hosts; i++) for (let j = 0; j < vmsPer; j++) {
  const name = `vm-${i}-${j}`
  await run({ op: 'vm.create', name, host: `esx-${i}`, diskMiB: 1/16 })
  await run({ op: 'vm.encrypt', name })
  await run({ op: 'vm.powerOn', name })
}
const t1 = performance.now()
const tl = await h.getTimeline()
const t2 = performance.now()
const s = JSON.stringify(tl)
const t3 = performance.now()
console.log({ build: t1 - t0, getTimeline: t2 - t1, stringify: t3 - t2, events: tl.events.length, bytes: s.length, base: JSON.stringify(tl.base).length, commands: tl.commands.length })
const ev = JSON.stringify(tl.events); console.log('events bytes', ev.length, 'patch bytes', JSON.stringify(tl.events.map(e=>e.patches)).length)
const exp = await h.exportLab(); console.log('export bytes', exp.length)
