// The command line's commands and their dispatch. Exit codes: 0 done, 1 failed while running, 2 the request
// itself is wrong (usage, an invalid script or lab file).

import { runCommand } from './run'
import { cryptoUtilCommand } from './cryptoUtil'
import { exportCommand } from './export'
import { kmsCommand } from './kms'
import { UsageError } from './usage'

export const HELP = `KeyFlow Lab — vSphere VM Encryption, simulated with real cryptography

usage: npm run --silent lab -- <command> [options]

  run SCRIPT.json [--seed N | --lab FILE.kflab] [--json] [--save FILE.kflab]
      Runs a lab script ({"seed"?: n, "steps": [{"op": ...}, ...]}). Prints what happened, one line per event;
      with --json one document {"events", "state", "faults"} (byte strings as hex). --seed overrides the
      script's seed; without any seed the lab uses the system's secure random source. --lab goes on from a
      saved lab file (opened offline: no KMS is contacted while it opens). --save writes the lab file (mode
      0600; open it in the window). Refused commands are listed in "faults"; an invalid script is refused whole.

  kms serve --pki DIR [--host 127.0.0.1] [--port 5696] [--state FILE.kflab] [--name NAME]
            [--max-connections 256] [--idle-timeout SECONDS]
      Serves the lab's KMS as a real KMIP 1.1 server over TLS with mutual authentication. DIR holds ca.crt,
      server.crt and server.key. Keys persist in the lab file given with --state (see docs/kms-serve.md).

  crypto-util envelope describe [--offset N] FILE
  crypto-util envelope extract [--offset N] --keyfile KEYFILE FILE OUTFILE
      ESXi's crypto-util for core dumps exported from a lab host (zdumps need --offset 4096). KEYFILE holds
      the host key that wrapped the dump, as 32 raw bytes or 64 hex digits.

  export core-dump --lab FILE.kflab --host NAME --file /var/core/NAME --out OUT
  export key --lab FILE.kflab --key KEY-ID --out KEYFILE
      Copies a core dump off a lab host, or a key out of the lab's KMS (as a KMS administrator would), so that
      crypto-util can open the dump outside the lab. Both are written with mode 0600.

  --help
      This text.
`

type Command = (args: string[]) => Promise<number>

const commands: Record<string, Command> = {
  run: runCommand,
  kms: kmsCommand,
  'crypto-util': cryptoUtilCommand,
  export: exportCommand
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(HELP)
    return name ? 0 : 2
  }
  const command = commands[name]
  if (!command) {
    process.stderr.write(`unknown command '${name}'. Try --help.\n`)
    return 2
  }
  try {
    return await command(rest)
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`${e.message}\n`)
      return 2
    }
    process.stderr.write(`error: ${(e as Error).message}\n`)
    return 1
  }
}

