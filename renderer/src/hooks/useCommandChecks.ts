// Whether the core would refuse each of these commands now: asked in one batch with everything else on screen, and
// asked again whenever the lab changes. Answers are null (allowed) or the fault; `known` is false while asking.

import { useEffect, useMemo } from 'react'
import type { LabCommand } from '../../../shared/lab/commands/schema'
import { checkFor, commandKey, type CheckResult } from '../store/checks'
import { useLabActions } from './useLabActions'
import { useLabStore } from './useLabStore'

export interface CommandCheck {
  result: CheckResult
  known: boolean
}

export function useCommandChecks(commands: readonly LabCommand[]): CommandCheck[] {
  const { requestChecks } = useLabActions()
  const checks = useLabStore((s) => s.checks)
  const keys = commands.map(commandKey).join('\n')
  // The commands are identified by their keys: a new array with the same commands asks nothing new.
  const stable = useMemo(() => [...commands], [keys]) // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    if (stable.length) requestChecks(stable)
  }, [stable, checks.key, requestChecks])
  return useMemo(() => stable.map((c) => checkFor(checks, c)), [checks, stable])
}
