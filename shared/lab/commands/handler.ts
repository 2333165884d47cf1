import type { CommandContext } from '../context'
import type { CommandOf, CommandOp } from './schema'

/**
 * A command: `check` holds the rules (it throws the vSphere-like fault and changes nothing), `run` does the work
 * step by step. The window asks `check` to disable actions with the reason, so the rules live here only.
 */
export interface CommandHandler<O extends CommandOp> {
  check(ctx: CommandContext, cmd: CommandOf<O>): void
  run(ctx: CommandContext, cmd: CommandOf<O>): Promise<void>
}

export type HandlerTable = { [O in CommandOp]: CommandHandler<O> }
