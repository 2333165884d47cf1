// `import nkp-backup`: restores a Native Key Provider from its PKCS#12 backup (the file `export nkp-backup` or the
// window saved) into a saved lab, and saves the lab: the command line's side of provider.restore.

import { readFile } from 'node:fs/promises'
import { toBase64 } from '../../shared/crypto/bytes'
import { writeLab } from '../labFile/labFileIo'
import { openLabFile } from './labFile'
import { terminalSafe } from './terminalText'
import { parseArgs, requireOption, UsageError } from './usage'

const USAGE = 'usage: npm run --silent lab -- import nkp-backup --lab FILE.kflab --file FILE.p12 [--password PASSWORD] [--tpm-required] --save OUT.kflab'

export async function importCommand(args: string[]): Promise<number> {
  const [what, ...rest] = args
  const parsed = parseArgs(rest, { options: ['lab', 'file', 'password', 'save'], flags: ['tpm-required'] }, USAGE)
  if (what !== 'nkp-backup') throw new UsageError(USAGE)
  const save = requireOption(parsed, 'save', USAGE)
  const path = requireOption(parsed, 'file', USAGE)
  let bytes: Uint8Array
  try {
    bytes = new Uint8Array(await readFile(path))
  } catch (e) {
    throw new UsageError(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`)
  }
  const lab = await openLabFile(requireOption(parsed, 'lab', USAGE))
  const out = await lab.run({
    op: 'provider.restore',
    file: toBase64(bytes),
    ...(parsed.options.password !== undefined ? { password: parsed.options.password } : {}),
    ...(parsed.flags.has('tpm-required') ? { tpmRequired: true } : {})
  })
  if (out.fault) {
    process.stderr.write(`refused (${out.fault.fault}): ${terminalSafe(out.fault.text)}\n`)
    return 1
  }
  await writeLab(lab, save)
  for (const event of out.events) process.stdout.write(`${String(event.seq).padStart(5)}  ${terminalSafe(event.text)}\n`)
  process.stdout.write(`saved the lab to ${save}\n`)
  return 0
}
