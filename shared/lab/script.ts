// Reads a lab script: the whole script is refused if it is not JSON or not a valid lab script, with the reason and
// the place (line and column for JSON syntax, a path such as steps[3].name for the schema).

import type { z } from 'zod'
import { commandOps, labScriptSchema, type CommandOp, type LabScript } from './commands/schema'

export type ScriptParseResult = { ok: true; script: LabScript } | { ok: false; reason: string; place: string }

export function parseLabScript(text: string): ScriptParseResult {
  const syntax = findJsonSyntaxError(text)
  if (syntax) return { ok: false, reason: `not valid JSON: ${syntax.reason}`, place: `line ${syntax.line}, column ${syntax.column}` }
  return validateLabScript(JSON.parse(text))
}

export function validateLabScript(value: unknown): ScriptParseResult {
  const parsed = labScriptSchema.safeParse(value)
  if (parsed.success) return { ok: true, script: parsed.data }
  const issue = pickIssue(parsed.error.issues, value)
  return { ok: false, reason: `not a valid lab script: ${issue.message}`, place: formatPath(issue.path) || '(top level)' }
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = ''
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${String(p)}` : String(p)
  return out
}

/** For an unknown op zod reports the discriminator; say which op was not understood instead of listing all. */
function pickIssue(issues: z.core.$ZodIssue[], value: unknown): { message: string; path: PropertyKey[] } {
  const first = issues[0]
  if (first.code === 'invalid_union') {
    const stepPath = first.path.at(-1) === 'op' ? first.path.slice(0, -1) : first.path
    const step = readPath(value, stepPath) as { op?: unknown } | undefined
    if (step && typeof step === 'object' && 'op' in step && !commandOps.includes(step.op as CommandOp))
      return { message: `unknown op ${JSON.stringify(step.op)}`, path: [...stepPath, 'op'] as PropertyKey[] }
  }
  return { message: first.message, path: first.path as PropertyKey[] }
}

function readPath(value: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = value
  for (const p of path) v = v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[p] : undefined
  return v
}

interface SyntaxProblem {
  reason: string
  line: number
  column: number
}

/** A small JSON grammar walk that reports where the first error is (JSON.parse messages do not, on all engines). */
export function findJsonSyntaxError(text: string): SyntaxProblem | null {
  let i = 0
  const fail = (reason: string): never => {
    throw Object.assign(new Error(reason), { at: i })
  }
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++
  }
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length
    else fail('unexpected token')
  }
  const string = () => {
    i++
    while (i < text.length) {
      const c = text[i]
      if (c === '"') return void i++
      if (c === '\\') {
        const n = text[i + 1]
        if (n === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('bad unicode escape')
          i += 6
        } else if (n !== undefined && '"\\/bfnrt'.includes(n)) i += 2
        else fail('bad escape')
      } else if (c.charCodeAt(0) < 0x20) fail('control character in string')
      else i++
    }
    fail('unterminated string')
  }
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400))
    if (!m) fail('bad number')
    i += m![0].length
  }
  const value = (depth: number): void => {
    if (depth > 512) fail('nested too deeply')
    ws()
    const c = text[i]
    if (c === '{') {
      i++
      ws()
      if (text[i] === '}') return void i++
      for (;;) {
        ws()
        if (text[i] !== '"') fail('expected a property name in double quotes')
        string()
        ws()
        if (text[i] !== ':') fail("expected ':' after the property name")
        i++
        value(depth + 1)
        ws()
        if (text[i] === ',') {
          i++
          continue
        }
        if (text[i] === '}') return void i++
        fail("expected ',' or '}'")
      }
    }
    if (c === '[') {
      i++
      ws()
      if (text[i] === ']') return void i++
      for (;;) {
        value(depth + 1)
        ws()
        if (text[i] === ',') {
          i++
          continue
        }
        if (text[i] === ']') return void i++
        fail("expected ',' or ']'")
      }
    }
    if (c === '"') return string()
    if (c === 't') return literal('true')
    if (c === 'f') return literal('false')
    if (c === 'n') return literal('null')
    if (c === '-' || (c >= '0' && c <= '9')) return number()
    fail(i >= text.length ? 'unexpected end of input' : 'unexpected token')
  }
  try {
    value(0)
    ws()
    if (i < text.length) fail('unexpected text after the JSON value')
    return null
  } catch (e) {
    const at = (e as { at: number }).at
    const before = text.slice(0, at)
    const line = before.split('\n').length
    const column = at - before.lastIndexOf('\n')
    return { reason: (e as Error).message, line, column }
  }
}
