// Command-line options: `--name value` pairs and flags, with plain errors for anything unexpected.

export class UsageError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UsageError'
  }
}

export interface ParsedArgs {
  positional: string[]
  options: Record<string, string>
  flags: Set<string>
}

export function parseArgs(args: string[], spec: { options?: string[]; flags?: string[] }, usage: string): ParsedArgs {
  const out: ParsedArgs = { positional: [], options: {}, flags: new Set() }
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    if (a.startsWith('--')) {
      const name = a.slice(2)
      if (spec.flags?.includes(name)) out.flags.add(name)
      else if (spec.options?.includes(name)) {
        const v = args[++i]
        if (v === undefined || v.startsWith('--')) throw new UsageError(`--${name} needs a value\n${usage}`)
        out.options[name] = v
      } else throw new UsageError(`unknown option ${a}\n${usage}`)
    } else out.positional.push(a)
  }
  return out
}

export function requireOption(args: ParsedArgs, name: string, usage: string): string {
  const v = args.options[name]
  if (v === undefined) throw new UsageError(`--${name} is required\n${usage}`)
  return v
}

export function parseSeed(text: string): number {
  if (!/^\d{1,16}$/.test(text) || !Number.isSafeInteger(Number(text))) throw new UsageError(`--seed needs a non-negative integer, not '${text}'`)
  return Number(text)
}
