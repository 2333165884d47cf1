// `run SCRIPT.json`: a lab script from start to end, printed as text or as one JSON document.

import { readFile } from 'node:fs/promises'
import { Lab } from '../../shared/lab/lab'
import { labReport } from '../../shared/lab/report'
import { parseLabScript } from '../../shared/lab/script'
import { labDeps } from '../host/labHost'
import { writeLab } from '../labFile/labFileIo'
import { count } from './count'
import { openLabFile } from './labFile'
import { writeJson } from './jsonWriter'
import { terminalSafe, writeLines } from './terminalText'
import { parseArgs, parseSeed, UsageError } from './usage'

const USAGE = 'usage: npm run --silent lab -- run SCRIPT.json [--seed N | --lab FILE.kflab] [--json] [--save FILE.kflab]'

export async function runCommand(args: string[]): Promise<number> {
  const parsed = parseArgs(args, { options: ['seed', 'save', 'lab'], flags: ['json'] }, USAGE)
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
  if (parsed.options.lab !== undefined && parsed.options.seed !== undefined) throw new UsageError(`--seed and --lab do not go together: a saved lab keeps its seed\n${USAGE}`)
  const seed = parsed.options.seed !== undefined ? parseSeed(parsed.options.seed) : (script.script.seed ?? null)
  // --lab: the script goes on from a saved lab (its history first, then the script's steps).
  const lab = parsed.options.lab !== undefined ? await openLabFile(parsed.options.lab) : await Lab.create(labDeps(seed), { seed })
  for (const [i, step] of script.script.steps.entries()) await lab.run(step, { step: i })
  if (parsed.options.save) await writeLab(lab, parsed.options.save)
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
  out.push('', `${count(script.script.steps.length, 'step')}, ${count(lab.seq, 'event')}, ${faults.length} refused`)
  for (const c of faults) out.push(`  step ${c.step}: ${c.command.op} refused (${c.fault!.fault}): ${c.fault!.text}`)
  writeLines(process.stdout, out)
  return 0
}
