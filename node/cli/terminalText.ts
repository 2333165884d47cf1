// Text from a lab (event lines, key IDs, hosts, crypto-util arguments, file contents) reaches the terminal only
// through here: control characters are shown as escapes, so a newline or an ANSI sequence inside a value can neither
// forge an event line nor recolour or clear the screen.

// C0 and C1 controls, DEL, and the Unicode line/paragraph separators.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g

/**
 * `text` with every control character written as a visible escape (`\n`, `\x1b`, `\u2028`). `keepNewlines` is for
 * our own multi-line messages (an error with its usage); event lines never keep them.
 */
export function terminalSafe(text: string, options: { keepNewlines?: boolean } = {}): string {
  return text.replace(CONTROL, (c) => {
    if (c === '\n' && options.keepNewlines) return c
    if (c === '\n') return '\\n'
    if (c === '\r') return '\\r'
    if (c === '\t') return '\\t'
    const code = c.charCodeAt(0)
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`
  })
}

/** Writes lines to a stream, each made safe; the line breaks between them are the only ones. */
export function writeLines(stream: NodeJS.WritableStream, lines: string[]): void {
  stream.write(lines.map((line) => terminalSafe(line)).join('\n') + '\n')
}
