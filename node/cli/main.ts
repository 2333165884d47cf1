// `npm run --silent lab -- <command>`: the lab without a window, for course authors, rehearsals and tests.

import { main } from './app'

// A reader that stops early (`| head`) is not an error of ours.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0)
  throw e
})

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (e) => {
    process.stderr.write(`error: ${(e as Error).stack ?? e}\n`)
    process.exitCode = 1
  }
)
