// `kms <subcommand>`: the lab's KMS on the network.

import { UsageError } from './usage'

const USAGE = 'usage: npm run --silent lab -- kms serve --pki DIR [--host 127.0.0.1] [--port 5696] [--state FILE.kflab] [--name NAME] [--max-sessions N] [--max-handshakes N] [--idle-timeout S] [--handshake-timeout S] [--message-timeout S]'

export async function kmsCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args
  if (sub !== 'serve') throw new UsageError(USAGE)
  const { kmsServe } = await import('./kmsServe')
  return kmsServe(rest)
}
