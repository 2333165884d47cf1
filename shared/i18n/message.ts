// The message syntax of both catalogs (the lab's narration and the window's strings): a small subset of ICU
// MessageFormat, so counts read right in every language without "key(s)" or "Sektor(en)":
//   {name}                                    a parameter as it is
//   {name, number}                            a number in the language's form (1,024 / 1.024)
//   {name, plural, =0 {…} one {…} other {…}}  the form Intl.PluralRules picks for the number; `#` in a form is the
//                                             number in the language's form; `=N` matches exactly N first
// A template that does not parse is a programming error: the tests of the narration and of the window’s strings parse every entry.

/** The languages of every catalog, in the order a language picker lists them. */
export const languages = ['en', 'de'] as const
export type Language = (typeof languages)[number]

type Part =
  | { kind: 'text'; text: string }
  | { kind: 'arg'; name: string }
  | { kind: 'number'; name: string }
  | { kind: 'plural'; name: string; forms: Map<string, Part[]> }
  /** `#` inside a plural form: the number of the nearest enclosing plural. */
  | { kind: 'count' }

const PLURAL_CATEGORIES = new Set(['zero', 'one', 'two', 'few', 'many', 'other'])

class Parser {
  private i = 0
  constructor(private readonly src: string) {}

  parse(): Part[] {
    const parts = this.parts(false, false)
    if (this.i < this.src.length) throw this.error('an unmatched “}”')
    return parts
  }

  private error(what: string): Error {
    return new Error(`message template ${JSON.stringify(this.src)}: ${what} at ${this.i}`)
  }

  private parts(inForm: boolean, inPlural: boolean): Part[] {
    const out: Part[] = []
    let text = ''
    const flush = () => {
      if (text) out.push({ kind: 'text', text })
      text = ''
    }
    while (this.i < this.src.length) {
      const c = this.src[this.i]
      if (c === '}') {
        if (!inForm) break
        flush()
        return out
      }
      if (c === '{') {
        flush()
        out.push(this.argument())
        continue
      }
      if (c === '#' && inPlural) {
        flush()
        out.push({ kind: 'count' })
        this.i++
        continue
      }
      text += c
      this.i++
    }
    if (inForm) throw this.error('a plural form without its “}”')
    flush()
    return out
  }

  private argument(): Part {
    const end = this.src.indexOf('}', this.i)
    const head = /^\{\s*(\w+)\s*(?:,\s*(\w+)\s*(,)?)?/.exec(this.src.slice(this.i, end < 0 ? undefined : end + 1))
    if (!head) throw this.error('a placeholder without a name')
    const [whole, name, type, comma] = head
    this.i += whole.length
    if (!type) return this.close({ kind: 'arg', name })
    if (type === 'number' && !comma) return this.close({ kind: 'number', name })
    if (type !== 'plural' || !comma) throw this.error(`an unknown placeholder type “${type}”`)
    const forms = new Map<string, Part[]>()
    for (;;) {
      this.skipSpace()
      if (this.src[this.i] === '}') break
      const selector = /^(=\d+|\w+)\s*\{/.exec(this.src.slice(this.i))
      if (!selector || !(selector[1].startsWith('=') || PLURAL_CATEGORIES.has(selector[1]))) throw this.error('a plural form without a category')
      this.i += selector[0].length
      forms.set(selector[1], this.parts(true, true))
      this.i++ // the form's "}"
    }
    if (!forms.has('other')) throw this.error(`plural “${name}” without an “other” form`)
    this.i++
    return { kind: 'plural', name, forms }
  }

  private close(part: Part): Part {
    this.skipSpace()
    if (this.src[this.i] !== '}') throw this.error('a placeholder without its “}”')
    this.i++
    return part
  }

  private skipSpace(): void {
    while (/\s/.test(this.src[this.i] ?? '')) this.i++
  }
}

const parsed = new Map<string, Part[]>()

function parse(template: string): Part[] {
  let parts = parsed.get(template)
  if (!parts) {
    parts = new Parser(template).parse()
    parsed.set(template, parts)
  }
  return parts
}

const numberFormats = new Map<Language, Intl.NumberFormat>()
const pluralRules = new Map<Language, Intl.PluralRules>()

/** A number as the language writes it (1,024 in English, 1.024 in German). */
export function formatNumber(n: number, lang: Language): string {
  let f = numberFormats.get(lang)
  if (!f) numberFormats.set(lang, (f = new Intl.NumberFormat(lang)))
  return f.format(n)
}

function pluralCategory(n: number, lang: Language): string {
  let r = pluralRules.get(lang)
  if (!r) pluralRules.set(lang, (r = new Intl.PluralRules(lang)))
  return r.select(n)
}

/** How a parameter becomes text (the narration renders nested sentences in the same language). */
export type RenderParam<P> = (value: P) => string

/**
 * Fills a template: a parameter that is missing stays visible as `{name}`, so a test catches it; a plural or number
 * whose parameter is not a number says so in the text rather than guessing a form.
 */
export function renderTemplate<P>(template: string, lang: Language, params: Readonly<Record<string, P>>, show: RenderParam<P>): string {
  const has = (name: string) => Object.prototype.hasOwnProperty.call(params, name)
  const render = (parts: Part[], count: number | undefined): string => {
    let out = ''
    for (const p of parts) {
      if (p.kind === 'text') out += p.text
      else if (p.kind === 'count') out += count === undefined ? '#' : formatNumber(count, lang)
      else if (!has(p.name)) out += `{${p.name}}`
      else {
        const value = params[p.name]
        if (p.kind === 'arg') out += show(value)
        else if (typeof value !== 'number') out += `{${p.name}: not a number}`
        else if (p.kind === 'number') out += formatNumber(value, lang)
        else {
          const form = p.forms.get(`=${value}`) ?? p.forms.get(pluralCategory(value, lang)) ?? p.forms.get('other')!
          out += render(form, value)
        }
      }
    }
    return out
  }
  return render(parse(template), undefined)
}

/** The parameter names a template uses (in any form), sorted: both languages of an entry must use the same. */
export function templateParams(template: string): string[] {
  const names = new Set<string>()
  const walk = (parts: Part[]) => {
    for (const p of parts) {
      if (p.kind === 'arg' || p.kind === 'number') names.add(p.name)
      else if (p.kind === 'plural') {
        names.add(p.name)
        for (const form of p.forms.values()) walk(form)
      }
    }
  }
  walk(parse(template))
  return [...names].sort()
}
