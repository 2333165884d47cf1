// `run SCRIPT.json`: a lab script from start to end, printed as text or as one JSON document.

import { readFile } from 'node:fs/promises'
import { Lab } from '../../shared/lab/lab'
import { labReport } from '../../shared/lab/report'
import { parseLabScript } from '../../shared/lab/script'
import { serializeLab } from '../../shared/labFile/kflab'
import { writeFileAtomic } from '../host/atomicFile'
import { labDeps } from '../host/labHost'
import { writeJson } from './jsonWriter'
import { terminalSafe, writeLines } from './terminalText'
import { parseArgs, parseSeed, UsageError } from './usage'

const USAGE = 'usage: npm run --silent lab -- run SCRIPT.json [--seed N] [--json] [--save FILE.kflab]'

export async function runCommand(args: string[]): Promise<number> {
  const parsed = parseArgs(args, { options: ['seed', 'save'], flags: ['json'] }, USAGE)
  if (parsed.positional.length !== 1) throw new UsageError(USAGE)
  const path = parsed.positional[0]
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (e) {
    throw new UsageError(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`)
  }
  const script = parseLabScript(text)
  if (!script.ok) throw new UsageError(`${path}: ${script.reason} (at ${terminalSafe(script.place)})`)
  const seed = parsed.options.seed !== undefined ? parseSeed(parsed.options.seed) : (script.script.seed ?? null)
  const lab = await Lab.create(labDeps(seed), { seed })
  for (const [i, step] of script.script.steps.entries()) await lab.run(step, { step: i })
  if (parsed.options.save) await writeFileAtomic(parsed.options.save, serializeLab(lab))
  if (parsed.flags.has('json')) {
    await writeJson(process.stdout, labReport(lab))
    return 0
  }
  const out: string[] = []
  for (const { event } of lab.entries) {
    out.push(`${String(event.seq).padStart(5)}  ${event.text}`)
    for (const line of event.detail ?? []) out.push(`        ${line}`)
  }
  const faults = lab.commands.filter((c) => c.fault)
  out.push('', `${script.script.steps.length} step(s), ${lab.seq} event(s), ${faults.length} refused`)
  for (const c of faults) out.push(`  step ${c.step}: ${c.command.op} refused (${c.fault!.fault}): ${c.fault!.text}`)
  writeLines(process.stdout, out)
  return 0
}
