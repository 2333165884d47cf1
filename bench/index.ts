// `npm run bench [-- NAME ...]`: benchmarks as JSON lines. Without a name: the lab core's (disk encryption and
// host reboots). Names: xts, hosts, kmip, ui, follow, files. Timings on this 2-core machine are noisy: each benchmark compares
// side by side within one run and reports ratios.

export type Bench = () => Promise<object[]>

const benches: Record<string, Bench> = {
  xts: async () => (await import('./xts')).benchDiskCipher(),
  hosts: async () => (await import('./hosts')).benchHosts(),
  kmip: async () => (await import('./kmip')).benchKmip(),
  ui: async () => (await import('./ui')).benchUi(),
  follow: async () => (await import('./follow')).benchFollow(),
  files: async () => (await import('./files')).benchFiles()
}

const DEFAULT = ['xts', 'hosts']

const names = process.argv.slice(2).filter((a) => !a.startsWith('-'))
const unknown = names.filter((n) => !benches[n])
if (unknown.length) {
  process.stderr.write(`unknown benchmark ${unknown.join(', ')}; known: ${Object.keys(benches).join(', ')}\n`)
  process.exit(2)
}
for (const name of names.length ? names : DEFAULT) {
  for (const record of await benches[name]()) process.stdout.write(JSON.stringify({ suite: name, ...record }) + '\n')
}
