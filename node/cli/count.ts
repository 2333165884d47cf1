// Counts in the command line's English ("1 step", "2 events"), by the language's plural rules rather than "(s)".

const english = new Intl.PluralRules('en')

export function count(n: number, one: string, other = `${one}s`): string {
  return `${n} ${english.select(n) === 'one' ? one : other}`
}
