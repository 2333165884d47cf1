// The command line's commands and their dispatch. Exit codes: 0 done, 1 failed while running, 2 the request
// itself is wrong (usage, an invalid script or lab file).

import { runCommand } from './run'
import { cryptoUtilCommand } from './cryptoUtil'
import { exportCommand } from './export'
import { importCommand } from './import'
import { kmsCommand } from './kms'
import { terminalSafe } from './terminalText'
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
            [--max-sessions 256] [--max-handshakes 64] [--idle-timeout SECONDS]
            [--handshake-timeout SECONDS] [--message-timeout SECONDS]
      Serves the lab's KMS as a real KMIP 1.1 server over TLS with mutual authentication. DIR holds ca.crt,
      server.crt and server.key. Keys persist in the lab file given with --state (see docs/kms-serve.md).

  crypto-util envelope describe [--offset N] FILE
  crypto-util envelope extract [--offset N] --keyfile INCIDENT-KEY-FILE --password PASSWORD FILE OUTFILE
      ESXi's crypto-util, as support uses it on a dump from a password-protected vm-support bundle (the lab
      script runs host.vmSupport; zdumps need --offset 4096). On the host that wrote a dump, run crypto-util
      there instead (host.cryptoUtil): it takes the host key from the key cache. A raw 32-byte key given with
      --keyfile alone (32 raw bytes or 64 hex digits) is a lab shortcut, not an ESXi use.

  export core-dump --lab FILE.kflab --host NAME --file /var/core/NAME --out OUT
  export key --lab FILE.kflab --key KEY-ID --out KEYFILE
  export nkp-backup --lab FILE.kflab --provider NAME --out FILE.p12
      Copies a file off a lab host's /var/core (a core dump, a vm-support bundle's dump or incident key file),
      a key out of the lab's KMS (as a KMS administrator could; vSphere support never needs it), or the PKCS#12
      backup of a Native Key Provider (provider.backup; openssl pkcs12 -info reads it with its password). All are
      written with mode 0600.

  import nkp-backup --lab FILE.kflab --file FILE.p12 [--password PASSWORD] [--tpm-required] --save OUT.kflab
      Restores a Native Key Provider from its backup (provider.restore) into a saved lab and saves it: vCenter
      gets the same KDK back, so the hosts derive the same keys again. A wrong password changes nothing (exit 1).
      In a script: {"op": "provider.restore", "file": "<the file as base64>", "password": "..."}.

  --help
      This text.
`

type Command = (args: string[]) => Promise<number>

const commands: Record<string, Command> = {
  run: runCommand,
  kms: kmsCommand,
  'crypto-util': cryptoUtilCommand,
  export: exportCommand,
  import: importCommand
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(HELP)
    return name ? 0 : 2
  }
  const command = commands[name]
  if (!command) {
    process.stderr.write(`unknown command '${terminalSafe(name)}'. Try --help.\n`)
    return 2
  }
  try {
    return await command(rest)
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`${terminalSafe(e.message, { keepNewlines: true })}\n`)
      return 2
    }
    process.stderr.write(`error: ${terminalSafe((e as Error).message, { keepNewlines: true })}\n`)
    return 1
  }
}

